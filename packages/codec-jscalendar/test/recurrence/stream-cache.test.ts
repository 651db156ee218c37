import { describe, expect, it } from '@jest/globals';
import { clearRecurrenceCache, expandRecurrence, type RecurringObject } from '../../src/recurrence/index.js';
import { generateCases, prng } from './case-generator.js';

function run(event: RecurringObject, from: number, to: number, maxIterations?: number) {
  return expandRecurrence(event, { from: new Date(from), to: new Date(to), ...(maxIterations === undefined ? {} : { maxIterations }) });
}

describe('the shared occurrence cache', () => {
  it('never changes a result: cold, warm, and for nearby ranges', () => {
    const rnd = prng(99);
    for (const c of generateCases(11, 150)) {
      const from = Date.parse(c.from);
      const to = Date.parse(c.to);
      clearRecurrenceCache();
      const cold = run(c.event, from, to);
      const warm = run(c.event, from, to);
      expect(warm).toEqual(cold);
      // A nearby range after a wider one has warmed the cache.
      const shift = Math.floor(rnd() * 20 - 10) * 86_400_000;
      run(c.event, from - 90 * 86_400_000, to + 90 * 86_400_000);
      const nearbyWarm = run(c.event, from + shift, to + shift);
      clearRecurrenceCache();
      expect(nearbyWarm).toEqual(run(c.event, from + shift, to + shift));
    }
  });

  it('does not reuse a stream the budget stopped', () => {
    const event: RecurringObject = { start: '2024-01-01T00:00:00', recurrenceRules: [{ frequency: 'minutely', count: 100_000 }] };
    const from = Date.UTC(2024, 0, 20);
    const to = Date.UTC(2024, 0, 21);
    clearRecurrenceCache();
    const stopped = run(event, from, to, 1000);
    expect(stopped.ok && stopped.value.truncated).toBe(true);
    const full = run(event, from, to);
    clearRecurrenceCache();
    expect(full).toEqual(run(event, from, to));
    expect(full.ok && full.value.instances).toHaveLength(1440);
  });

  it('replays warnings of a rule ical.js failed on', () => {
    const event: RecurringObject = { start: '2024-01-01T00:00:00', recurrenceRules: [{ frequency: 'daily', byYearDay: [1] }] };
    clearRecurrenceCache();
    const first = run(event, Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1));
    const second = run(event, Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1));
    expect(first.ok && first.warnings.map((w) => w.code)).toEqual(['recurrence/iterator-failed']);
    expect(second).toEqual(first);
  });
});
