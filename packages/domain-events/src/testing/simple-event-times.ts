import { ValidationError, type TimeRange } from '@almanac/domain-kernel';
import type { EventData } from '../model/event.js';
import type { EventTimes } from '../ports/event-times.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * EventTimes for unit tests of the domain: every time is read as UTC, durations in fixed units,
 * a recurring event covers everything from its start on, and no date is a generated occurrence.
 * The adapters use the recurrence engine of the JSCalendar codec instead.
 */
export class SimpleEventTimes implements EventTimes {
  rangeOf(event: EventData): TimeRange {
    const m = typeof event.start === 'string' ? LOCAL.exec(event.start) : null;
    if (!m) throw new ValidationError("Error parsing JsCalendar Event attribute 'start': required", [{ path: '/start', message: 'a LocalDateTime is required' }], 'event/invalid-start');
    const start = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
    if (Array.isArray(event.recurrenceRules) && event.recurrenceRules.length) return { start, end: null };
    const d = typeof event.duration === 'string' ? DURATION.exec(event.duration) : null;
    const seconds = d ? (+(d[1] ?? 0) * 7 + +(d[2] ?? 0)) * 86_400 + +(d[3] ?? 0) * 3600 + +(d[4] ?? 0) * 60 + +(d[5] ?? 0) : 0;
    return { start, end: new Date(start.getTime() + seconds * 1000) };
  }

  isOccurrence(): boolean {
    return false;
  }
}
