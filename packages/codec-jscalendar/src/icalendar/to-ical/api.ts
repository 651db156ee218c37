import { stringifyICalendar, type JCalComponent } from '@almanac/codec-icalendar';
import type { Issue, Parsed } from '../../issues.js';
import type { Event, Group, Task } from '../../types/jscalendar.js';
import { groupToVCalendar } from './calendar.js';
import type { ToICalendarOptions } from './context.js';

/** Options of {@link jscalendarToICalendar}. */
export type JSCalendarToICalendarOptions = ToICalendarOptions;

function isEntryLike(v: unknown): v is Group | Event | Task {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Converts a JSCalendar Group, Event or Task (RFC 8984 canonical form, as
 * `parseJSCalendarInput` returns it) to a jCal VCALENDAR. Members without an
 * iCalendar home are written as JSCAL-PROP so the way back is lossless. Never
 * throws; `ok: false` only when the input is not an object.
 */
export function jscalendarToICalendar(input: Group | Event | Task | Array<Event | Task>, options: JSCalendarToICalendarOptions = {}): Parsed<JCalComponent> {
  try {
    const obj = Array.isArray(input) ? ({ '@type': 'Group', entries: input } as Group) : input;
    if (!isEntryLike(obj)) return { ok: false, errors: [{ message: 'not a JSCalendar object', path: '', code: 'jscalendar/not-object' }] };
    const { vcalendar, ctx } = groupToVCalendar(obj, options);
    return { ok: true, value: vcalendar, warnings: ctx.issues };
  } catch (err) {
    return { ok: false, errors: [{ message: `internal conversion error: ${(err as Error)?.message ?? String(err)}`, code: 'internal' }] };
  }
}

/** Like {@link jscalendarToICalendar}, written as iCalendar text (CRLF, folded). */
export function jscalendarToICalendarText(input: Group | Event | Task | Array<Event | Task>, options: JSCalendarToICalendarOptions = {}): Parsed<string> {
  const r = jscalendarToICalendar(input, options);
  if (!r.ok) return r;
  const issues: Issue[] = [...r.warnings];
  const text = stringifyICalendar(r.value, { issues });
  return { ok: true, value: text, warnings: issues };
}
