import { describe, expect, it } from '@jest/globals';
import { stringifyVCard } from '@almanac/codec-vcard';
import { jscontactToVCard, vcardToJSContact } from '../../src/vcard/index.js';
import { canonicalCard } from '../helpers/compare.js';
import { exclusions, readFixture, readFixtureJson, wrapJson, wrapVCard } from '../helpers/fixtures.js';
import { parseOne, vcardStructure } from '../helpers/vcard-structure.js';

// RFC 9555's conversion examples (fixtures README §5): 47 vCard → JSContact pairs and 6
// JSContact → vCard ones. Map keys are illustrative, so entries are compared without their ids;
// vCardParams are not compared (the examples do not show them). Each JSContact side also goes
// to vCard and back unchanged.
interface Pair {
  id: string;
  order: 'vcard-first' | 'jscontact-first';
  vcard: { file: string };
  jscontact: { file: string };
}
const pairs = readFixtureJson<{ cases: Pair[] }>('rfc-examples/rfc9555/cases.json').cases;
const excluded = exclusions(import.meta.url, 'rfc9555.exclusions.json');
const options = { ignoreIds: true, ignoreVCardParams: true, ignoreDefaults: true };

function card(json: Record<string, unknown>): Record<string, unknown> {
  return { '@type': 'Card', version: '1.0', ...json };
}

function problems(pair: Pair): string[] {
  const vcardText = wrapVCard(readFixture(`rfc-examples/rfc9555/${pair.vcard.file}`));
  const json = wrapJson(readFixture(`rfc-examples/rfc9555/${pair.jscontact.file}`));
  if (!json) return ['the JSON side is not JSON'];
  const expected = card(json);
  const out: string[] = [];
  if (pair.order === 'vcard-first') {
    const converted = vcardToJSContact(parseOne(vcardText));
    if (!converted.ok) return ['conversion failed'];
    const got = { ...converted.value } as Record<string, unknown>;
    // RFC 9555 §2.1.1: a vCard without UID gets a generated uid; the example's is arbitrary.
    const want = { ...expected };
    if (!/^UID[;:]/m.test(vcardText)) {
      delete got['uid'];
      delete want['uid'];
    }
    const a = JSON.stringify(canonicalCard(got, options));
    const b = JSON.stringify(canonicalCard(want, options));
    if (a !== b) out.push(`vCard -> JSContact\n got: ${a}\nwant: ${b}`);
  } else {
    const converted = jscontactToVCard({ uid: 'urn:uuid:00000000-0000-4000-8000-000000000000', ...expected });
    if (!converted.ok) return ['conversion failed'];
    const got = vcardStructure(parseOne(stringifyVCard(converted.value))).filter((p) => !p.startsWith('["uid"'));
    const want = vcardStructure(parseOne(vcardText));
    if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`JSContact -> vCard\n got: ${got.join('\n      ')}\nwant: ${want.join('\n      ')}`);
  }
  const withUid = { uid: 'urn:uuid:00000000-0000-4000-8000-000000000000', ...expected };
  const there = jscontactToVCard(withUid);
  const back = there.ok ? vcardToJSContact(parseOne(stringifyVCard(there.value))) : there;
  if (!back.ok) return [...out, 'round trip failed'];
  const a = JSON.stringify(canonicalCard(back.value, { ignoreDefaults: true }));
  const b = JSON.stringify(canonicalCard(withUid, { ignoreDefaults: true }));
  if (a !== b) out.push(`JSContact -> vCard -> JSContact\n got: ${a}\nwant: ${b}`);
  return out;
}

describe.each(pairs.map((p) => [p.id, p] as const))('RFC 9555 %s', (id, pair) => {
  const reason = excluded.get(id);
  if (reason === undefined) {
    it('converts as the RFC shows, and back', () => {
      expect(problems(pair)).toEqual([]);
    });
  } else {
    it(`is a known difference: ${reason}`, () => {
      expect(problems(pair)).not.toEqual([]);
    });
  }
});

it('has the 53 pairs, and the exclusion list names only existing ones', () => {
  expect(pairs.length).toBe(53);
  for (const id of excluded.keys()) expect(pairs.map((p) => p.id)).toContain(id);
});
