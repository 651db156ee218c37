/** RFC 8984 §1.4.4 LocalDateTime: `YYYY-MM-DDTHH:MM:SS`, no zone, fraction without trailing zeros. */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d*[1-9]))?$/;

/** Whether a value is an RFC 8984 LocalDateTime that names a real calendar date and time. */
export function isLocalDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = LOCAL.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 && s < 61;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch {
      return undefined;
    }
    if (formatters.size > 500) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is a time zone name the runtime knows (IANA, e.g. `Europe/Berlin`, `Etc/UTC`). */
export const isTimeZoneName = (zone: unknown): zone is string => typeof zone === 'string' && zone !== '' && formatter(zone) !== undefined;

/** The zone's UTC offset in ms at an instant. */
function offsetAt(f: Intl.DateTimeFormat, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a LocalDateTime names in a zone. A floating time (no zone, or one the runtime does
 * not know, such as a custom `/…` zone) is read as UTC, which is what time-range queries on
 * floating values need (RFC 4791 §9.9 reads them in the query's zone; Almanac has no per-user
 * zone yet). In a DST gap the wall time is moved forward by the gap, as RFC 5545 §3.3.5 asks;
 * in an overlap the first occurrence is taken.
 * @returns undefined when `local` is not a LocalDateTime.
 */
export function localToInstant(local: string, zone: string | null | undefined): Date | undefined {
  if (!isLocalDateTime(local)) return undefined;
  const [y, mo, d, h, mi, s] = LOCAL.exec(local)!.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const f = zone ? formatter(zone) : undefined;
  if (!f) return new Date(wall);
  // The offsets a day before and after bracket any transition near the wall time: in an overlap
  // both candidates map back to it and the earlier is taken; in a gap neither does, and the offset
  // before the gap moves the time forward by the gap's length.
  const before = wall - offsetAt(f, wall - DAY);
  const after = wall - offsetAt(f, wall + DAY);
  const exact = [before, after].filter((c) => c + offsetAt(f, c) === wall).sort((a, b) => a - b);
  return new Date(exact[0] ?? before);
}

/** A LocalDateTime for an instant in a zone (UTC when the zone is unknown or absent). */
export function instantToLocal(instant: Date, zone: string | null | undefined): string {
  const f = zone ? formatter(zone) : undefined;
  const ms = instant.getTime() + (f ? offsetAt(f, instant.getTime()) : 0);
  return new Date(ms).toISOString().slice(0, 19);
}
