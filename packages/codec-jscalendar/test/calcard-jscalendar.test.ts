import { describe, expect, it } from '@jest/globals';
import { runCalcardCases } from './helpers/calcard-runner.js';
import { readExclusions } from './helpers/fixtures.js';

// calcard's iCalendar ⇄ JSCalendar tests (fixtures README §3): JSCalendar
// 2.0 shapes plus calcard's own choices (ids, raw value types). Cases that
// differ for those reasons are listed in calcard-jscalendar-exclusions.json;
// all others must pass in both steps (conversion and conversion back).
const results = runCalcardCases();
const exclusions = readExclusions('calcard-jscalendar-exclusions.json');

describe('calcard JSCalendar conversion tests', () => {
  it('runs all 104 tests of the corpus', () => {
    expect(results.length).toBe(104);
  });

  it.each(results.map((r) => [r.id, r] as const))('%s', (id, r) => {
    if (id in exclusions) expect(r.diffs).not.toEqual([]);
    else expect(r.diffs).toEqual([]);
  });

  it('excludes only existing cases', () => {
    const ids = new Set(results.map((r) => r.id));
    expect(Object.keys(exclusions).filter((id) => !ids.has(id))).toEqual([]);
  });
});
