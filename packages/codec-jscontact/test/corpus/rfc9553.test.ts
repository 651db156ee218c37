import { describe, expect, it } from '@jest/globals';
import { stringifyVCard } from '@almanac/codec-vcard';
import { validateJSContact } from '../../src/index.js';
import { jscontactToVCard, vcardToJSContact } from '../../src/vcard/index.js';
import { canonicalCard } from '../helpers/compare.js';
import { exclusions, readFixture, readFixtureJson, wrapJson } from '../helpers/fixtures.js';
import { parseOne } from '../helpers/vcard-structure.js';

// RFC 9553's examples (fixtures README §5): each is valid under the strict rfc schema, and
// converts to vCard and back unchanged. Most are member lists of a Card (wrapped, with the
// mandatory members the RFC leaves out filled in); 16 is a Name.
interface Example {
  file: string;
  section: { title: string };
  completeJson: boolean;
}
const list = readFixtureJson<{ examples: Example[] }>('rfc-examples/rfc9553/examples.json').examples;
const excluded = exclusions(import.meta.url, 'rfc9553.exclusions.json');

function card(e: Example): Record<string, unknown> | undefined {
  const json = wrapJson(readFixture(`rfc-examples/rfc9553/${e.file}`));
  if (!json) return undefined;
  const members = e.file.includes('16-example-full') ? { name: json } : json;
  return { '@type': 'Card', version: '1.0', uid: 'urn:uuid:00000000-0000-4000-8000-000000000002', ...members };
}

describe.each(list.map((e) => [e.file.replace('examples/', ''), e] as const))('RFC 9553 %s', (id, e) => {
  const value = card(e);
  const reason = excluded.get(id);
  if (reason !== undefined) {
    it(`is not JSON as printed: ${reason}`, () => expect(value).toBeUndefined());
    return;
  }
  it('is valid under the strict rfc schema', () => {
    expect(validateJSContact(value, { strict: true })).toEqual([]);
  });
  it('converts to vCard and back unchanged', () => {
    const vcard = jscontactToVCard(value);
    if (!vcard.ok) throw new Error('conversion failed');
    const back = vcardToJSContact(parseOne(stringifyVCard(vcard.value)));
    expect(back.ok && canonicalCard(back.value, { ignoreDefaults: true })).toEqual(canonicalCard(value, { ignoreDefaults: true }));
  });
});

describe('the strict rfc schema', () => {
  const valid = card(list.find((e) => e.file.includes('04-example-card'))!)!;
  it.each([
    ['a missing version', { ...valid, version: undefined }, '/version'],
    ['an email without address', { ...valid, emails: { e1: { label: 'x' } } }, '/emails/e1/address'],
    ['a bad Id', { ...valid, phones: { 'a b': { number: '1' } } }, '/phones/a b'],
    ['an unregistered kind', { ...valid, kind: 'robot' }, '/kind'],
    ['a pref out of range', { ...valid, emails: { e: { address: 'a@b', pref: 101 } } }, '/emails/e/pref'],
    ['a wrongly cased property', { ...valid, Emails: {} }, '/Emails'],
    ['a bad UTCDateTime', { ...valid, updated: '2024-01-01' }, '/updated'],
  ])('rejects %s with a JSON pointer', (_what, value, path) => {
    const issues = validateJSContact(JSON.parse(JSON.stringify(value)), { strict: true });
    expect(issues.map((i) => i.path)).toContain(path);
  });
  it('accepts vendor properties and values', () => {
    expect(validateJSContact({ ...valid, 'example.com:x': 1, kind: 'example.com:robot' }, { strict: true })).toEqual([]);
  });
});
