// Adjustments to a rule before ical.js 2.2.1 iterates it, for the places where its RecurIterator
// departs from RFC 5545 (found by the oracle test against python3-recurring-ical-events). Each
// keeps ical.js generating the dates and only narrows or completes its input or output.
import ICAL from 'ical.js';
import { daysInMonth, type WallParts } from './local-date-time.js';
import type { IcalRuleData } from './rule-mapping.js';

/** What to iterate, and how to filter what ical.js returns. */
export interface AdaptedRule {
  data: IcalRuleData;
  /** Keep only the occurrences this accepts (undefined: all). */
  accept?: (t: ICAL.Time) => boolean;
  /** The rule can generate nothing (beyond the start): do not iterate at all. */
  never?: boolean;
}

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export function adaptForIcal(input: IcalRuleData, start: WallParts): AdaptedRule {
  const data: IcalRuleData = { ...input };
  const startWeekday = new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay();

  // RFC 5545 §3.3.10: YEARLY without BY parts recurs on DTSTART's month and day. ical.js fills
  // them itself but turns Feb 29 into Mar 1 in common years; written out, it skips those years.
  if (data.freq === 'YEARLY' && !data.byday && !data.byyearday && !data.byweekno && !data.bymonthday) {
    data.bymonth ??= [start.month];
    data.bymonthday = [start.day];
  }

  if (neverMatches(data, start, startWeekday)) return { data, never: true };
  const member = membership(data);
  const filters: ((t: ICAL.Time) => boolean)[] = [member];

  // ical.js steps through the BY list of the rule's own unit instead of the interval
  // (FREQ=HOURLY;INTERVAL=2;BYHOUR=… ignores INTERVAL, and from a DTSTART hour not in BYHOUR it
  // skips the first listed hour). Iterate the plain interval; the membership filter applies it.
  const ownUnit = { HOURLY: 'byhour', MINUTELY: 'byminute', SECONDLY: 'bysecond' } as const;
  const ownPart = ownUnit[data.freq as keyof typeof ownUnit] as 'byhour' | 'byminute' | 'bysecond' | undefined;
  if (ownPart !== undefined) delete data[ownPart];

  // YEARLY with BYMONTHDAY (BYMONTH optional, nothing else): ical.js puts INTERVAL's phase one year
  // off for negative month days, and without BYMONTH uses DTSTART's month only where RFC 5545's
  // table expands to every month. The same dates come from MONTHLY over the listed months (all by
  // default), keeping only the years of the interval's phase.
  if (data.freq === 'YEARLY' && data.bymonthday && !data.byday && !data.byyearday && !data.byweekno && !data.bysetpos) {
    const every = data.interval;
    data.freq = 'MONTHLY';
    data.interval = 1;
    data.bymonth ??= [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    if (every > 1) filters.push((t) => (((t.year - start.year) % every) + every) % every === 0);
  }

  // YEARLY;BYDAY with ordinals and no BYMONTH means the nth weekday of the year; ical.js returns
  // every such weekday. Iterate the plain weekdays and keep the nth ones.
  if (data.freq === 'YEARLY' && data.byday && !data.bymonth && !data.byweekno && !data.byyearday && !data.bysetpos
    && data.byday.some((d) => d.length > 2)) {
    const ordinals = new Map<number, Set<number> | 'any'>();
    for (const code of data.byday) {
      const weekday = DAY_CODES.indexOf(code.slice(-2));
      const nth = code.length > 2 ? Number(code.slice(0, -2)) : undefined;
      const known = ordinals.get(weekday);
      if (nth === undefined || known === 'any') ordinals.set(weekday, 'any');
      else ordinals.set(weekday, new Set([...(known ?? []), nth]));
    }
    data.byday = [...new Set(data.byday.map((d) => d.slice(-2)))];
    filters.push((t) => {
      const allowed = ordinals.get(new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay());
      if (allowed === undefined || allowed === 'any') return allowed === 'any';
      const doy = t.dayOfYear();
      const diy = daysInMonth(t.year, 2) === 29 ? 366 : 365;
      return allowed.has(Math.floor((doy - 1) / 7) + 1) || allowed.has(-(Math.floor((diy - doy) / 7) + 1));
    });
  }

  // ical.js's YEARLY+BYWEEKNO expansion is broken (it tests `indexOf(weekno)` for truthiness and
  // has no negative week numbers). Iterate the weekdays of the whole year (BYDAY, by default
  // DTSTART's weekday) and keep the days whose week number, per ical.js's Time.weekNumber with the
  // rule's WKST (RFC 5545: week 1 has at least 4 days of the year), is listed.
  if (data.freq === 'YEARLY' && data.byweekno && !data.bymonth && !data.bymonthday && !data.byyearday) {
    const weeks = data.byweekno;
    delete data.byweekno;
    data.byday ??= [DAY_CODES[startWeekday]!];
    const wkst = ICAL.Recur.icalDayToNumericDay(data.wkst as Parameters<typeof ICAL.Recur.icalDayToNumericDay>[0]);
    filters.push((t) => inWeeks(t, weeks, wkst));
  }
  // ical.js's first MONTHLY occurrence ignores BYMONTH, and from a DTSTART outside BYMONTH it then
  // skips the rest of that year. BYMONTH only limits a MONTHLY rule: iterate every month and let
  // the membership filter keep the listed ones.
  if (data.freq === 'MONTHLY' && data.bymonth) delete data.bymonth;
  return { data, accept: filters.length === 1 ? member : (t) => filters.every((f) => f(t)) };
}

/**
 * Every occurrence of a rule lies on a listed month, month day, year day, weekday, hour, minute
 * and second (RFC 5545 §3.3.10: each BY part limits or expands to its values). ical.js sometimes
 * returns dates that are not (its first MONTHLY occurrence ignores BYMONTH; an invalid date such
 * as Feb 31 is normalised to Mar 3 instead of skipped), so its output is checked against the
 * rule's own lists. This only removes dates, never computes them.
 */
function membership(rule: IcalRuleData): (t: ICAL.Time) => boolean {
  const months = rule.bymonth && new Set(rule.bymonth);
  const monthDays = rule.bymonthday;
  const yearDays = rule.byyearday;
  const weekdays = rule.byday && new Set(rule.byday.map((d) => DAY_CODES.indexOf(d.slice(-2))));
  const hours = rule.byhour && new Set(rule.byhour);
  const minutes = rule.byminute && new Set(rule.byminute);
  const seconds = rule.bysecond && new Set(rule.bysecond);
  return (t) => {
    if (months && !months.has(t.month)) return false;
    if (hours && !hours.has(t.hour)) return false;
    if (minutes && !minutes.has(t.minute)) return false;
    if (seconds && !seconds.has(t.second)) return false;
    if (monthDays) {
      const dim = daysInMonth(t.year, t.month);
      if (!monthDays.includes(t.day) && !monthDays.includes(t.day - dim - 1)) return false;
    }
    if (yearDays) {
      const doy = t.dayOfYear();
      const diy = daysInMonth(t.year, 2) === 29 ? 366 : 365;
      if (!yearDays.includes(doy) && !yearDays.includes(doy - diy - 1)) return false;
    }
    if (weekdays && !weekdays.has(new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay())) return false;
    return true;
  };
}

function inWeeks(t: ICAL.Time, weeks: number[], wkst: number): boolean {
  const week = t.weekNumber(wkst as Parameters<ICAL.Time['weekNumber']>[0]);
  if (weeks.includes(week)) return true;
  // Negative numbers count from the last week of the day's week-numbering year, the week that
  // holds Dec 28 (the last one with at least 4 days in that year, whatever the week start).
  const weekYear = week >= 52 && t.month === 1 ? t.year - 1 : week === 1 && t.month === 12 ? t.year + 1 : t.year;
  const dec28 = ICAL.Time.fromData({ year: weekYear, month: 12, day: 28 });
  const weeksInYear = dec28.weekNumber(wkst as Parameters<ICAL.Time['weekNumber']>[0]);
  return weeks.includes(week - weeksInYear - 1);
}

/**
 * Rules whose parts can never coincide make ical.js search forever (each `next()` loops until
 * the iteration budget runs out). A few such combinations are recognised up front, so the answer
 * is "no further occurrences" instead of a truncated expansion.
 */
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function neverMatches(data: IcalRuleData, start: WallParts, startWeekday: number): boolean {
  // BYMONTH with BYMONTHDAY: no listed month has any listed day (e.g. Feb 30).
  if (data.bymonth && data.bymonthday) {
    const possible = data.bymonth.some((m) => data.bymonthday!.some((d) => Math.abs(d) <= daysInMonth(2000, m)));
    if (!possible) return true;
  }
  // DAILY and shorter frequencies step through the week in fixed wall-clock strides, so they
  // reach only some (weekday, hour, minute, second) positions; if none of them fits the BY lists
  // at or above the frequency's unit, nothing but the start occurs (e.g. DAILY;INTERVAL=7;BYDAY=MO
  // from a Tuesday, or HOURLY;INTERVAL=2;BYHOUR=2,8 from 01:00).
  const stepSeconds = { DAILY: 86_400, HOURLY: 3600, MINUTELY: 60, SECONDLY: 1 }[data.freq as string];
  if (stepSeconds !== undefined) {
    const days = data.byday && new Set(data.byday.map((d) => DAY_CODES.indexOf(d.slice(-2))));
    const hours = stepSeconds <= 3600 ? data.byhour && new Set(data.byhour) : undefined;
    const minutes = stepSeconds <= 60 ? data.byminute && new Set(data.byminute) : undefined;
    const seconds = stepSeconds <= 1 ? data.bysecond && new Set(data.bysecond) : undefined;
    const week = 7 * 86_400;
    const step = (stepSeconds * data.interval) % week;
    const cycle = week / gcd(step === 0 ? week : step, week);
    if ((days || hours || minutes || seconds) && cycle <= 20_000) {
      let position = startWeekday * 86_400 + start.hour * 3600 + start.minute * 60 + start.second;
      let fits = false;
      for (let k = 0; k < cycle && !fits; k++, position = (position + step) % week) {
        const dayOfWeek = Math.floor(position / 86_400);
        const secondOfDay = position % 86_400;
        fits = (!days || days.has(dayOfWeek))
          && (!hours || hours.has(Math.floor(secondOfDay / 3600)))
          && (!minutes || minutes.has(Math.floor(secondOfDay / 60) % 60))
          && (!seconds || seconds.has(secondOfDay % 60));
      }
      if (!fits) return true;
    }
  }
  return false;
}
