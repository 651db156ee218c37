import { parseICalendar, type JCalComponent } from '@almanac/codec-icalendar';
import type { Issue, Parsed } from '../../issues.js';
import type { Group } from '../../types/jscalendar.js';
import { convertCalendar } from './calendar.js';

/** Options of {@link icalendarToJSCalendar}. */
export interface ICalendarToJSCalendarOptions {
  /** Charset of byte input (see `parseICalendar`). */
  charset?: string;
  /** Fail on any problem instead of working around it. */
  strict?: boolean;
  /** JSCalendar version of the output: RFC 8984 (default) or '2.0' (jscalendarbis). */
  version?: '1.0' | '2.0';
}

/**
 * Converts iCalendar (text, bytes or parsed jCal) to one JSCalendar Group per
 * VCALENDAR (draft-ietf-calext-jscalendar-icalendar-12, RFC 8984). Components
 * outside a VCALENDAR are read as if wrapped in one. Never throws; problems
 * come back as issues (with line numbers for text input).
 */
export function icalendarToJSCalendarGroups(input: string | Uint8Array | JCalComponent | JCalComponent[], options: ICalendarToJSCalendarOptions = {}): Parsed<Group[]> {
  try {
    const issues: Issue[] = [];
    let roots: JCalComponent[];
    if (typeof input === 'string' || input instanceof Uint8Array) {
      const parsed = parseICalendar(input, { charset: options.charset, strict: options.strict });
      if (!parsed.ok) return parsed;
      issues.push(...parsed.warnings);
      roots = parsed.value;
    } else {
      roots = Array.isArray(input) && typeof input[0] === 'string' ? [input as JCalComponent] : (input as JCalComponent[]);
    }
    const loose = roots.filter((c) => Array.isArray(c) && c[0] !== 'vcalendar');
    const calendars = roots.filter((c) => Array.isArray(c) && c[0] === 'vcalendar');
    if (loose.length > 0) {
      issues.push({ message: `${loose.length} component(s) outside a VCALENDAR read as if inside one`, code: 'icalendar/no-vcalendar' });
      calendars.push(['vcalendar', [], loose]);
    }
    if (calendars.length === 0) return { ok: false, errors: [{ message: 'no VCALENDAR found', code: 'icalendar/empty' }] };
    const groups = calendars.map((c) => convertCalendar(c, issues));
    if (options.strict && issues.length > 0) return { ok: false, errors: issues };
    return { ok: true, value: groups, warnings: issues };
  } catch (err) {
    return { ok: false, errors: [{ message: `internal conversion error: ${(err as Error)?.message ?? String(err)}`, code: 'internal' }] };
  }
}

/**
 * Like {@link icalendarToJSCalendarGroups} but always one Group: the entries
 * of several VCALENDARs are concatenated (group-level members from the first),
 * with a warning.
 *
 * @example
 * const r = icalendarToJSCalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
 * // r.value.entries[0] → { '@type': 'Event', uid: '1', start: '2024-01-01T10:00:00', timeZone: 'Etc/UTC' }
 */
export function icalendarToJSCalendar(input: string | Uint8Array | JCalComponent | JCalComponent[], options: ICalendarToJSCalendarOptions = {}): Parsed<Group> {
  const r = icalendarToJSCalendarGroups(input, options);
  if (!r.ok) return r;
  if (r.value.length === 1) return { ok: true, value: r.value[0]!, warnings: r.warnings };
  const [first, ...rest] = r.value;
  const merged: Group = { ...first!, entries: [...first!.entries] };
  for (const g of rest) {
    merged.entries.push(...g.entries);
    if (g.timeZones) merged.timeZones = { ...(merged.timeZones ?? {}), ...g.timeZones };
  }
  return { ok: true, value: merged, warnings: [...r.warnings, { message: `${r.value.length} VCALENDARs merged into one Group`, code: 'icalendar/merged' }] };
}
