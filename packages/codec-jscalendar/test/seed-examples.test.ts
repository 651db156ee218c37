import { describe, expect, it } from '@jest/globals';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJSCalendar, parseJSCalendarInput, secondsToDuration, validateJSCalendar } from '../src/index.js';
import { readExclusions } from './helpers/fixtures.js';
import { expectGolden, stableJson } from './helpers/golden.js';
import { seedExamples } from './helpers/seed-examples.js';

// Every JSON example of the calendar (001) and InfoLog (002) seed documents:
// it parses (lenient, the default of the REST API) to canonical RFC 8984
// (golden `<id>.rfc.json`, valid per the strict schema), and formatting it
// back in the egroupware profile re-emits the example — exactly, for
// responses (the server's own output); for requests, the golden
// `<id>.egroupware.json` shows what the server would answer.
const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/seed');
const examples = [...seedExamples('001_70d994210cca58a7.txt'), ...seedExamples('002_040c825d2d6b50ac.txt')];
const exclusions = readExclusions('seed-exclusions.json');

/** The one documented difference in the re-emitted JSON: zero offsets written as numbers. */
function withRfcOffsets(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v), (k, x) => (k === 'offset' && typeof x === 'number' ? secondsToDuration(x) : x));
}

describe('seed document examples', () => {
  it('finds every example of both documents', () => {
    // 001: a listing of 3 events, one GET, POST request and response, PUT and PATCH bodies;
    // 002: a listing of 2 tasks, one GET, POST request and response, PUT and PATCH bodies.
    expect(examples.map((e) => `${e.id}:${e.kind}`)).toEqual([
      '001-01-5695:response', '001-01-5699:response', '001-01-5701:response', '001-02:response', '001-03:request', '001-04:response', '001-05:request', '001-06:patch',
      '002-01-1085:response', '002-01-1081:response', '002-02:response', '002-03:request', '002-04:response', '002-05:request', '002-06:patch',
    ]);
    expect(examples.filter((e) => e.typo).map((e) => `${e.id}: ${e.typo}`)).toEqual([
      '001-04: missing comma between members',
      '002-01-1085: trailing comma before a closing brace',
      '002-01-1081: trailing comma before a closing brace',
    ]);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s', (id, ex) => {
    if (id in exclusions) {
      // Listed with a reason: not a JSCalendar object we can read.
      expect(ex.value === undefined || ex.kind === 'patch').toBe(true);
      return;
    }
    const type = id.startsWith('002') ? 'Task' : 'Event';
    const parsed = parseJSCalendarInput(ex.value, { type });
    expect(parsed.ok && parsed.value['@type']).toBe(type);
    if (!parsed.ok) return;
    expect(validateJSCalendar(parsed.value, { profile: 'rfc' }).filter((e) => e.code !== 'schema/propertyNames' && !(e.code === 'schema/pattern' && /participants\/?$/.test(e.path ?? '')))).toEqual([]);
    expectGolden(join(dir, `${id}.rfc.json`), stableJson(parsed.value));
    const back = formatJSCalendar(parsed.value, { profile: 'egroupware' });
    expect(validateJSCalendar(back, { profile: 'egroupware' })).toEqual([]);
    if (ex.kind === 'response') expect(back).toEqual(withRfcOffsets(ex.value));
    else expectGolden(join(dir, `${id}.egroupware.json`), stableJson(back));
  });
});
