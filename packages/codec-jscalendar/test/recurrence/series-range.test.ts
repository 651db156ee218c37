import { describe, expect, it } from '@jest/globals';
import { seriesRange, type RecurringObject } from '../../src/recurrence/index.js';

function range(o: RecurringObject) {
  const r = seriesRange(o);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { start: r.value.start.toISOString(), end: r.value.end?.toISOString() ?? null };
}

describe('seriesRange', () => {
  it('spans a single event', () => {
    expect(range({ start: '2024-01-01T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H' }))
      .toEqual({ start: '2024-01-01T09:00:00.000Z', end: '2024-01-01T10:00:00.000Z' });
  });

  it('ends with the last occurrence of finite rules', () => {
    expect(range({ start: '2024-01-01T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H', recurrenceRules: [{ frequency: 'weekly', count: 3 }] }))
      .toEqual({ start: '2024-01-01T09:00:00.000Z', end: '2024-01-15T10:00:00.000Z' });
    expect(range({ start: '2024-01-01T10:00:00', recurrenceRules: [{ frequency: 'daily', until: '2024-06-30T23:00:00' }, { frequency: 'yearly', count: 2 }] }))
      .toEqual({ start: '2024-01-01T10:00:00.000Z', end: '2025-01-01T10:00:00.000Z' });
  });

  it('has no end when a rule is infinite', () => {
    expect(range({ start: '2024-01-01T10:00:00', recurrenceRules: [{ frequency: 'weekly', count: 3 }, { frequency: 'monthly' }] }).end).toBeNull();
  });

  it('widens for overrides that move or add instances, not for excluded ones', () => {
    expect(range({
      start: '2024-01-01T10:00:00', duration: 'PT1H', recurrenceRules: [{ frequency: 'daily', count: 3 }],
      recurrenceOverrides: { '2024-01-02T10:00:00': { start: '2023-12-24T08:00:00' }, '2024-02-01T10:00:00': {}, '2025-01-01T00:00:00': { excluded: true } },
    })).toEqual({ start: '2023-12-24T08:00:00.000Z', end: '2024-02-01T11:00:00.000Z' });
  });

  it('ignores a rule that cannot be expanded (warned) and keeps the start', () => {
    const r = seriesRange({ start: '2024-01-01T10:00:00', recurrenceRules: [{ frequency: 'yearly', rscale: 'hebrew' }] });
    expect(r.ok && r.value.end?.toISOString()).toBe('2024-01-01T10:00:00.000Z');
    expect(r.ok && r.warnings[0]!.code).toBe('recurrence/unsupported-rscale');
  });
});
