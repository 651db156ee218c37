import { describe, expect, it } from '@jest/globals';
import { expand, starts } from './helpers.js';

describe('expansion across DST changes', () => {
  it('keeps the wall time of a daily event when the offset changes (Europe/Berlin)', () => {
    const x = expand({ start: '2024-03-29T09:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H', recurrenceRules: [{ frequency: 'daily', count: 4 }] },
      '2024-03-01T00:00:00Z', '2024-05-01T00:00:00Z');
    expect(starts(x)).toEqual(['2024-03-29T08:00:00Z', '2024-03-30T08:00:00Z', '2024-03-31T07:00:00Z', '2024-04-01T07:00:00Z']);
    expect(x.instances.map((i) => i.startLocal)).toEqual(['2024-03-29T09:00:00', '2024-03-30T09:00:00', '2024-03-31T09:00:00', '2024-04-01T09:00:00']);
  });

  it('moves an occurrence that falls into the gap forward, keeping its recurrence id', () => {
    const x = expand({ start: '2024-03-30T02:30:00', timeZone: 'Europe/Berlin', recurrenceRules: [{ frequency: 'daily', count: 3 }] },
      '2024-03-01T00:00:00Z', '2024-05-01T00:00:00Z');
    expect(starts(x)).toEqual(['2024-03-30T01:30:00Z', '2024-03-31T01:30:00Z', '2024-04-01T00:30:00Z']);
    expect(x.instances[1]).toMatchObject({ recurrenceId: '2024-03-31T02:30:00', startLocal: '2024-03-31T03:30:00' });
  });

  it('takes the first of two equal wall times (America/New_York, RFC 5545 §3.3.5)', () => {
    const x = expand({ start: '2024-11-02T01:30:00', timeZone: 'America/New_York', recurrenceRules: [{ frequency: 'daily', count: 2 }] },
      '2024-11-01T00:00:00Z', '2024-11-05T00:00:00Z');
    expect(starts(x)).toEqual(['2024-11-02T05:30:00Z', '2024-11-03T05:30:00Z']);
  });

  it('adds nominal days on the wall clock and exact hours on the instant (RFC 5545 §3.3.6)', () => {
    const day = expand({ start: '2024-03-30T12:00:00', timeZone: 'Europe/Berlin', duration: 'P1D' }, '2024-03-01T00:00:00Z', '2024-05-01T00:00:00Z');
    expect(day.instances[0]!.end.getTime() - day.instances[0]!.start.getTime()).toBe(23 * 3_600_000);
    const hours = expand({ start: '2024-03-30T12:00:00', timeZone: 'Europe/Berlin', duration: 'PT24H' }, '2024-03-01T00:00:00Z', '2024-05-01T00:00:00Z');
    expect(hours.instances[0]!.end.getTime() - hours.instances[0]!.start.getTime()).toBe(24 * 3_600_000);
  });

  it('reads floating times in the caller\'s zone (default UTC)', () => {
    const event = { start: '2024-06-01T09:00:00', recurrenceRules: [{ frequency: 'daily', count: 1 }] };
    expect(starts(expand(event, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'))).toEqual(['2024-06-01T09:00:00Z']);
    expect(starts(expand(event, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', { floatingZone: 'Asia/Tokyo' }))).toEqual(['2024-06-01T00:00:00Z']);
  });

  it('reads an unknown time zone as floating, with a warning', async () => {
    const { expandRecurrence } = await import('../../src/recurrence/index.js');
    const r = expandRecurrence({ start: '2024-06-01T09:00:00', timeZone: 'Mars/Olympus' }, { from: new Date('2024-01-01'), to: new Date('2025-01-01') });
    expect(r.ok && r.warnings[0]).toMatchObject({ code: 'recurrence/unknown-time-zone', path: '/timeZone' });
    expect(r.ok && r.value.instances[0]!.start.toISOString()).toBe('2024-06-01T09:00:00.000Z');
  });
});

describe('RFC 4791 §9.9 time-range overlap', () => {
  const event = { start: '2024-01-01T10:00:00', timeZone: 'UTC', duration: 'PT1H', recurrenceRules: [{ frequency: 'daily', count: 3 }] };

  it('includes an instance that started before the range and ends inside it', () => {
    expect(starts(expand(event, '2024-01-02T10:30:00Z', '2024-01-02T12:00:00Z'))).toEqual(['2024-01-02T10:00:00Z']);
  });

  it('excludes an instance that ends exactly at the range start or starts at its end', () => {
    expect(starts(expand(event, '2024-01-02T11:00:00Z', '2024-01-03T10:00:00Z'))).toEqual([]);
  });

  it('includes a zero-length instance at the range start, not at its end', () => {
    const point = { ...event, duration: 'PT0S' };
    expect(starts(expand(point, '2024-01-02T10:00:00Z', '2024-01-03T10:00:00Z'))).toEqual(['2024-01-02T10:00:00Z']);
  });

  it('matches a Task with only a due date in (from, to]', () => {
    const task = { '@type': 'Task', due: '2024-01-01T10:00:00', timeZone: 'UTC', recurrenceRules: [{ frequency: 'daily', count: 3 }] };
    expect(starts(expand(task, '2024-01-02T10:00:00Z', '2024-01-03T10:00:00Z'))).toEqual(['2024-01-03T10:00:00Z']);
  });

  it('spans a Task from start to due', () => {
    const task = { '@type': 'Task', start: '2024-01-01T08:00:00', due: '2024-01-01T10:00:00', timeZone: 'UTC', recurrenceRules: [{ frequency: 'daily', count: 2 }] };
    const x = expand(task, '2024-01-02T09:00:00Z', '2024-01-02T09:30:00Z');
    expect(x.instances.map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([['2024-01-02T08:00:00.000Z', '2024-01-02T10:00:00.000Z']]);
  });
});
