// JSCalendar RecurrenceRule (RFC 8984 §4.3.3) -> the parts of an RRULE (RFC 5545 §3.3.10) as
// ical.js's Recur takes them. COUNT and UNTIL are not passed on: the engine applies them itself,
// so that the start always counts as the first occurrence (RFC 5545 §3.8.5.3) whatever ical.js
// does with a start that the rule would not generate.
import type { Issue, RecurrenceRule } from './types.js';
import { parseLocalDateTime } from './local-date-time.js';

/** The RRULE parts ical.js's `Recur.fromData` takes (upper-case frequency, sorted BY lists). */
export interface IcalRuleData {
  freq: 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY' | 'MINUTELY' | 'SECONDLY';
  interval: number;
  wkst: string;
  byday?: string[];
  bymonthday?: number[];
  bymonth?: number[];
  byyearday?: number[];
  byweekno?: number[];
  byhour?: number[];
  byminute?: number[];
  bysecond?: number[];
  bysetpos?: number[];
}

/** A rule ready to iterate. */
export interface MappedRule {
  data: IcalRuleData;
  /** RFC 8984 `count`: occurrences including the start. */
  count?: number;
  /** RFC 8984 `until`, as wall milliseconds in the object's zone (inclusive). */
  untilWall?: number;
}

const FREQUENCIES: Record<string, IcalRuleData['freq']> = {
  yearly: 'YEARLY', monthly: 'MONTHLY', weekly: 'WEEKLY', daily: 'DAILY',
  hourly: 'HOURLY', minutely: 'MINUTELY', secondly: 'SECONDLY',
};
const DAYS = new Set(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']);

/** Bounds of each integer list (RFC 5545 §3.3.10 grammar); `signed` lists exclude 0. */
const INT_PARTS = [
  ['byMonthDay', 'bymonthday', 31, true],
  ['byYearDay', 'byyearday', 366, true],
  ['byWeekNo', 'byweekno', 53, true],
  ['byHour', 'byhour', 23, false],
  ['byMinute', 'byminute', 59, false],
  ['bySecond', 'bysecond', 60, false],
  ['bySetPosition', 'bysetpos', 366, true],
] as const;

/**
 * Maps one rule; `undefined` (with a warning) when it cannot be expanded at all: an unknown
 * frequency, or a non-Gregorian `rscale`, which ical.js cannot compute (RFC 7529). Values out of
 * range are dropped with a warning; a list left empty by that makes the rule match nothing.
 */
export function mapRule(rule: unknown, path: string, warnings: Issue[]): MappedRule | undefined | 'empty' {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    warnings.push({ code: 'recurrence/invalid-rule', path, message: 'a recurrence rule must be an object; ignored' });
    return undefined;
  }
  const r = rule as Partial<RecurrenceRule> & Record<string, unknown>;
  const warn = (member: string, message: string) => warnings.push({ code: 'recurrence/invalid-rule', path: `${path}/${member}`, message });

  const freq = typeof r.frequency === 'string' ? FREQUENCIES[r.frequency.toLowerCase()] : undefined;
  if (freq === undefined) {
    warn('frequency', `unknown frequency ${JSON.stringify(r.frequency)}; rule ignored`);
    return undefined;
  }
  if (r.rscale !== undefined && String(r.rscale).toLowerCase() !== 'gregorian') {
    warnings.push({ code: 'recurrence/unsupported-rscale', path: `${path}/rscale`, message: `rscale "${String(r.rscale)}" is not supported (only gregorian); rule ignored` });
    return undefined;
  }
  if (r.skip !== undefined && r.skip !== 'omit') {
    // RFC 7529 §3.2 SKIP: ical.js always omits invalid dates.
    warnings.push({ code: 'recurrence/unsupported-skip', path: `${path}/skip`, message: `skip "${String(r.skip)}" is not supported; invalid dates are omitted` });
  }

  let interval = 1;
  if (r.interval !== undefined) {
    if (isPositiveInt(r.interval)) interval = r.interval;
    else warn('interval', `interval must be a positive integer, not ${JSON.stringify(r.interval)}; 1 used`);
  }
  let wkst = 'MO';
  if (r.firstDayOfWeek !== undefined) {
    if (typeof r.firstDayOfWeek === 'string' && DAYS.has(r.firstDayOfWeek.toLowerCase())) wkst = r.firstDayOfWeek.toUpperCase();
    else warn('firstDayOfWeek', `firstDayOfWeek ${JSON.stringify(r.firstDayOfWeek)} is not a day; "mo" used`);
  }
  const data: IcalRuleData = { freq, interval, wkst };
  let empty = false;

  if (r.byDay !== undefined) {
    const days = mapByDay(r.byDay, `${path}/byDay`, warnings);
    if (days.length === 0) empty = true;
    else data.byday = days;
  }
  if (r.byMonth !== undefined) {
    const months = mapByMonth(r.byMonth, `${path}/byMonth`, warnings);
    if (months.length === 0) empty = true;
    else data.bymonth = months;
  }
  for (const [member, part, max, signed] of INT_PARTS) {
    const value = r[member];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    const valid = [...new Set(list.filter((v): v is number => Number.isInteger(v) && Math.abs(v) <= max && (signed ? v !== 0 : v >= 0)))];
    if (valid.length !== list.length) warn(member, `${member} values must be integers in ${signed ? `±1..${max}` : `0..${max}`}; others dropped`);
    if (valid.length === 0) empty = true;
    else data[part] = valid.sort((a, b) => a - b);
  }

  const mapped: MappedRule = { data };
  if (r.count !== undefined) {
    if (isPositiveInt(r.count) || r.count === 0) mapped.count = r.count;
    else warn('count', `count must be a non-negative integer, not ${JSON.stringify(r.count)}; ignored`);
  }
  if (r.until !== undefined) {
    const until = parseLocalDateTime(r.until);
    if (until === undefined) warn('until', `until ${JSON.stringify(r.until)} is not a LocalDateTime; ignored`);
    else mapped.untilWall = until;
  }
  return empty ? 'empty' : mapped;
}

