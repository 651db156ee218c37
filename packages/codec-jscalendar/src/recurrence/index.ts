/**
 * Recurrence expansion for JSCalendar (RFC 8984 §4.3): `@almanac/codec-jscalendar/recurrence`.
 *
 * @example
 * import { expandRecurrence, seriesRange } from '@almanac/codec-jscalendar/recurrence';
 * const week = expandRecurrence(event, { from: new Date('2024-06-03T00:00:00Z'), to: new Date('2024-06-10T00:00:00Z') });
 * if (week.ok) for (const i of week.value.instances) console.log(i.recurrenceId, i.start, i.end);
 */
export { expandRecurrence } from './expand.js';
export { seriesRange } from './series-range.js';
export { clearRecurrenceCache } from './stream-cache.js';
export { parseLocalDateTime, formatLocalDateTime, parseDuration, type NominalDuration } from './local-date-time.js';
export { wallClock, type WallClock } from './zone.js';
export {
  DEFAULT_MAX_INSTANCES,
  DEFAULT_MAX_ITERATIONS,
  type ExpandOptions,
  type Issue,
  type LocalDateTime,
  type NDay,
  type Parsed,
  type PatchObject,
  type RecurrenceExpansion,
  type RecurrenceInstance,
  type RecurrenceOptions,
  type RecurrenceRule,
  type RecurringObject,
  type SeriesRange,
} from './types.js';
