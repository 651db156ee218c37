import { describe, expect, it } from '@jest/globals';
import { expandRecurrence, seriesRange, type RecurringObject } from '../../src/recurrence/index.js';
import { expectSorted } from './helpers.js';

const farWeek = { from: new Date('2060-01-01T00:00:00Z'), to: new Date('2060-01-08T00:00:00Z') };

describe('bounds on hostile rules', () => {
  it.each<[string, RecurringObject]>([
    ['secondly with count 1e9 far from its start', { start: '2010-01-01T09:00:00', recurrenceRules: [{ frequency: 'secondly', count: 1e9 }] }],
    ['a rule that never matches again (Feb 29 every 4 years from 2019)', { start: '2019-05-10T09:00:00', recurrenceRules: [{ frequency: 'yearly', interval: 4, byMonth: ['2'], byMonthDay: [29] }] }],
    ['minutely with a huge count', { start: '2010-01-01T09:00:00', recurrenceRules: [{ frequency: 'minutely', count: 2 ** 40 }] }],
  ])('stops %s within the iteration bound, truncated', (_name, event) => {
    const r = expandRecurrence(event, { ...farWeek, maxIterations: 5000 });
    expect(r.ok && r.value.truncated).toBe(true);
  });

  it('recognises parts that can never coincide without spending the budget', () => {
    for (const rule of [
      { frequency: 'daily', byMonth: ['2'], byMonthDay: [30] },
      { frequency: 'daily', interval: 7, byDay: [{ day: 'mo' }] }, // the start is a Friday
      { frequency: 'hourly', interval: 2, byHour: [2, 8] }, // from 09:00: odd hours only
      { frequency: 'minutely', interval: 90, byHour: [2] }, // 09:00, 10:30, … never in hour 2
    ]) {
      const r = expandRecurrence({ start: '2010-01-01T09:00:00', recurrenceRules: [rule] }, { ...farWeek, maxIterations: 50 });
      expect(r.ok && r.value).toEqual({ instances: [], truncated: false });
    }
  });

  it('stops at maxInstances, truncated, keeping the earliest instances', () => {
    const event = { start: '2024-01-01T00:00:00', recurrenceRules: [{ frequency: 'minutely' }], recurrenceOverrides: { '2024-01-01T00:00:30': {} } };
    const r = expandRecurrence(event, { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-02-01T00:00:00Z'), maxInstances: 100 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.truncated).toBe(true);
    expect(r.value.instances).toHaveLength(100);
    expect(r.value.instances[1]!.recurrenceId).toBe('2024-01-01T00:00:30');
    expect(r.value.instances.at(-1)!.recurrenceId).toBe('2024-01-01T01:38:00');
    expectSorted(r.value);
  });

  it('keeps only the complete prefix when the budget runs out', () => {
    const event = { start: '2024-01-01T00:00:00', recurrenceRules: [{ frequency: 'minutely', count: 1e9 }], recurrenceOverrides: { '2024-06-01T00:00:00': { start: '2024-06-01T00:00:30' } } };
    const r = expandRecurrence(event, { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z'), maxIterations: 1000 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.truncated).toBe(true);
    expect(r.value.instances.length).toBeGreaterThan(100);
    expect(r.value.instances.length).toBeLessThan(1000);
    expect(r.value.instances.every((i) => !i.isOverride)).toBe(true); // the June override lies beyond the cut
  });

  it('reports the defaults and a series range without an end for budget-exhausting finite rules', () => {
    const r = seriesRange({ start: '2024-01-01T00:00:00', recurrenceRules: [{ frequency: 'secondly', count: 1e9 }] }, { maxIterations: 1000 });
    expect(r.ok && r.value.end).toBeNull();
  });

  it('skips ahead instead of iterating a long series from its start', () => {
    // 50 years of a daily rule, one week asked for: far fewer steps than the 18 000 occurrences.
    const r = expandRecurrence({ start: '2010-01-01T09:00:00', timeZone: 'Europe/Berlin', recurrenceRules: [{ frequency: 'daily' }] }, { ...farWeek, maxIterations: 100 });
    expect(r.ok && r.value.truncated).toBe(false);
    expect(r.ok && r.value.instances).toHaveLength(7);
  });
});

describe('bad input', () => {
  it.each([
    [null, 'recurrence/not-an-object'],
    [[], 'recurrence/not-an-object'],
    [{ title: 'no start' }, 'recurrence/no-start'],
    [{ start: '2024-01-01' }, 'recurrence/no-start'],
    [{ '@type': 'Task' }, 'recurrence/no-start'],
  ])('rejects %j', (object, code) => {
    const r = expandRecurrence(object as RecurringObject, farWeek);
    expect(r.ok ? undefined : r.errors[0]!.code).toBe(code);
  });

  it('rejects an invalid range or floating zone', () => {
    const event = { start: '2024-01-01T00:00:00' };
    expect(expandRecurrence(event, { from: new Date('x'), to: new Date() }).ok).toBe(false);
    expect(expandRecurrence(event, { from: new Date(2), to: new Date(1) }).ok).toBe(false);
    expect(expandRecurrence(event, { ...farWeek, floatingZone: 'Nowhere/Else' }).ok).toBe(false);
  });
});
