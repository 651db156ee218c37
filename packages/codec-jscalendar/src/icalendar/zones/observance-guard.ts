import ICAL from 'ical.js';
import type { JCalComponent } from '@almanac/codec-icalendar';
import { budgetedIterator, IterationBudget } from '../../recurrence/rule-stream.js';

/** Steps one observance rule may take to find its first occurrences (a real zone needs < 50). */
const PROBE_STEPS = 2_000;
const PROBE_OCCURRENCES = 3;

/**
 * Whether ical.js can evaluate this VTIMEZONE without hanging. ical.js expands each observance's
 * RRULE from its DTSTART up to the year asked for, with no bound: a sub-yearly rule from 1601
 * takes billions of steps, and a rule that never matches (BYMONTHDAY=30 in February with a
 * BYDAY) loops forever inside one call. RFC 5545 §3.6.5 observances recur yearly, so a rule must
 * be FREQ=YEARLY and find its first occurrences within a small step budget; otherwise the
 * definition is treated as unreadable (the TZID is kept, its offsets are not used).
 */
export function observanceRulesAreSafe(vtimezone: JCalComponent): boolean {
  for (const observance of vtimezone[2]) {
    const start = observance[1].find((p) => p[0] === 'dtstart')?.[3];
    for (const prop of observance[1]) {
      if (prop[0] !== 'rrule') continue;
      if (typeof start !== 'string' || !probeYearlyRule(prop[3], start)) return false;
    }
  }
  return true;
}

function probeYearlyRule(value: unknown, dtstart: string): boolean {
  try {
    const recur = ICAL.Recur.fromData(value as Parameters<typeof ICAL.Recur.fromData>[0]);
    if (recur.freq !== 'YEARLY') return false;
    const it = budgetedIterator(recur, ICAL.Time.fromString(dtstart, undefined), new IterationBudget(PROBE_STEPS));
    it.init();
    for (let i = 0; i < PROBE_OCCURRENCES && it.next(); i++);
    return true;
  } catch {
    // The budget ran out, or ical.js could not read the rule or found it has no occurrences.
    return false;
  }
}
