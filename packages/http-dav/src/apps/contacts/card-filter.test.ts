import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVCard, type JCard } from '@almanac/codec-vcard';
import { parseXml } from '../../xml/parse.js';
import { readAddressbookQuery } from '../../xml/requests/addressbook-query.js';
import { cardMatches } from './card-filter.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'xml', 'requests', 'fixtures');
const filterOf = (xml: string) => readAddressbookQuery(parseXml(xml)).filter;
const fixtureFilter = (name: string) => filterOf(readFileSync(join(fixtures, `${name}.xml`), 'utf8'));
const card = (...lines: string[]): JCard => {
  const parsed = parseVCard(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n'));
  if (!parsed.ok) throw new Error('test card does not parse');
  return parsed.value;
};
const query = (filter: string, test = '') =>
  filterOf(`<C:addressbook-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><C:filter${test}>${filter}</C:filter></C:addressbook-query>`);

// The cards of RFC 6352 §8.6 (Cyrus has the nickname "me") and two more.
const CYRUS = card('NICKNAME:me', 'UID:34222-232@example.com', 'FN:Cyrus Daboo', 'N:Daboo;Cyrus;;;', 'EMAIL;TYPE=work,internet:daboo@example.com');
const ERIC = card('NICKNAME:oliver', 'UID:34222-23222@example.com', 'FN:Eric York', 'EMAIL;TYPE=home:eric@example.com');
const GROUP = card('UID:g1', 'FN:Friends', 'X-ADDRESSBOOKSERVER-KIND:group', 'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:34222-232@example.com');
const APPLE = card('UID:a1', 'FN:Zoë Straße', 'item1.EMAIL;type=INTERNET:zoe@example.org', 'item1.X-ABLabel:_$!<Other>!$_', 'CATEGORIES:Family,Work');

describe('addressbook-query filters (RFC 6352 §10.5)', () => {
  it('matches RFC 6352 §8.6.3: NICKNAME equals "me"', () => {
    const filter = fixtureFilter('rfc6352-8.6.3-addressbook-query-nickname');
    expect([CYRUS, ERIC, GROUP].map((c) => cardMatches(c, filter))).toEqual([true, false, false]);
  });

  it('matches RFC 6352 §8.6.4: FN or EMAIL containing "daboo"', () => {
    const filter = fixtureFilter('rfc6352-8.6.4-addressbook-query-fn-or-email');
    expect([CYRUS, ERIC, GROUP].map((c) => cardMatches(c, filter))).toEqual([true, false, false]);
  });

  it('combines text-match and param-filter with allof, and is-not-defined (Evolution)', () => {
    const filter = fixtureFilter('evolution-addressbook-query-allof');
    expect([CYRUS, ERIC, GROUP].map((c) => cardMatches(c, filter))).toEqual([true, false, false]);
  });

  it.each([
    ['equals', 'Cyrus Daboo', true], ['equals', 'cyrus', false], ['starts-with', 'CYRUS', true],
    ['ends-with', 'daboo', true], ['contains', 'rus da', true], ['contains', 'york', false],
  ])('applies match-type %s "%s" → %s', (type, value, expected) => {
    expect(cardMatches(CYRUS, query(`<C:prop-filter name="FN"><C:text-match match-type="${type}">${value}</C:text-match></C:prop-filter>`))).toBe(expected);
  });

  it('honours collations: i;octet is case-sensitive, i;unicode-casemap folds ß and diacritics-free case', () => {
    const octet = (v: string) => query(`<C:prop-filter name="FN"><C:text-match collation="i;octet">${v}</C:text-match></C:prop-filter>`);
    expect(cardMatches(CYRUS, octet('Daboo'))).toBe(true);
    expect(cardMatches(CYRUS, octet('daboo'))).toBe(false);
    expect(cardMatches(APPLE, query('<C:prop-filter name="FN"><C:text-match>STRASSE</C:text-match></C:prop-filter>'))).toBe(true);
    expect(cardMatches(APPLE, query('<C:prop-filter name="FN"><C:text-match collation="i;ascii-casemap">STRASSE</C:text-match></C:prop-filter>'))).toBe(false);
  });

  it('negates a text-match per value, not per component', () => {
    const not = (v: string) => query(`<C:prop-filter name="N"><C:text-match negate-condition="yes">${v}</C:text-match></C:prop-filter>`);
    expect(cardMatches(CYRUS, not('Daboo'))).toBe(false);
    expect(cardMatches(CYRUS, not('York'))).toBe(true);
    // An undefined property satisfies no text-match, negated or not.
    expect(cardMatches(ERIC, not('Daboo'))).toBe(false);
  });

  it('matches structured and list values by component and as a whole', () => {
    expect(cardMatches(CYRUS, query('<C:prop-filter name="N"><C:text-match match-type="equals">Cyrus</C:text-match></C:prop-filter>'))).toBe(true);
    expect(cardMatches(CYRUS, query('<C:prop-filter name="N"><C:text-match match-type="starts-with">Daboo;Cyrus</C:text-match></C:prop-filter>'))).toBe(true);
    expect(cardMatches(APPLE, query('<C:prop-filter name="CATEGORIES"><C:text-match match-type="equals">work</C:text-match></C:prop-filter>'))).toBe(true);
  });

  it('finds grouped properties by name, or by group and name', () => {
    expect(cardMatches(APPLE, query('<C:prop-filter name="EMAIL"><C:text-match>zoe@</C:text-match></C:prop-filter>'))).toBe(true);
    expect(cardMatches(APPLE, query('<C:prop-filter name="item1.EMAIL"/>'))).toBe(true);
    expect(cardMatches(APPLE, query('<C:prop-filter name="item2.EMAIL"/>'))).toBe(false);
  });

  it('reads param-filters: defined, undefined, text-matched', () => {
    const param = (inner: string) => query(`<C:prop-filter name="EMAIL"><C:param-filter name="TYPE">${inner}</C:param-filter></C:prop-filter>`);
    expect(cardMatches(CYRUS, param(''))).toBe(true);
    expect(cardMatches(CYRUS, param('<C:is-not-defined/>'))).toBe(false);
    expect(cardMatches(APPLE, query('<C:prop-filter name="EMAIL"><C:param-filter name="X-FOO"><C:is-not-defined/></C:param-filter></C:prop-filter>'))).toBe(true);
    expect(cardMatches(ERIC, param('<C:text-match match-type="equals">HOME</C:text-match>'))).toBe(true);
    expect(cardMatches(CYRUS, param('<C:text-match match-type="equals">home</C:text-match>'))).toBe(false);
  });

  it('combines prop-filters with anyof (default) and allof; an empty filter matches every card', () => {
    const both = '<C:prop-filter name="NICKNAME"/><C:prop-filter name="X-ADDRESSBOOKSERVER-KIND"/>';
    expect([CYRUS, GROUP, APPLE].map((c) => cardMatches(c, query(both)))).toEqual([true, true, false]);
    expect([CYRUS, GROUP, APPLE].map((c) => cardMatches(c, query(both, ' test="allof"')))).toEqual([false, false, false]);
    expect([CYRUS, GROUP, APPLE].map((c) => cardMatches(c, query('')))).toEqual([true, true, true]);
  });

  it('combines the tests inside a prop-filter with its own test attribute', () => {
    const inner = (test: string) => query(`<C:prop-filter name="EMAIL" test="${test}"><C:text-match>daboo</C:text-match><C:param-filter name="TYPE"><C:text-match match-type="equals">home</C:text-match></C:param-filter></C:prop-filter>`);
    expect(cardMatches(CYRUS, inner('anyof'))).toBe(true);
    expect(cardMatches(CYRUS, inner('allof'))).toBe(false);
  });
});
