import type { NDay, RecurrenceRule } from '../types/jscalendar.js';

const NUMBER_PARTS: ReadonlyArray<[ical: string, js: keyof RecurrenceRule]> = [
  ['bymonthday', 'byMonthDay'], ['byyearday', 'byYearDay'], ['byweekno', 'byWeekNo'],
  ['byhour', 'byHour'], ['byminute', 'byMinute'], ['bysecond', 'bySecond'], ['bysetpos', 'bySetPosition'],
];
const NDAY = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/i;
const FREQUENCIES = new Set(['yearly', 'monthly', 'weekly', 'daily', 'hourly', 'minutely', 'secondly']);

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/**
 * A jCal recur value (RFC 7265 §3.6.10, as ical.js reads it) as an RFC 8984
 * RecurrenceRule (draft §2.3.38). `until` is returned as written (jCal
 * date or date-time); the caller moves it into the entry's time zone.
 * Undefined when the value is not a usable rule.
 */
export function recurToRule(recur: Record<string, unknown>): { rule: RecurrenceRule; until: string | undefined } | undefined {
  const freq = typeof recur.freq === 'string' ? recur.freq.toLowerCase() : undefined;
  if (!freq || !FREQUENCIES.has(freq)) return undefined;
  const rule: RecurrenceRule = { '@type': 'RecurrenceRule', frequency: freq };
  let until: string | undefined;
  for (const key in recur) {
    const v = recur[key];
    switch (key) {
      case 'freq': break;
      case 'interval':
      case 'count': {
        const n = typeof v === 'number' ? v : /^\d+$/.test(String(v)) ? Number(v) : Number.NaN;
        if (!Number.isInteger(n) || n < 0) return undefined;
        rule[key] = n;
        break;
      }
      case 'until': until = String(v); break;
      case 'wkst': {
        // ical.js reads WKST as a number (1 = SU … 7 = SA).
        const day = typeof v === 'number' ? ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'][v - 1] : String(v).toLowerCase();
        if (day === undefined || !/^(su|mo|tu|we|th|fr|sa)$/.test(day)) return undefined;
        rule.firstDayOfWeek = day;
        break;
      }
      case 'rscale': rule.rscale = String(v).toLowerCase(); break;
      case 'skip': rule.skip = String(v).toLowerCase(); break;
      case 'byday': {
        const days: NDay[] = [];
        for (const d of list(v)) {
          const m = NDAY.exec(String(d));
          if (!m) return undefined;
          const nday: NDay = { '@type': 'NDay', day: m[2]!.toLowerCase() };
          if (m[1] !== undefined) nday.nthOfPeriod = Number(m[1]);
          days.push(nday);
        }
        rule.byDay = days;
        break;
      }
      case 'bymonth': rule.byMonth = list(v).map(String); break;
      default: {
        const part = NUMBER_PARTS.find(([ical]) => ical === key);
        if (!part) return undefined;
        const nums = list(v).map(Number);
        if (nums.some((n) => !Number.isInteger(n))) return undefined;
        (rule as Record<string, unknown>)[part[1]] = nums;
      }
    }
  }
  return { rule, until };
}

/** A RecurrenceRule as a jCal recur value; `until` is supplied by the caller already in iCalendar form. */
export function ruleToRecur(rule: RecurrenceRule, until: string | undefined): Record<string, unknown> | undefined {
  if (typeof rule.frequency !== 'string' || !FREQUENCIES.has(rule.frequency.toLowerCase())) return undefined;
  const out: Record<string, unknown> = { freq: rule.frequency.toUpperCase() };
  const one = <T>(xs: T[]): T | T[] => (xs.length === 1 ? xs[0]! : xs);
  if (rule.rscale !== undefined) out.rscale = String(rule.rscale).toUpperCase();
  if (rule.skip !== undefined) out.skip = String(rule.skip).toUpperCase();
  if (rule.interval !== undefined) out.interval = rule.interval;
  if (rule.count !== undefined) out.count = rule.count;
  if (until !== undefined) out.until = until;
  if (Array.isArray(rule.byDay) && rule.byDay.length > 0) {
    out.byday = one(rule.byDay.map((d) => `${d.nthOfPeriod ?? ''}${String(d.day).toUpperCase()}`));
  }
  if (Array.isArray(rule.byMonth) && rule.byMonth.length > 0) {
    out.bymonth = one(rule.byMonth.map((m) => (/^\d+$/.test(String(m)) ? Number(m) : String(m))));
  }
  for (const [ical, js] of NUMBER_PARTS) {
    const v = rule[js];
    if (Array.isArray(v) && v.length > 0) out[ical] = one(v as number[]);
  }
  if (rule.firstDayOfWeek !== undefined) out.wkst = String(rule.firstDayOfWeek).toUpperCase();
  return out;
}

/** Reads a RECUR text that ical.js refused (RSCALE leap months `5L`, …) into jCal recur form. */
export function parseRecurText(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const key = part.slice(0, eq).toLowerCase();
    const values = part.slice(eq + 1).split(',');
    const conv = values.map((v) => (/^[+-]?\d+$/.test(v) && key !== 'until' ? Number(v) : key === 'until' ? untilToJCal(v) : v));
    out[key] = conv.length === 1 ? conv[0] : conv;
  }
  return typeof out.freq === 'string' ? out : undefined;
}

function untilToJCal(v: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(v);
  if (!m) return v;
  return m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}` : `${m[1]}-${m[2]}-${m[3]}`;
}
