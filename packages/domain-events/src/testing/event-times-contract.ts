import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@almanac/domain-kernel';
import type { EventData } from '../model/event.js';
import type { EventTimes } from '../ports/event-times.js';

const event = (over: Partial<EventData> = {}): EventData =>
  ({ '@type': 'Event', uid: 'u', start: '2030-01-10T10:00:00', timeZone: 'Etc/UTC', duration: 'PT1H30M', ...over }) as EventData;

/**
 * What every EventTimes adapter promises. `expands` says the adapter expands recurrences (the
 * real one does; the test double reads every recurring event as open-ended and knows no
 * occurrences), which enables the checks that need it.
 */
export function describeEventTimesContract(label: string, times: EventTimes, opts: { expands: boolean }): void {
  describe(`${label}: event times`, () => {
    it('covers start to start + duration for a single event', () => {
      expect(times.rangeOf(event())).toEqual({ start: new Date('2030-01-10T10:00:00Z'), end: new Date('2030-01-10T11:30:00Z') });
      expect(times.rangeOf(event({ duration: undefined }))).toEqual({ start: new Date('2030-01-10T10:00:00Z'), end: new Date('2030-01-10T10:00:00Z') });
    });

    it('starts a series at its first occurrence and leaves an endless one open', () => {
      const endless = times.rangeOf(event({ recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }] }));
      expect(endless).toEqual({ start: new Date('2030-01-10T10:00:00Z'), end: null });
      const finite = times.rangeOf(event({ recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 3 }] }));
      expect(finite.start).toEqual(new Date('2030-01-10T10:00:00Z'));
      if (opts.expands) expect(finite.end).toEqual(new Date('2030-01-12T11:30:00Z'));
      else expect(finite.end === null || finite.end >= new Date('2030-01-12T11:30:00Z')).toBe(true);
    });

    it('refuses an event without a usable start, pointing at it', () => {
      for (const bad of [event({ start: undefined as never }), event({ start: 'tomorrow' })]) {
        let err: unknown;
        try { times.rangeOf(bad); } catch (e) { err = e; }
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).issues.map((i) => i.path)).toContain('/start');
      }
    });

    it('knows no occurrence of a single event', () => {
      expect(times.isOccurrence(event(), '2030-01-10T10:00:00')).toBe(false);
      expect(times.isOccurrence(event(), '2030-01-11T10:00:00')).toBe(false);
    });

    if (opts.expands) {
      it('tells generated occurrences from other dates', () => {
        const daily = event({ recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 3 }] });
        expect(times.isOccurrence(daily, '2030-01-11T10:00:00')).toBe(true);
        expect(times.isOccurrence(daily, '2030-01-11T11:00:00')).toBe(false);
        expect(times.isOccurrence(daily, '2030-01-13T10:00:00')).toBe(false);
        expect(times.isOccurrence(daily, 'garbage')).toBe(false);
      });

      it('reads times in the event’s zone', () => {
        expect(times.rangeOf(event({ timeZone: 'Europe/Berlin' })).start).toEqual(new Date('2030-01-10T09:00:00Z'));
        expect(times.rangeOf(event({ timeZone: 'Europe/Berlin', start: '2030-07-10T10:00:00' })).start).toEqual(new Date('2030-07-10T08:00:00Z'));
      });
    }
  });
}
