import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { expandRecurrence, seriesRange, type RecurringObject } from '../../src/recurrence/index.js';

const day = fc.constantFrom('mo', 'tu', 'we', 'th', 'fr', 'sa', 'su', 'xx');
const smallInts = (min: number, max: number) => fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 4 });
const rule = fc.record({
  frequency: fc.constantFrom('yearly', 'monthly', 'weekly', 'daily', 'hourly', 'minutely', 'secondly', 'bogus'),
  interval: fc.integer({ min: -1, max: 400 }),
  firstDayOfWeek: day,
  byDay: fc.array(fc.record({ day, nthOfPeriod: fc.option(fc.integer({ min: -60, max: 60 }), { nil: undefined }) }, { requiredKeys: ['day'] }), { maxLength: 3 }),
  byMonthDay: smallInts(-35, 35),
  byMonth: fc.array(fc.constantFrom('1', '2', '6', '12', '13', '5L'), { minLength: 1, maxLength: 3 }),
  byYearDay: smallInts(-370, 370),
  byWeekNo: smallInts(-55, 55),
  byHour: smallInts(-1, 25),
  byMinute: smallInts(0, 61),
  bySecond: smallInts(0, 61),
  bySetPosition: smallInts(-10, 10),
  count: fc.integer({ min: 0, max: 1e9 }),
  until: fc.constantFrom('2024-03-01T00:00:00', '1999-01-01T00:00:00', 'bad'),
  rscale: fc.constantFrom('gregorian', 'hebrew'),
  skip: fc.constantFrom('omit', 'forward'),
}, { requiredKeys: ['frequency'] });

const object = fc.record({
  '@type': fc.constantFrom('Event', 'Task', undefined),
  start: fc.constantFrom('2024-01-31T02:30:00', '2024-02-29T00:00:00', '2023-10-29T02:30:00', '0001-01-01T00:00:00', '9999-12-31T23:59:59', 'garbage'),
  due: fc.constantFrom('2024-02-01T00:00:00', undefined),
  timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', null, 'Nope/Nope', undefined),
  duration: fc.constantFrom('PT1H', 'P1D', 'P400W', 'bad', undefined),
  recurrenceRules: fc.array(fc.oneof(rule, fc.anything()), { maxLength: 2 }),
  excludedRecurrenceRules: fc.option(fc.array(rule, { maxLength: 1 }), { nil: undefined }),
  recurrenceOverrides: fc.option(fc.dictionary(fc.constantFrom('2024-02-05T02:30:00', '2024-13-01T00:00:00', 'x'), fc.oneof(
    fc.constant({ excluded: true }), fc.constant({}), fc.record({ start: fc.constantFrom('2024-01-01T00:00:00', 'bad'), duration: fc.constantFrom('PT5M', 'bad') }),
  )), { nil: undefined }),
}, { requiredKeys: [] });

describe('fuzz: random objects', () => {
  it('never throw, always terminate within the bounds, return sorted instances inside the range', () => {
    fc.assert(fc.property(object, fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: 0, max: 400 }), (o, fromMs, days) => {
      const from = new Date(fromMs);
      const to = new Date(fromMs + days * 86_400_000);
      const r = expandRecurrence(o as RecurringObject, { from, to, maxIterations: 3000, maxInstances: 200 });
      if (r.ok) {
        const list = r.value.instances;
        expect(list.length).toBeLessThanOrEqual(200);
        for (let i = 0; i < list.length; i++) {
          const x = list[i]!;
          expect(x.end.getTime()).toBeGreaterThanOrEqual(x.start.getTime());
          expect(x.start.getTime()).toBeLessThanOrEqual(to.getTime());
          expect(x.end.getTime()).toBeGreaterThanOrEqual(from.getTime());
          if (i > 0) expect(x.start.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.start.getTime());
        }
      } else {
        expect(r.errors.length).toBeGreaterThan(0);
      }
      const range = seriesRange(o as RecurringObject, { maxIterations: 3000 });
      if (range.ok && r.ok && range.value.end !== null) {
        for (const x of r.value.instances) {
          expect(x.start.getTime()).toBeGreaterThanOrEqual(range.value.start.getTime());
          expect(x.end.getTime()).toBeLessThanOrEqual(range.value.end.getTime());
        }
      }
    }), { numRuns: 1500 });
  });

  it('survives arbitrary values', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (o, opts) => {
      const r = expandRecurrence(o as RecurringObject, { from: new Date(0), to: new Date(1e12), ...(typeof opts === 'object' && opts !== null ? opts : {}) } as never);
      expect(typeof r.ok).toBe('boolean');
      expect(typeof seriesRange(o as RecurringObject).ok).toBe('boolean');
    }), { numRuns: 1000 });
  });
});
