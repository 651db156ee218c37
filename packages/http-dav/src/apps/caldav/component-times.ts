import type { JCalComponent } from '@almanac/codec-icalendar';
import { type CalendarObjectView, type Instance } from './instances.js';
import { compName, firstProperty } from './jcal.js';
import { durationOf, instantOf, type TimeContext } from './times.js';

/** The widest range the recurrence engine is asked about: years 1 to 9999. */
export const MIN_TIME = Date.UTC(1, 0, 1);
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59);

/** A query range as epoch ms, open sides made the widest. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** A `time-range` (RFC 4791 §9.9) as a span. */
export const spanOf = (range: { start?: Date; end?: Date }): Span => ({ from: range.start?.getTime() ?? MIN_TIME, to: range.end?.getTime() ?? MAX_TIME });

/**
 * RFC 4791 §9.9, the VTODO table: whether a VTODO without recurrence overlaps [from, to), judged by
 * which of DTSTART, DURATION, DUE, COMPLETED and CREATED it has.
 */
export function todoOverlaps(todo: JCalComponent, tc: TimeContext, { from: start, to: end }: Span): boolean {
  const dtstart = instantOf(firstProperty(todo, 'DTSTART'), tc);
  const duration = durationOf(firstProperty(todo, 'DURATION'));
  const due = instantOf(firstProperty(todo, 'DUE'), tc);
  const completed = instantOf(firstProperty(todo, 'COMPLETED'), tc);
  const created = instantOf(firstProperty(todo, 'CREATED'), tc);
  if (dtstart !== undefined && duration !== undefined) {
    const finish = dtstart + duration;
    return start <= finish && (end > dtstart || end >= finish);
  }
  if (dtstart !== undefined && due !== undefined) return (start < due || start <= dtstart) && (end > dtstart || end >= due);
  if (dtstart !== undefined) return start <= dtstart && end > dtstart;
  if (due !== undefined) return start < due && end >= due;
  if (completed !== undefined && created !== undefined) return (start <= created || start <= completed) && (end >= created || end >= completed);
  if (completed !== undefined) return start <= completed && end >= completed;
  if (created !== undefined) return end > created;
  return true;
}

/** The start and end a VTODO without recurrence has, for alarms (RELATED=START / END). */
function todoSpan(todo: JCalComponent, tc: TimeContext): Instance | undefined {
  const dtstart = instantOf(firstProperty(todo, 'DTSTART'), tc);
  const due = instantOf(firstProperty(todo, 'DUE'), tc);
  const duration = durationOf(firstProperty(todo, 'DURATION'));
  const start = dtstart ?? due;
  if (start === undefined) return undefined;
  const end = due ?? (duration !== undefined ? start + duration : start);
  return { recurrenceId: '', start, end, isOverride: false };
}

/**
 * The occurrences of a VEVENT or VTODO component overlapping a span: the recurrence engine's
 * instances of the series it belongs to; a VTODO without recurrence by the §9.9 table (then the
 * one span it has, whatever the query span, for alarm offsets to be applied to).
 */
export function occurrencesOf(view: CalendarObjectView, component: JCalComponent, span: Span, forAlarms = false): Instance[] {
  if (compName(component) === 'VTODO' && !view.recurs) {
    if (!forAlarms && !todoOverlaps(component, view.tc, span)) return [];
    const only = todoSpan(component, view.tc);
    return only ? [only] : [];
  }
  return view.instancesOf(component, span.from, span.to);
}

/**
 * Whether a VJOURNAL overlaps a span (RFC 4791 §9.9): a DATE-TIME start is a point, a DATE start a
 * day; no DTSTART never overlaps.
 */
export function journalOverlaps(journal: JCalComponent, tc: TimeContext, { from, to }: Span): boolean {
  const p = firstProperty(journal, 'DTSTART');
  const start = instantOf(p, tc);
  if (start === undefined) return false;
  return p![2] === 'date' ? from < start + 86_400_000 && to > start : from <= start && to > start;
}