function mapByDay(value: unknown, path: string, warnings: Issue[]): string[] {
  const out = new Set<string>();
  const list = Array.isArray(value) ? value : [value];
  list.forEach((nday: unknown, i) => {
    const n = nday as Partial<{ day: unknown; nthOfPeriod: unknown }> | null;
    // Lenient: the egroupware profile writes one NDay with comma-joined days ("mo,we").
    const names = typeof n?.day === 'string' ? n.day.split(',').map((d) => d.trim().toLowerCase()) : [];
    const nth = n?.nthOfPeriod;
    const nthOk = nth === undefined || (Number.isInteger(nth) && nth !== 0 && Math.abs(nth as number) <= 53);
    if (names.length === 0 || !names.every((d) => DAYS.has(d)) || !nthOk) {
      warnings.push({ code: 'recurrence/invalid-rule', path: `${path}/${i}`, message: `${JSON.stringify(nday)} is not an NDay; dropped` });
      return;
    }
    for (const d of names) out.add(`${nth === undefined ? '' : String(nth)}${d.toUpperCase()}`);
  });
  return [...out];
}

function mapByMonth(value: unknown, path: string, warnings: Issue[]): number[] {
  const out = new Set<number>();
  const list = Array.isArray(value) ? value : [value];
  list.forEach((m: unknown, i) => {
    const text = typeof m === 'number' ? String(m) : m;
    if (typeof text === 'string' && /^(?:[1-9]|1[0-2])$/.test(text)) {
      out.add(Number(text));
    } else {
      // "5L" (leap month) only exists in non-Gregorian calendars (RFC 7529 §4.2).
      warnings.push({ code: 'recurrence/invalid-rule', path: `${path}/${i}`, message: `byMonth ${JSON.stringify(m)} is not a Gregorian month; dropped` });
    }
  });
  return [...out].sort((a, b) => a - b);
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
}
