import { describe, expect, it } from '@jest/globals';
import { runDraftCases } from './helpers/draft-runner.js';
import { readExclusions } from './helpers/fixtures.js';

// draft-ietf-calext-jscalendar-icalendar-25 targets JSCalendar 2.0
// (jscalendarbis). Our output is RFC 8984, so the cases whose expectation
// differs because of 2.0 are listed with the difference as the reason
// (draft25-exclusions.json); all others must pass.
const results = runDraftCases('jscalendar-icalendar/draft-25');
const exclusions = readExclusions('draft25-exclusions.json');

describe('draft-ietf-calext-jscalendar-icalendar-25 (JSCalendar 2.0)', () => {
  it.each(results.map((r) => [r.id, r] as const))('%s', (id, r) => {
    if (id in exclusions) expect(r.diffs).not.toEqual([]);
    else expect(r.diffs).toEqual([]);
  });

  it('excludes only existing cases', () => {
    const ids = new Set(results.map((r) => r.id));
    expect(Object.keys(exclusions).filter((id) => !ids.has(id))).toEqual([]);
  });
});
