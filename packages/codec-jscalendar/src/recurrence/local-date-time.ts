// LocalDateTime and Duration (RFC 8984 §1.4.4, §1.4.6) as numbers. A "wall" time is a local
// date-time encoded as milliseconds since 1970-01-01T00:00:00 *on the wall clock*, i.e. as if the
// zone were UTC; wall arithmetic is then plain addition.

const MS_PER_DAY = 86_400_000;

/** Date-time components as ical.js and Date.UTC use them (month 1-12). */
export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/**
 * Parses a LocalDateTime into wall milliseconds; `undefined` if it is not one (bad syntax or a date
 * that does not exist, such as `2021-02-30T00:00:00`). Fractions below a millisecond are dropped.
 */
export function parseLocalDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = LOCAL_DATE_TIME.exec(value);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  return wallFromParts({ year, month, day, hour, minute, second }) + fraction;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Formats wall milliseconds as a LocalDateTime (fractional seconds only when not zero). */
export function formatLocalDateTime(wall: number): string {
  // Called once per instance: integer arithmetic (days to civil date, after H. Hinnant's
  // algorithm) and a digit table are several times faster than Date getters and padStart.
  const days = Math.floor(wall / MS_PER_DAY);
  let rest = wall - days * MS_PER_DAY;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const base = `${year >= 1000 ? year : pad(year, 4)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}`;
  return ms === 0 ? base : `${base}.${pad(ms, 3).replace(/0+$/, '')}`;
}

/** Wall milliseconds of date-time components (years 0-9999). */
export function wallFromParts(p: WallParts): number {
  const ms = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  if (p.year >= 100) return ms;
  const d = new Date(ms);
  d.setUTCFullYear(p.year);
  return d.getTime();
}

/** Date-time components of wall milliseconds. */
export function partsFromWall(wall: number): WallParts {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A Duration split as RFC 5545 §3.3.6 applies it: `days` (weeks count 7) are nominal, added on the
 * wall clock so that `P1D` keeps the time of day across a DST change; `ms` (hours, minutes,
 * seconds) is exact, added to the instant.
 */
export interface NominalDuration {
  days: number;
  ms: number;
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,9}))?S)?)?$/;

/** Parses an RFC 8984 §1.4.6 Duration (`P1DT2H`, `PT0S`, `P2W`); `undefined` if it is not one. */
export function parseDuration(value: unknown): NominalDuration | undefined {
  if (typeof value !== 'string' || value === 'P' || value.endsWith('T')) return undefined;
  const m = DURATION.exec(value);
  if (m === null) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  const days = n(1) * 7 + n(2);
  const fraction = m[6] === undefined ? 0 : Math.floor(Number(`0.${m[6]}`) * 1000);
  const ms = ((n(3) * 60 + n(4)) * 60 + n(5)) * 1000 + fraction;
  if (!Number.isSafeInteger(days) || !Number.isSafeInteger(ms) || days > 3_000_000) return undefined;
  return { days, ms };
}

/** An upper bound of a duration in exact milliseconds (a nominal day is at most 25 hours). */
export function maxDurationMs(d: NominalDuration): number {
  return d.days * (MS_PER_DAY + 3_600_000) + d.ms;
}

export { MS_PER_DAY };
