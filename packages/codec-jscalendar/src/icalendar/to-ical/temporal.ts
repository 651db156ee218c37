import type { JCalProperty } from '@almanac/codec-icalendar';
import { isLocalDateTime, localToMs, msToLocal } from '../../datetime.js';
import { localToUtcMs } from '../zones/zone.js';
import type { ToICalContext } from './context.js';

/** How the date-time values of one entry are written (from its start, time zone and conversion records). */
export interface TimeForm {
  /** JSCalendar zone id, null for floating. */
  zoneId: string | null;
  /** TZID to write (may differ from the zone id: Windows names kept from the source). */
  tzid: string | undefined;
  /** Values are DATE (all-day entry whose start is midnight). */
  isDate: boolean;
}

/** The form of an entry's date-times (draft §2.3.16 in reverse). */
export function timeForm(timeZone: unknown, showWithoutTime: unknown, start: unknown, tzidParam: unknown): TimeForm {
  const zoneId = typeof timeZone === 'string' ? timeZone : null;
  const isDate = showWithoutTime === true && (typeof start !== 'string' || start.endsWith('T00:00:00'));
  let tzid: string | undefined;
  if (zoneId !== null && zoneId !== 'Etc/UTC') tzid = typeof tzidParam === 'string' ? tzidParam : zoneId.startsWith('/') ? zoneId.slice(1) : zoneId;
  else if (zoneId === 'Etc/UTC' && typeof tzidParam === 'string') tzid = tzidParam;
  return { zoneId, tzid, isDate };
}

/**
 * A date-time property for a LocalDateTime in the entry's form: DATE, UTC
 * (`Z`), floating, or TZID. Undefined when `local` is malformed.
 */
export function temporalProperty(name: string, local: unknown, form: TimeForm, ctx: ToICalContext, extra?: Record<string, string | string[]>): JCalProperty | undefined {
  if (!isLocalDateTime(local)) return undefined;
  const value = local.slice(0, 19);
  const params: Record<string, string | string[]> = { ...(extra ?? {}) };
  // A TZID on a DATE or floating value (invalid, but written by some) is kept as recorded.
  if (form.isDate) return [name, params, 'date', value.slice(0, 10)];
  if (form.zoneId === null) return [name, params, 'date-time', value];
  // A TZID recorded for this very property (written differently than DTSTART's) wins.
  const tzid = typeof params.tzid === 'string' ? params.tzid : form.tzid;
  delete params.tzid;
  if (tzid === undefined) return [name, params, 'date-time', `${value}Z`];
  ctx.useZone(tzid, form.zoneId, +value.slice(0, 4));
  return [name, { tzid, ...params }, 'date-time', value];
}

/** Several values of one property (EXDATE, RDATE) in the entry's form. */
export function temporalList(name: string, locals: string[], form: TimeForm, ctx: ToICalContext): JCalProperty | undefined {
  const props = locals.map((l) => temporalProperty(name, l, form, ctx)).filter((p): p is JCalProperty => p !== undefined);
  if (props.length === 0) return undefined;
  return [name, props[0]![1], props[0]![2], ...props.map((p) => p[3])];
}

/** UNTIL of an RRULE (RFC 5545 §3.3.10): DATE for all-day, UTC for zoned, floating otherwise. */
export function untilValue(until: string, form: TimeForm, ctx: ToICalContext): string | undefined {
  if (!isLocalDateTime(until)) return undefined;
  if (form.isDate) return until.slice(0, 10);
  if (form.zoneId === null) return until.slice(0, 19);
  const zone = ctx.zone(form.zoneId);
  if (!zone) return `${until.slice(0, 19)}Z`;
  return `${msToLocal(localToUtcMs(zone, localToMs(until)))}Z`;
}
