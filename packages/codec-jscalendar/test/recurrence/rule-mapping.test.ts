import { describe, expect, it } from '@jest/globals';
import { mapRule } from '../../src/recurrence/rule-mapping.js';
import type { Issue } from '../../src/recurrence/index.js';

function map(rule: unknown) {
  const warnings: Issue[] = [];
  return { mapped: mapRule(rule, '/recurrenceRules/0', warnings), warnings };
}

describe('JSCalendar RecurrenceRule to RRULE parts', () => {
  it('maps every member of RFC 8984 §4.3.3', () => {
    const { mapped, warnings } = map({
      '@type': 'RecurrenceRule', frequency: 'monthly', interval: 2, rscale: 'gregorian', skip: 'omit', firstDayOfWeek: 'su',
      byDay: [{ '@type': 'NDay', day: 'mo', nthOfPeriod: -1 }, { day: 'fr' }], byMonthDay: [15, -1, 1], byMonth: ['3', '1'],
      byYearDay: [100], byWeekNo: [-1, 20], byHour: [18, 9], byMinute: [30, 0], bySecond: [0], bySetPosition: [1, -1],
      count: 5, until: '2030-01-01T00:00:00',
    });
    expect(warnings).toEqual([]);
    expect(mapped).toEqual({
      data: {
        freq: 'MONTHLY', interval: 2, wkst: 'SU', byday: ['-1MO', 'FR'], bymonthday: [-1, 1, 15], bymonth: [1, 3],
        byyearday: [100], byweekno: [-1, 20], byhour: [9, 18], byminute: [0, 30], bysecond: [0], bysetpos: [-1, 1],
      },
      count: 5,
      untilWall: Date.UTC(2030, 0, 1),
    });
  });

  it.each(['yearly', 'monthly', 'weekly', 'daily', 'hourly', 'minutely', 'secondly'])('knows frequency %s', (frequency) => {
    const { mapped } = map({ frequency });
    expect(mapped).toMatchObject({ data: { freq: frequency.toUpperCase(), interval: 1, wkst: 'MO' } });
  });

  it('ignores a rule with an unknown frequency, with a warning naming the member', () => {
    const { mapped, warnings } = map({ frequency: 'fortnightly' });
    expect(mapped).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ code: 'recurrence/invalid-rule', path: '/recurrenceRules/0/frequency' })]);
  });

  it('ignores a non-Gregorian rscale, which ical.js cannot compute (RFC 7529)', () => {
    const { mapped, warnings } = map({ frequency: 'yearly', rscale: 'chinese' });
    expect(mapped).toBeUndefined();
    expect(warnings[0]).toMatchObject({ code: 'recurrence/unsupported-rscale', path: '/recurrenceRules/0/rscale' });
  });

  it('warns that skip other than omit is not supported, and expands anyway', () => {
    const { mapped, warnings } = map({ frequency: 'monthly', skip: 'backward' });
    expect(mapped).toMatchObject({ data: { freq: 'MONTHLY' } });
    expect(warnings[0]).toMatchObject({ code: 'recurrence/unsupported-skip' });
  });

  it('drops out-of-range values with a warning; an emptied list matches nothing', () => {
    const { mapped, warnings } = map({ frequency: 'daily', byHour: [25, -1, 1.5] });
    expect(mapped).toBe('empty');
    expect(warnings[0]).toMatchObject({ path: '/recurrenceRules/0/byHour' });
    expect(map({ frequency: 'daily', byMonthDay: [0, 32, 5] }).mapped).toMatchObject({ data: { bymonthday: [5] } });
  });

  it('drops leap months ("5L"), which the Gregorian calendar has not', () => {
    const { mapped, warnings } = map({ frequency: 'yearly', byMonth: ['5L', '6'] });
    expect(mapped).toMatchObject({ data: { bymonth: [6] } });
    expect(warnings[0]).toMatchObject({ path: '/recurrenceRules/0/byMonth/0' });
  });

  it('accepts the egroupware profile\'s comma-joined byDay', () => {
    expect(map({ frequency: 'weekly', byDay: [{ day: 'mo,we, fr' }] }).mapped).toMatchObject({ data: { byday: ['MO', 'WE', 'FR'] } });
  });

  it('falls back to defaults for an invalid interval or firstDayOfWeek', () => {
    const { mapped, warnings } = map({ frequency: 'weekly', interval: 0, firstDayOfWeek: 'xx' });
    expect(mapped).toMatchObject({ data: { interval: 1, wkst: 'MO' } });
    expect(warnings.map((w) => w.path)).toEqual(['/recurrenceRules/0/interval', '/recurrenceRules/0/firstDayOfWeek']);
  });

  it('ignores an invalid count or until', () => {
    const { mapped, warnings } = map({ frequency: 'daily', count: -2, until: 'tomorrow' });
    expect(mapped).toEqual({ data: { freq: 'DAILY', interval: 1, wkst: 'MO' } });
    expect(warnings).toHaveLength(2);
  });

  it('rejects a rule that is not an object', () => {
    expect(map('FREQ=DAILY').mapped).toBeUndefined();
    expect(map(null).warnings[0]).toMatchObject({ code: 'recurrence/invalid-rule' });
  });
});
