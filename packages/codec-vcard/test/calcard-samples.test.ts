import { describe, expect, it } from '@jest/globals';
import { convertVCardVersion, designFor, parseVCards, stringifyVCard } from '../src/index.js';
import { canonicalCard, readFixture, readFixtureJson, writtenLines } from './helpers/fixtures.js';

// calcard's 78 real-world and edge-case samples (fixtures README §3): every one parses without
// an exception, and text -> jCard -> text -> jCard keeps every property, parameter and value;
// so does a detour through the other vCard version.
interface CalcardIndex {
  entries: Array<{ id: string; files: { input: string } }>;
}
const entries = readFixtureJson<CalcardIndex>('calcard/index-vcard.json').entries;

describe.each(entries.map((e) => [e.id, e.files.input] as const))('calcard %s', (_id, input) => {
  const parsed = parseVCards(readFixture(`calcard/${input}`));

  it('parses at least one card', () => {
    expect(parsed.ok).toBe(true);
  });

  it('round-trips through its own text unchanged', () => {
    if (!parsed.ok) throw new Error('parse failed');
    const again = parseVCards(stringifyVCard(parsed.value));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.map(canonicalCard)).toEqual(parsed.value.map(canonicalCard));
  });

  it('round-trips through the other vCard version unchanged', () => {
    if (!parsed.ok) throw new Error('parse failed');
    for (const card of parsed.value) {
      const version = String(card[1].find((p) => p[0] === 'version')?.[3] ?? '3.0');
      const own = version === '4.0' ? '4.0' : '3.0';
      const other = own === '4.0' ? '3.0' : '4.0';
      const detour = parseVCards(stringifyVCard(convertVCardVersion(card, other)));
      if (!detour.ok) throw new Error('detour parse failed');
      const back = parseVCards(stringifyVCard(convertVCardVersion(detour.value[0]!, own)));
      if (!back.ok) throw new Error('back parse failed');
      expect(writtenLines(back.value[0]!, designFor(own))).toEqual(writtenLines(convertVCardVersion(card, own), designFor(own)));
    }
  });
});

it('enumerates all 78 samples', () => {
  expect(entries.length).toBe(78);
});
