import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseVCards, stringifyVCard } from '@almanac/codec-vcard';
import { formatJSContact, parseJSContactInput, patchJSContact, validateJSContact, type Card } from '../src/index.js';
import { convertContacts, jscontactToVCard, vcardToJSContact } from '../src/vcard/index.js';
import { canonicalCard } from './helpers/compare.js';
import { readFixture, readFixtureJson } from './helpers/fixtures.js';
import { vcardStructure } from './helpers/vcard-structure.js';

// Fuzzing (fast-check): mutated corpus vCards and random JSON never make an exception escape the
// public API; whatever converts, converts back without loss.
const corpus = readFixtureJson<{ entries: Array<{ files: { input: string } }> }>('calcard/index-vcard.json')
  .entries.map((e) => readFixture(`calcard/${e.files.input}`))
  .filter((t) => t.length < 8000);

const chars = fc.constantFrom(...'BEGIN:VCARD\r\n;=,."\\^ :-ENDVERSION4.03.0FNTELNADRitem1éß😀\t'.split(''));
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 10, unit: chars }) }),
  fc.record({ kind: fc.constant('param' as const), at: fc.nat(), param: fc.constantFrom(';ALTID=1', ';LANGUAGE=de', ';PREF=1', ';TYPE=work', ';PROP-ID=k1', ';VALUE=text', ';X-A=b', ';JSCOMPS=";1;0"', ';GROUP=x', ';PHONETIC=ipa', ';TYPE=constructor', ';VALUE=toString', ';__proto__=x', ';HASOWNPROPERTY=1') }),
  fc.record({ kind: fc.constant('prefix' as const), at: fc.nat(), text: fc.constantFrom('item1.', 'item2.', 'x.') }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ms: Mutation[]): string {
  const lines = text.split(/\r?\n/);
  for (const m of ms) {
    const i = lines.length === 0 ? 0 : m.at % lines.length;
    const line = lines[i] ?? '';
    if (m.kind === 'drop') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, line);
    else if (m.kind === 'insert') lines[i] = line.slice(0, m.at % (line.length + 1)) + m.text + line.slice(m.at % (line.length + 1));
    else if (m.kind === 'prefix') lines[i] = m.text + line;
    else {
      const colon = line.indexOf(':');
      lines[i] = colon === -1 ? line : line.slice(0, colon) + m.param + line.slice(colon);
    }
  }
  return lines.join('\r\n');
}

describe('fuzz', () => {
  it('converts mutated corpus vCards to JSContact and back without losing anything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, ms) => {
        const parsed = parseVCards(mutate(text, ms));
        if (!parsed.ok) return;
        for (const card of parsed.value) {
          const version = card[1].find((p) => p[0] === 'version')?.[3] === '4.0' ? '4.0' : '3.0';
          const json = vcardToJSContact(card);
          expect(json.ok).toBe(true);
          if (!json.ok) return;
          const back = jscontactToVCard(json.value, { version });
          expect(back.ok).toBe(true);
          if (!back.ok) return;
          const again = parseVCards(stringifyVCard(back.value));
          expect(again.ok).toBe(true);
          if (!again.ok) return;
          // A card without a (non-empty) UID gets a generated one (RFC 9553 §2.1.9 uid is mandatory).
          const want = vcardStructure(card);
          const hadUid = card[1].some((p) => p[0] === 'uid' && p[3] !== '');
          expect(vcardStructure(again.value[0]!).filter((p) => hadUid || !p.startsWith('["uid"') || want.includes(p))).toEqual(want);
        }
      }),
      { numRuns: 800, ...(process.env['FUZZ_SEED'] ? { seed: Number(process.env['FUZZ_SEED']), path: process.env['FUZZ_PATH'] } : {}) },
    );
  });

  // JSON without nulls: a PatchObject (and so JSPROP) cannot set a member to null, and RFC 9553
  // gives null no meaning in a Card.
  const json = (depth: number): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth: depth }).map(function drop(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(drop);
    if (v === null) return 'null';
    if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, drop(x)]));
    return v;
  });
  const anyCard = fc.record(
    {
      uid: fc.string({ minLength: 1, maxLength: 20 }),
      name: fc.oneof(
        json(2),
        fc.record(
          {
            full: fc.string({ minLength: 1 }),
            components: fc.array(fc.record({ kind: fc.constantFrom('given', 'surname', 'title', 'given2'), value: fc.stringMatching(/^\S.{0,8}$/) }), { minLength: 1 }),
          },
          { requiredKeys: [] },
        ),
      ),
      emails: fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z0-9]{1,4}$/), fc.constantFrom('constructor', 'toString', 'valueOf')), fc.oneof(fc.record({ address: fc.string(), pref: fc.integer({ min: -1, max: 101 }), contexts: fc.dictionary(fc.constantFrom('work', 'private', 'car'), fc.oneof(fc.constant(true), json(1))) }, { requiredKeys: ['address'] }), json(2))),
      keywords: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.constant(true), json(1))),
      localizations: fc.dictionary(fc.constantFrom('de', 'fr'), fc.dictionary(fc.constantFrom('name/full', 'emails/a/address', 'keywords', 'x'), json(2))),
      extra: json(3),
      'example.com:v': json(2),
    },
    { requiredKeys: ['uid'] },
  );

  it('converts random Cards to vCard and back unchanged (JSPROP keeps what vCard cannot say)', () => {
    fc.assert(
      fc.property(anyCard, (partial) => {
        const card = JSON.parse(JSON.stringify({ '@type': 'Card', version: '1.0', ...partial })) as Card;
        const vcard = jscontactToVCard(card);
        expect(vcard.ok).toBe(true);
        if (!vcard.ok) return;
        const parsed = parseVCards(stringifyVCard(vcard.value));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const back = vcardToJSContact(parsed.value[0]!);
        expect(back.ok && canonicalCard(back.value, { ignoreDefaults: true })).toEqual(canonicalCard(card, { ignoreDefaults: true }));
      }),
      { numRuns: 800 },
    );
  });

  it('never throws on arbitrary JSON in any entry point', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, strict) => {
        expect(() => {
          validateJSContact(value, { strict });
          validateJSContact(value, { strict, profile: 'egroupware' });
          const parsed = parseJSContactInput(value, { strict });
          if (parsed.ok) {
            formatJSContact(parsed.value);
            patchJSContact(parsed.value, value, { strict });
          }
          jscontactToVCard(value);
          vcardToJSContact(value as never);
          convertContacts(JSON.stringify(value), { from: 'jscontact', to: 'vcard' });
        }).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  });
});
