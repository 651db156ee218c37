import { describe, expect, it } from '@jest/globals';
import { parseVCards, stringifyVCard, type JCard } from '../src/index.js';
import { readFixture, readFixtureJson } from './helpers/fixtures.js';

// ical.js's own parser vectors (fixtures README §4): the jCard of every .vcf must be what
// ICAL.parse gives, and so must the jCard of the text we write back.
interface IcalIndex {
  parserPairs: Array<{ id: string; files: { input: string; 'expected-jcal-jcard': string } }>;
}
const pairs = readFixtureJson<IcalIndex>('ical.js/index.json').parserPairs.filter((p) => p.files.input.endsWith('.vcf'));

describe.each(pairs.map((p) => [p.id, p.files] as const))('ical.js %s', (_id, files) => {
  const parsed = parseVCards(readFixture(`ical.js/${files.input}`));
  const expected = readFixtureJson<JCard | JCard[]>(`ical.js/${files['expected-jcal-jcard']}`);

  it('parses to the jCard ical.js expects', () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings).toEqual([]);
    expect(parsed.value.length === 1 ? parsed.value[0] : parsed.value).toEqual(expected);
  });

  it('parses its own output to the same jCard', () => {
    if (!parsed.ok) throw new Error('parse failed');
    const again = parseVCards(stringifyVCard(parsed.value));
    expect(again.ok && again.value).toEqual(parsed.value);
  });
});

it('the corpus has the vCard pairs the fixtures README lists', () => {
  expect(pairs.length).toBe(5);
});
