/**
 * Date-time and duration arithmetic on the string forms of RFC 8984 §1.4
 * (LocalDateTime `YYYY-MM-DDTHH:MM:SS`, Duration `P…`). Local date-times are
 * handled as "epoch milliseconds of the wall clock read as UTC", which makes
 * calendar arithmetic exact without any time zone.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;
const UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
const DURATION = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** True for an RFC 8984 LocalDateTime. */
export function isLocalDateTime(s: unknown): s is string {
  return typeof s === 'string' && LOCAL.test(s) && Number.isFinite(localToMs(s));
}

/** True for an RFC 8984 UTCDateTime. */
export function isUtcDateTime(s: unknown): s is string {
  return typeof s === 'string' && UTC.test(s);
}

/** Wall-clock milliseconds of a LocalDateTime (or the date-time part of a UTC one); NaN if malformed. */
export function localToMs(s: string): number {
  // Fast path for the exact 19/20-character forms (no fraction).
  if ((s.length === 19 || (s.length === 20 && s.charCodeAt(19) === 90)) && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(10) === 84 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const se = digits(s, 17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) return Number.NaN;
    return Date.UTC(y, mo - 1, d, h, mi, se);
  }
  const m = LOCAL.exec(s) ?? UTC.exec(s);
  if (!m) return Number.NaN;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(+m[1]!, month) || +m[4]! > 23 || +m[5]! > 59 || +m[6]! > 60) return Number.NaN;
  return Date.UTC(+m[1]!, month - 1, day, +m[4]!, +m[5]!, +m[6]!);
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The number written with `n` ASCII digits at `at`; -1 if a character is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The LocalDateTime of wall-clock milliseconds. */
export function msToLocal(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const year = y < 0 ? `-${String(-y).padStart(6, '0')}` : y > 9999 ? `+${y}` : String(y).padStart(4, '0');
  return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The UTCDateTime of epoch milliseconds. */
export function msToUtc(ms: number): string {
  return `${msToLocal(ms)}Z`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A duration split as RFC 5545 §3.3.6 adds it: nominal days, then exact seconds. */
export interface DurationParts {
  sign: 1 | -1;
  days: number;
  seconds: number;
}

/** Parses an RFC 8984 (Signed)Duration; undefined when malformed. */
export function parseDuration(s: unknown): DurationParts | undefined {
  if (typeof s !== 'string') return undefined;
  const m = DURATION.exec(s);
  if (!m || s === 'P' || s.endsWith('T')) return undefined;
  const days = (+(m[2] ?? 0)) * 7 + +(m[3] ?? 0);
  const seconds = +(m[4] ?? 0) * 3600 + +(m[5] ?? 0) * 60 + +(m[6] ?? 0);
  return { sign: m[1] === '-' ? -1 : 1, days, seconds };
}

/**
 * Formats a duration, largest units first (`P1DT2H`, `PT0S` for zero).
 * Weeks are written only when the duration is whole weeks.
 */
export function formatDuration(p: DurationParts): string {
  const sign = p.sign < 0 && (p.days > 0 || p.seconds > 0) ? '-' : '';
  let out = `${sign}P`;
  if (p.days > 0 && p.seconds === 0 && p.days % 7 === 0) return `${out}${p.days / 7}W`;
  if (p.days > 0) out += `${p.days}D`;
  if (p.seconds > 0 || p.days === 0) {
    const h = Math.floor(p.seconds / 3600);
    const m = Math.floor((p.seconds % 3600) / 60);
    const s = Math.round((p.seconds % 60) * 1000) / 1000;
    out += 'T';
    if (h) out += `${h}H`;
    if (m) out += `${m}M`;
    if (s || (!h && !m)) out += `${s}S`;
  }
  return out;
}

/** Adds a duration to wall-clock milliseconds, days nominally (no zone). */
export function addNominal(ms: number, p: DurationParts): number {
  return ms + p.sign * (p.days * 86_400_000 + p.seconds * 1000);
}

/** Total seconds of a duration taking days as 24 hours. */
export function durationSeconds(p: DurationParts): number {
  return p.sign * (p.days * 86400 + p.seconds);
}
