import type { TimeRange } from '@almanac/domain-kernel';
import type { EventData } from '../model/event.js';

/**
 * What the domain needs to know about an event's times without expanding recurrences itself.
 * Adapters implement it with `seriesRange` and `expandRecurrence` of
 * `@almanac/codec-jscalendar/recurrence`.
 */
export interface EventTimes {
  /**
   * The instants an event covers, stored beside it so that time-range queries and the listing
   * window can pre-filter in the database: for a recurring event the bounds of the whole series
   * (RFC 4791 §9.9 overlap is then tested against them), `end: null` for a series without end.
   * @throws ValidationError (pointing at `/start`, `/timeZone`, …) when the event has no usable
   *   start or its time zone is unknown.
   */
  rangeOf(event: EventData): TimeRange;
  /**
   * Whether `recurrenceId` (a LocalDateTime, RFC 8984 §4.3.5) is an occurrence the event's rules
   * generate (exclusions not subtracted). False for non-recurring events and on any doubt.
   */
  isOccurrence(event: EventData, recurrenceId: string): boolean;
}
