import ICAL from 'ical.js';
import type { JCalComponent } from '@almanac/codec-icalendar';
import { ianaOffsetAt } from './iana.js';
import { observanceRulesAreSafe } from './observance-guard.js';

/** Offsets of one time zone, whatever defines it (IANA via Intl, or a VTIMEZONE). */
export interface Zone {
  /** Offset from UTC in seconds at the UTC instant `utcMs`. */
  offsetAt(utcMs: number): number;
}

/** A zone from the platform's IANA database. */
export function ianaZone(name: string): Zone {
  return { offsetAt: (utcMs) => ianaOffsetAt(name, utcMs) };
}

/** The UTC zone. */
export const UTC_ZONE: Zone = { offsetAt: () => 0 };

/**
 * A zone defined by a VTIMEZONE component (RFC 5545 §3.6.5), evaluated by
 * ical.js. Undefined when ical.js cannot read the definition or could not evaluate it in bounded
 * time (see {@link observanceRulesAreSafe}).
 */
export function vtimezoneZone(vtimezone: JCalComponent): Zone | undefined {
  if (!observanceRulesAreSafe(vtimezone)) return undefined;
  let tz: InstanceType<typeof ICAL.Timezone>;
  try {
    tz = new ICAL.Timezone(new ICAL.Component(structuredClone(vtimezone) as unknown as unknown[]));
  } catch {
    return undefined;
  }
  const cache = new Map<number, number>();
  return {
    offsetAt(utcMs: number): number {
      const bucket = Math.floor(utcMs / 900_000);
      const hit = cache.get(bucket);
      if (hit !== undefined) return hit;
      let offset = 0;
      try {
        const d = new Date(utcMs);
        const t = new ICAL.Time({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), isDate: false }, ICAL.Timezone.utcTimezone);
        const local = t.convertToZone(tz);
        offset = tz.utcOffset(local);
      } catch {
        offset = 0;
      }
      if (!Number.isFinite(offset)) offset = 0;
      cache.set(bucket, offset);
      return offset;
    },
  };
}

/** Wall-clock milliseconds in `zone` of the UTC instant. */
export function utcToLocalMs(zone: Zone, utcMs: number): number {
  return utcMs + zone.offsetAt(utcMs) * 1000;
}

/**
 * The UTC instant of a wall-clock time in `zone`. RFC 5545 §3.3.5: a time
 * skipped by a forward shift is read with the offset before the shift; a
 * time that occurs twice means its first occurrence.
 */
export function localToUtcMs(zone: Zone, localMs: number): number {
  const before = zone.offsetAt(localMs - 86_400_000);
  const after = zone.offsetAt(localMs + 86_400_000);
  let best = Number.NaN;
  for (const o of before === after ? [before] : [before, after]) {
    const t = localMs - o * 1000;
    if (zone.offsetAt(t) === o && !(t >= best)) best = t;
  }
  if (Number.isNaN(best)) {
    const o = zone.offsetAt(localMs);
    const t = localMs - o * 1000;
    // In a gap: use the offset in force before it.
    best = zone.offsetAt(t) === o ? t : localMs - before * 1000;
  }
  return best;
}
