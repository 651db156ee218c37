import { describe, expect, it } from '@jest/globals';
import { parseICalendar, stringifyICalendar } from '../src/index.js';
import { corpusIcsFiles, readFixtureBytes } from './fixtures.js';

// Every .ics of the corpora: parses without throwing, and text -> jCal ->
// text -> jCal gives the same jCal (the serialiser loses nothing the parser
// produced).
const files = corpusIcsFiles();

describe('corpus round trip (parse layer)', () => {
  it('covers the whole corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(240);
  });

  it.each(files.map((f) => [f.id, f.path] as const))('%s', (_id, path) => {
    const first = parseICalendar(readFixtureBytes(path));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const text = stringifyICalendar(first.value);
    const second = parseICalendar(text);
    // Our own output is well-formed: nothing structural to repair.
    expect(second.ok && second.warnings.filter((w) => !w.code?.startsWith('value/'))).toEqual([]);
    if (second.ok) expect(second.value).toEqual(first.value);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});
