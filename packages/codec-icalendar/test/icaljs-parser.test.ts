import { describe, expect, it } from '@jest/globals';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseICalendar, stringifyICalendar, type JCalComponent } from '../src/index.js';
import { readExclusions, readFixtureJson, readFixtureText } from './fixtures.js';

// ical.js' own parser vectors: parse(input) must deep-equal the jCal, and so
// must parse(stringify(parse(input))) (fixtures README §4).
const index = readFixtureJson<{ parserPairs: Array<{ id: string; files: Record<string, string> }> }>('ical.js/index.json');
const exclusions = readExclusions(join(dirname(fileURLToPath(import.meta.url)), 'corpus/icaljs-parser-exclusions.json'));

function single(v: JCalComponent[]): unknown {
  return v.length === 1 ? v[0] : v;
}

function passes(id: string, input: string, expected: unknown): boolean {
  const first = parseICalendar(input);
  if (!first.ok || !isDeepStrictEqual(single(first.value), expected)) return false;
  const second = parseICalendar(stringifyICalendar(first.value));
  return second.ok && isDeepStrictEqual(single(second.value), expected);
}

describe('ical.js parser vectors', () => {
  it.each(index.parserPairs.map((p) => [p.id, p] as const))('%s', (id, pair) => {
    const input = readFixtureText(`ical.js/${pair.files.input}`);
    const expected = readFixtureJson(`ical.js/${pair.files['expected-jcal-jcard']}`);
    expect(passes(id, input, expected)).toBe(!(id in exclusions));
  });

  it('lists only cases that exist', () => {
    const ids = new Set(index.parserPairs.map((p) => p.id));
    expect(Object.keys(exclusions).filter((id) => !ids.has(id))).toEqual([]);
  });
});
