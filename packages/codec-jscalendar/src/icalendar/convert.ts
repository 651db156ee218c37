import { parseICalendar, stringifyICalendar } from '@almanac/codec-icalendar';
import { formatJSCalendar, parseJSCalendarInput } from '../input.js';
import type { Issue, Parsed } from '../issues.js';
import type { JSCalendarProfile } from '../profiles/egroupware.js';
import type { Event, Group, Task } from '../types/jscalendar.js';
import { icalendarToJSCalendar } from './from-ical/api.js';
import { jscalendarToICalendarText } from './to-ical/api.js';

/** The two calendar data formats. */
export type CalendarFormat = 'ical' | 'jscalendar';

/** Options of {@link convertCalendarData} (the `almanac convert` flags). */
export interface ConvertOptions {
  from: CalendarFormat;
  to: CalendarFormat;
  /** JSCalendar shape of the output (and accepted input shapes): `rfc` (default) or `egroupware`. */
  profile?: JSCalendarProfile;
  /** Charset of iCalendar byte input. */
  charset?: string;
  /** Reject input with problems instead of working around them. */
  strict?: boolean;
  /** PRODID for iCalendar output when the data names none. */
  prodId?: string;
}

/**
 * One call for `almanac convert --from ical|jscalendar --to ical|jscalendar
 * [--profile rfc|egroupware]`: text (or bytes) in, text out — iCalendar
 * (CRLF, folded) or JSCalendar JSON (a Group, 2-space indented). Same-format
 * conversions normalise (iCalendar: re-serialised; JSCalendar: read leniently
 * and written in the profile). Never throws; problems come back as issues,
 * warnings alongside a result.
 *
 * @example convertCalendarData(icsText, { from: 'ical', to: 'jscalendar', profile: 'egroupware' })
 */
export function convertCalendarData(input: string | Uint8Array, options: ConvertOptions): Parsed<string> {
  try {
    const profile = options.profile ?? 'rfc';
    if (options.from === 'ical') {
      if (options.to === 'ical') {
        const parsed = parseICalendar(input, { charset: options.charset, strict: options.strict });
        if (!parsed.ok) return parsed;
        const issues: Issue[] = [...parsed.warnings];
        return { ok: true, value: stringifyICalendar(parsed.value, { issues }), warnings: issues };
      }
      const group = icalendarToJSCalendar(input, { charset: options.charset, strict: options.strict });
      if (!group.ok) return group;
      return { ok: true, value: `${JSON.stringify(formatJSCalendar(group.value, { profile }), null, 2)}\n`, warnings: group.warnings };
    }
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    const parsed = parseJSCalendarInput(text, { strict: options.strict });
    if (!parsed.ok) return parsed;
    if (options.to === 'jscalendar') return { ok: true, value: `${JSON.stringify(formatJSCalendar(parsed.value, { profile }), null, 2)}\n`, warnings: parsed.warnings };
    const ical = jscalendarToICalendarText(parsed.value as Group | Event | Task, { prodId: options.prodId });
    if (!ical.ok) return ical;
    return { ok: true, value: ical.value, warnings: [...parsed.warnings, ...ical.warnings] };
  } catch (err) {
    return { ok: false, errors: [{ message: `internal conversion error: ${(err as Error)?.message ?? String(err)}`, code: 'internal' }] };
  }
}
