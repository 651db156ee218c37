import { expandRecurrence, formatLocalDateTime, parseLocalDateTime, seriesRange } from '@almanac/codec-jscalendar/recurrence';
import type { EventData, EventTimes } from '@almanac/domain-events';
import { type TimeRange, ValidationError } from '@almanac/domain-kernel';

const DAY = 86_400_000;
/** A listing or reply expands one event; this keeps a hostile rule from holding the request. */
const MAX_ITERATIONS = 20_000;

/**
 * EventTimes over the JSCalendar codec's recurrence engine: the stored range is `seriesRange`
 * (the bounds of the whole series, open-ended for endless rules), an occurrence is a date the
 * rules generate (`expandRecurrence` without the overrides).
 */
export class CodecEventTimes implements EventTimes {
  rangeOf(event: EventData): TimeRange {
    const range = seriesRange(event, { maxIterations: MAX_ITERATIONS });
    if (!range.ok) {
      const details = range.errors.map((e) => ({ path: e.path || '/start', message: e.message }));
      throw new ValidationError(`Error parsing JsCalendar Event attribute '${details[0]!.path.slice(1)}': ${details[0]!.message}`, details, 'event/invalid-times');
    }
    return { start: range.value.start, end: range.value.end };
  }

  isOccurrence(event: EventData, recurrenceId: string): boolean {
    const wall = parseLocalDateTime(recurrenceId);
    if (wall === undefined || !Array.isArray(event.recurrenceRules) || event.recurrenceRules.length === 0) return false;
    const wanted = formatLocalDateTime(wall);
    // Zone offsets stay within a day, so two days around the wall time hold the instance if it exists.
    const { recurrenceOverrides: _o, ...rules } = event;
    const expanded = expandRecurrence(rules, { from: new Date(wall - 2 * DAY), to: new Date(wall + 2 * DAY), maxIterations: MAX_ITERATIONS });
    return expanded.ok && expanded.value.instances.some((i) => i.recurrenceId === wanted);
  }
}
