import { describe, expect, it } from '@jest/globals';
import { runDraftCases } from './helpers/draft-runner.js';
import { readExclusions } from './helpers/fixtures.js';

// draft-ietf-calext-jscalendar-icalendar-12 (RFC 8984), the main
// conformance set: both directions of every example (fixtures README §1).
const results = runDraftCases('jscalendar-icalendar/draft-12');
const exclusions = readExclusions('draft12-exclusions.json');

describe('draft-ietf-calext-jscalendar-icalendar-12', () => {
  it.each(results.map((r) => [r.id, r] as const))('%s', (id, r) => {
    if (id in exclusions) expect(r.diffs).not.toEqual([]);
    else expect(r.diffs).toEqual([]);
  });

  it('excludes only existing cases', () => {
    const ids = new Set(results.map((r) => r.id));
    expect(Object.keys(exclusions).filter((id) => !ids.has(id))).toEqual([]);
  });
});
