import type { JCalProperty } from '@almanac/codec-icalendar';
import { localToMs, msToLocal } from '../../datetime.js';
import { localToUtcMs, utcToLocalMs, UTC_ZONE, type Zone } from '../zones/zone.js';
import type { FromICalContext } from './context.js';

/** A DATE or DATE-TIME value read for JSCalendar (draft §2.1.4, §2.1.5). */
export interface Temporal {
  /** LocalDateTime; a DATE gets time 00:00:00. */
  local: string;
  /** JSCalendar time zone id: `Etc/UTC`, an IANA name, `/custom`, or null for floating and DATE. */
  zoneId: string | null;
  zone: Zone | undefined;
  isDate: boolean;
  /** Written with a trailing Z. */
  utc: boolean;
  /** The TZID parameter as written, if any. */
  tzid: string | undefined;
}

/** Reads the first value of a DATE/DATE-TIME property; undefined when it is neither. */
export function readTemporal(prop: JCalProperty, ctx: FromICalContext, index = 3): Temporal | undefined {
  const v = prop[index];
  if (typeof v !== 'string') return undefined;
  return readTemporalValue(v, prop[2], prop[1].tzid, ctx);
}

export function readTemporalValue(v: string, type: string, tzidParam: unknown, ctx: FromICalContext): Temporal | undefined {
  const tzid = typeof tzidParam === 'string' ? tzidParam : undefined;
  if (type === 'date' && v.length === 10) return { local: `${v}T00:00:00`, zoneId: null, zone: undefined, isDate: true, utc: false, tzid };
  if (type !== 'date-time' || v.length < 19) return undefined;
  if (v.length === 20 && v[19] === 'Z') return { local: v.slice(0, 19), zoneId: 'Etc/UTC', zone: UTC_ZONE, isDate: false, utc: true, tzid };
  if (v.length !== 19) return undefined;
  if (tzid === undefined) return { local: v, zoneId: null, zone: undefined, isDate: false, utc: false, tzid };
  const z = ctx.zone(tzid);
  return { local: v, zoneId: z.id, zone: z.zone, isDate: false, utc: false, tzid };
}

/**
 * The LocalDateTime of `t` in another zone (RFC 8984 keys and `due` are
 * relative to the entry's time zone). Floating stays as written.
 */
export function inZone(t: Temporal, zoneId: string | null, zone: Zone | undefined): string {
  if (t.zoneId === zoneId || t.isDate || t.zoneId === null || zoneId === null || !t.zone || !zone) return t.local;
  const utc = localToUtcMs(t.zone, localToMs(t.local));
  return msToLocal(utcToLocalMs(zone, utc));
}

/** UTC milliseconds of a temporal value; floating and DATE values are read as UTC. */
export function instantOf(t: Temporal): number {
  const ms = localToMs(t.local);
  return t.zone && !t.isDate ? localToUtcMs(t.zone, ms) : ms;
}
