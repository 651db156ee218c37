import { describe, expect, it } from '@jest/globals';
import { stringifyVCard } from '@almanac/codec-vcard';
import { jscontactToVCard, vcardToJSContact } from '../../src/vcard/index.js';
import { fromCalcard, withoutShadows } from '../helpers/calcard.js';
import { canonicalCard } from '../helpers/compare.js';
import { exclusions, readFixture, readFixtureJson, wrapJson, wrapVCard } from '../helpers/fixtures.js';
import { parseOne, vcardStructure } from '../helpers/vcard-structure.js';

// stalwartlabs/calcard's vCard <-> JSContact tests (fixtures README §3), both directions: the
// conversion gives `expected`, and converting that back gives `roundtrip` (default: the
// input). Entries are compared without their ids, parameters (calcard keeps them in its own
// `vCard.convertedProperties`) and the defaults RFC 9553 defines.
interface Test {
  name: string;
  direction: 'vcard-to-jscontact' | 'jscontact-to-vcard';
  blocks: { input: { file: string }; expected: { file: string }; roundtrip?: { file: string } };
  dir: string;
}
const files = readFixtureJson<{ files: Array<{ tests: Test[] }> }>('calcard/cases-jscontact.json').files;
const tests = files.flatMap((f) => f.tests);
const excluded = exclusions(import.meta.url, 'calcard.exclusions.json');
const options = { ignoreIds: true, ignoreVCardParams: true, ignoreDefaults: true };

function json(file: string): Record<string, unknown> {
  const parsed = wrapJson(readFixture(`calcard/${file}`));
  if (!parsed) throw new Error(`${file} is not JSON`);
  return fromCalcard({ '@type': 'Card', version: '1.0', ...parsed });
}

function compareJson(got: Record<string, unknown>, want: Record<string, unknown>, vcardText: string | undefined): string | undefined {
  const a = { ...withoutShadows(got) };
  const b = { ...want };
  if (vcardText === undefined || !/^UID[;:]/m.test(vcardText)) {
    if (b['uid'] === undefined) delete a['uid'];
  }
  const x = JSON.stringify(canonicalCard(a, options));
  const y = JSON.stringify(canonicalCard(b, options));
  return x === y ? undefined : ` got: ${x}\nwant: ${y}`;
}

function compareVCard(got: string, want: string): string | undefined {
  const a = vcardStructure(parseOne(got)).filter((p) => !p.startsWith('["uid"'));
  const b = vcardStructure(parseOne(want)).filter((p) => !p.startsWith('["uid"'));
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  return ` got: ${a.filter((x) => !b.includes(x)).join('\n      ')}\nwant: ${b.filter((x) => !a.includes(x)).join('\n      ')}`;
}

function problems(t: Test): string[] {
  const out: string[] = [];
  if (t.direction === 'vcard-to-jscontact') {
    const input = wrapVCard(readFixture(`calcard/${t.blocks.input.file}`));
    const converted = vcardToJSContact(parseOne(input));
    if (!converted.ok) return ['conversion failed'];
    const diff = compareJson(converted.value as Record<string, unknown>, json(t.blocks.expected.file), input);
    if (diff) out.push('vCard -> JSContact\n' + diff);
    const back = jscontactToVCard(converted.value);
    const want = t.blocks.roundtrip ? wrapVCard(readFixture(`calcard/${t.blocks.roundtrip.file}`)) : input;
    const vdiff = back.ok ? compareVCard(stringifyVCard(back.value), want) : 'failed';
    if (vdiff) out.push('back to vCard\n' + vdiff);
  } else {
    const input = json(t.blocks.input.file);
    const converted = jscontactToVCard({ uid: 'urn:uuid:00000000-0000-4000-8000-000000000000', ...input });
    if (!converted.ok) return ['conversion failed'];
    const text = stringifyVCard(converted.value);
    const vdiff = compareVCard(text, wrapVCard(readFixture(`calcard/${t.blocks.expected.file}`)));
    if (vdiff) out.push('JSContact -> vCard\n' + vdiff);
    const back = vcardToJSContact(parseOne(text));
    const want = t.blocks.roundtrip ? json(t.blocks.roundtrip.file) : input;
    const diff = back.ok ? compareJson(back.value as Record<string, unknown>, want, undefined) : 'failed';
    if (diff) out.push('back to JSContact\n' + diff);
  }
  return out;
}

describe.each(tests.map((t) => [t.dir.replace('cases/jscontact/', ''), t] as const))('calcard %s', (id, t) => {
  const reason = excluded.get(id);
  if (reason === undefined) {
    it('converts as calcard expects, and back', () => {
      expect(problems(t)).toEqual([]);
    });
  } else {
    it(`is a known difference: ${reason}`, () => {
      expect(problems(t)).not.toEqual([]);
    });
  }
});

it('has the 181 tests, and the exclusion list names only existing ones', () => {
  expect(tests.length).toBe(181);
  const ids = tests.map((t) => t.dir.replace('cases/jscontact/', ''));
  for (const id of excluded.keys()) expect(ids).toContain(id);
});
