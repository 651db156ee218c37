import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseVCard } from '@almanac/codec-vcard';
import type { StoredContact } from '@almanac/domain-contacts';
import type { ResourceId, ChangeNumber, CollectionId } from '@almanac/domain-kernel';
import { parseXml } from '../../xml/parse.js';
import { readAddressbookQuery } from '../../xml/requests/addressbook-query.js';
import { cardMatches } from './card-filter.js';
import { selectProperties } from './partial-card.js';
import { generateVCard, versionOfText } from './vcard-text.js';

const stored = (data: Record<string, unknown>): StoredContact => ({
  id: 7 as ResourceId, collectionId: 1 as CollectionId, uid: String(data.uid), name: `${String(data.uid)}.vcf`, kind: data.kind === 'group' ? 'card-group' : 'card',
  data: data as StoredContact['data'], rawText: null, timeRange: null, timeZone: null, revision: 1, changeNumber: 1 as ChangeNumber,
  createdAt: new Date('2024-01-01T00:00:00Z'), updatedAt: new Date('2024-01-02T00:00:00Z'),
});

describe('vCard text of stored contacts', () => {
  it('reads the VERSION of a text', () => {
    expect(versionOfText('BEGIN:VCARD\r\nversion: 4.0 \r\nEND:VCARD\r\n')).toBe('4.0');
    expect(versionOfText('BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n')).toBeUndefined();
  });

  it('writes list members as urn:uuid: URIs, keeping members that are URIs already', () => {
    const list = stored({ '@type': 'Card', version: '1.0', uid: 'list-1', kind: 'group', name: { full: 'L' }, members: { 'abc-1': true, 'urn:uuid:def-2': true, 'mailto:x@y.z': true } });
    const v4 = generateVCard(list, '4.0', []);
    expect(v4.match(/^MEMBER:.*$/gm)).toEqual(['MEMBER:urn:uuid:abc-1', 'MEMBER:urn:uuid:def-2', 'MEMBER:mailto:x@y.z']);
    const v3 = generateVCard(list, '3.0', []);
    expect(v3).toMatch(/^VERSION:3\.0$/m);
    expect(v3).toMatch(/^X-ADDRESSBOOKSERVER-KIND:group$/m);
    expect(v3.match(/^X-ADDRESSBOOKSERVER-MEMBER:.*$/gm)).toHaveLength(3);
  });

  it('leaves the server-only lookup columns out and puts the server dates in', () => {
    const text = generateVCard(stored({ '@type': 'Card', version: '1.0', uid: 'c-1', name: { full: 'C' }, 'almanac:columns': { n_family: 'x' } }), '4.0', []);
    expect(text).not.toContain('almanac:columns');
    expect(text).toMatch(/^PRODID:Almanac Addressbook$/m);
    expect(text).toMatch(/^REV:20240102T000000Z$/m);
  });
});

describe('the contacts app never throws on what a client sends', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(fc.oneof(fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:3.0', 'VERSION:4.0', 'FN:A', 'item1.EMAIL;TYPE=work:a@b', ' folded', 'N:a;b;c', 'X-A;P="q;r":v', ':', ';;'), fc.string({ maxLength: 40 })), { maxLength: 20 })
      .map((lines) => lines.join('\r\n')),
  );

  it('selects properties of any text', () => {
    fc.assert(fc.property(anyText, fc.array(fc.record({ name: fc.constantFrom('FN', 'EMAIL', 'ITEM1.EMAIL', 'X-A', ''), novalue: fc.boolean() })), (text, props) => {
      const out = selectProperties(text, props);
      expect(typeof out).toBe('string');
    }), { numRuns: 500 });
  });

  it('evaluates filters on any parsable card', () => {
    const filter = readAddressbookQuery(parseXml(`<C:addressbook-query xmlns:C="urn:ietf:params:xml:ns:carddav"><C:filter test="allof">
      <C:prop-filter name="FN"><C:text-match negate-condition="yes">a</C:text-match></C:prop-filter>
      <C:prop-filter name="EMAIL" test="allof"><C:param-filter name="TYPE"><C:text-match>work</C:text-match></C:param-filter></C:prop-filter>
      <C:prop-filter name="N"><C:is-not-defined/></C:prop-filter></C:filter></C:addressbook-query>`)).filter;
    fc.assert(fc.property(anyText, (text) => {
      const parsed = parseVCard(text);
      if (parsed.ok) expect(typeof cardMatches(parsed.value, filter)).toBe('boolean');
    }), { numRuns: 500 });
  });
});
