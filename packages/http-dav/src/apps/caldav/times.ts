import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { resolveTzid } from '@almanac/codec-jscalendar/icalendar';
import { parseDuration, parseLocalDateTime, type WallClock, wallClock } from '@almanac/codec-jscalendar/recurrence';
import { childComponents, compName, firstProperty, paramValues, parseVCalendar, propertyTexts } from './jcal.js';

const UTC = wallClock('UTC')!;
const DAY = 86_400_000;

/**
 * How the times of one calendar object are read: floating times and dates in `floating` (RFC 4791
 * §9.9: the zone of `CALDAV:timezone`, else UTC), TZIDs through the object's own VTIMEZONEs.
 */
export interface TimeContext {
  readonly floating: WallClock;
  readonly vtimezones: ReadonlyMap<string, JCalComponent>;
}

/** The time context of a VCALENDAR: its VTIMEZONEs by TZID. */
export function timeContextOf(vcalendar: JCalComponent, floating: WallClock = UTC): TimeContext {
  const vtimezones = new Map<string, JCalComponent>();
  for (const tz of childComponents(vcalendar, 'VTIMEZONE')) {
    const id = firstProperty(tz, 'TZID')?.[3];
    if (typeof id === 'string') vtimezones.set(id, tz);
  }
  return { floating, vtimezones };
}

/**
 * The wall clock of a TZID: IANA names, Windows and Outlook names and `/…/Europe/Berlin` forms as
 * the JSCalendar codec resolves them; a custom zone it cannot map reads as floating.
 */
export function clockOfTzid(tzid: string, tc: TimeContext): WallClock {
  const resolved = resolveTzid(tzid, tc.vtimezones.get(tzid));
  return (resolved.id.startsWith('/') ? undefined : wallClock(resolved.id)) ?? tc.floating;
}

/**
 * The instant (epoch ms) of a DATE or DATE-TIME value of a property: UTC with `Z`, in the zone of
 * its TZID, or floating. A DATE is its midnight, floating (RFC 4791 §9.9). Undefined when the value
 * is neither.
 */
export function instantOfValue(p: JCalProperty, value: unknown, tc: TimeContext): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (p[2] === 'date') {
    const wall = parseLocalDateTime(`${value}T00:00:00`);
    return wall === undefined ? undefined : tc.floating.toInstant(wall);
  }
  if (p[2] !== 'date-time') return undefined;
  if (value.endsWith('Z')) {
    const wall = parseLocalDateTime(value.slice(0, -1));
    return wall;
  }
  const wall = parseLocalDateTime(value);
  if (wall === undefined) return undefined;
  const tzid = paramValues(p, 'tzid')[0];
  return (tzid === undefined ? tc.floating : clockOfTzid(tzid, tc)).toInstant(wall);
}

/** The instant of a property's first value (DTSTART, DUE, COMPLETED, …). */
export const instantOf = (p: JCalProperty | undefined, tc: TimeContext): number | undefined => (p ? instantOfValue(p, p[3], tc) : undefined);

/**
 * An iCalendar DURATION (RFC 5545 §3.3.6, with sign) in milliseconds, days and weeks counted as
 * 24 hours (alarm offsets and task durations; event instances are the recurrence engine's).
 */
export function durationMs(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?)(P.*)$/.exec(text.trim());
  const d = m ? parseDuration(m[2]) : undefined;
  if (!d) return undefined;
  const ms = d.days * DAY + d.ms;
  return m![1] === '-' ? -ms : ms;
}

/** The duration value of a property (TRIGGER, DURATION) in milliseconds. */
export const durationOf = (p: JCalProperty | undefined): number | undefined => (p ? durationMs(propertyTexts(p)[0]) : undefined);

/**
 * The zone floating times of a query are read in (RFC 4791 §9.8 `CALDAV:timezone`, RFC 7809
 * `timezone-id`): its IANA (or mappable) name, else UTC.
 */
export function floatingClockOf(timezone: string | undefined, timezoneId: string | undefined): WallClock {
  if (timezoneId) {
    const clock = clockOfTzid(timezoneId, { floating: UTC, vtimezones: new Map() });
    if (clock !== UTC || timezoneId === 'UTC') return clock;
  }
  if (timezone) {
    const vcalendar = parseVCalendar(timezone);
    const tz = vcalendar && childComponents(vcalendar).find((c) => compName(c) === 'VTIMEZONE');
    const id = tz && firstProperty(tz, 'TZID')?.[3];
    if (typeof id === 'string') return clockOfTzid(id, timeContextOf(vcalendar!));
  }
  return UTC;
}

/** The UTC clock. */
export const UTC_CLOCK = UTC;
