import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { convertVCardVersion, parseVCards, stringifyVCard, type JCard } from '../src/index.js';
import { canonicalCard, readFixture, readFixtureJson } from './helpers/fixtures.js';

// Fuzzing (fast-check): random and mutated inputs never make an exception escape, every call
// returns quickly, and whatever parses is written back to text that parses to the same cards.

interface CalcardIndex {
  entries: Array<{ files: { input: string } }>;
}
const corpus = [
  ...readFixtureJson<CalcardIndex>('calcard/index-vcard.json').entries.map((e) => readFixture(`calcard/${e.files.input}`)),
  readFixture('ical.js/test/parser/vcard3.vcf'),
  readFixture('ical.js/test/parser/vcard.vcf'),
].filter((t) => t.length < 20_000);

const vcardChars = fc.constantFrom(...'BEGIN:VCARD\r\n;=,."\\^ :-ENDVERSION4.03.02.1FNTELitem1éß😀\t'.split(''));
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('param' as const),
    at: fc.nat(),
    param: fc.oneof(
      fc.stringMatching(/^;[A-Za-z-]{1,8}(=("[^"\r\n]*"|[^;:"\r\n]*))?$/),
      // Names that are Object.prototype members, as parameter names, TYPE and VALUE values.
      fc.constantFrom(';CONSTRUCTOR=1', ';__proto__=x', ';TYPE=constructor', ';VALUE=toString', ';VALUE=constructor', ';GROUP=hasOwnProperty'),
    ),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12, unit: vcardChars }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split(/\r?\n/);
  for (const m of mutations) {
    const i = lines.length === 0 ? 0 : m.at % lines.length;
    switch (m.kind) {
      case 'drop': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, lines[i] ?? ''); break;
      case 'flip': {
        const line = lines[i] ?? '';
        const at = line.length === 0 ? 0 : m.at % line.length;
        lines[i] = line.slice(0, at) + m.char + line.slice(at + 1);
        break;
      }
      case 'truncate': lines = lines.slice(0, i); break;
      case 'param': {
        const line = lines[i] ?? '';
        const colon = line.indexOf(':');
        lines[i] = colon === -1 ? line + m.param : line.slice(0, colon) + m.param + line.slice(colon);
        break;
      }
      case 'insert': {
        const line = lines[i] ?? '';
        const at = line.length === 0 ? 0 : m.at % (line.length + 1);
        lines[i] = line.slice(0, at) + m.text + line.slice(at);
        break;
      }
    }
  }
  return lines.join('\r\n');
}

function expectStableRoundTrip(text: string): void {
  const parsed = parseVCards(text);
  expect(typeof parsed.ok).toBe('boolean');
  if (!parsed.ok) return;
  for (const card of parsed.value) {
    const written = stringifyVCard(card);
    const again = parseVCards(written);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.map(canonicalCard)).toEqual([canonicalCard(card)]);
    for (const v of ['3.0', '4.0'] as const) expect(parseVCards(stringifyVCard(convertVCardVersion(card, v))).ok).toBe(true);
  }
}

describe('fuzz', () => {
  it('parses mutated corpus files without exceptions and writes back what it read', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, ms) => {
        expectStableRoundTrip(mutate(text, ms));
      }),
      { numRuns: 1500 },
    );
  });

  it('parses random vCard-like text without exceptions', () => {
    const body = fc.array(fc.string({ maxLength: 40, unit: vcardChars }), { maxLength: 12 });
    fc.assert(
      fc.property(body, (lines) => {
        expectStableRoundTrip(['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD'].join('\r\n'));
      }),
      { numRuns: 1500 },
    );
  });

  it('parses arbitrary strings without exceptions', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
      expect(() => parseVCards(text)).not.toThrow();
    }), { numRuns: 1000 });
  });

  it('writes arbitrary JSON shaped like jCards without exceptions', () => {
    const jcard = fc.tuple(fc.constant('vcard'), fc.array(fc.jsonValue({ maxDepth: 3 })), fc.constant([]));
    fc.assert(fc.property(jcard, (card) => {
      expect(() => stringifyVCard(card as unknown as JCard)).not.toThrow();
      expect(() => convertVCardVersion(card as unknown as JCard, '3.0')).not.toThrow();
    }), { numRuns: 1000 });
  });
});
