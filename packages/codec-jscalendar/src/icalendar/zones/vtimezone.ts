import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { msToLocal } from '../../datetime.js';
import { ianaOffsetAt } from './iana.js';

const DAY = 86_400_000;
const STEP = 7 * DAY;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface Transition {
  utc: number;
  from: number;
  to: number;
}

const cache = new Map<string, JCalComponent>();

/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, derived from the
 * platform's tz data for the years `fromYear`…`toYear`. Transitions that
 * follow one yearly rule (e.g. last Sunday of March, 02:00) become a single
 * observance with an RRULE, so the definition also holds for later years;
 * irregular ones are listed one by one.
 */
export function ianaToVtimezone(zone: string, fromYearIn: number, toYearIn: number): JCalComponent {
  // A few years are enough: yearly rules carry the definition on, and a
  // far-away date must not make us scan centuries.
  const fromYear = Math.min(Math.max(Number.isFinite(fromYearIn) ? fromYearIn : 2000, 1900), 2100);
  const toYear = Math.min(Math.max(Number.isFinite(toYearIn) ? toYearIn : fromYear, fromYear), fromYear + 6, 2100);
  const key = `${zone}|${fromYear}|${toYear}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = build(zone, fromYear, toYear);
    if (cache.size > 500) cache.clear();
    cache.set(key, hit);
  }
  return structuredClone(hit);
}

function build(zone: string, fromYear: number, toYear: number): JCalComponent {
  const transitions = findTransitions(zone, Date.UTC(fromYear, 0, 1), Date.UTC(toYear + 1, 0, 1));
  const props: JCalProperty[] = [['tzid', {}, 'text', zone]];
  if (transitions.length === 0) {
    const o = ianaOffsetAt(zone, Date.UTC(fromYear, 0, 1));
    return ['vtimezone', props, [observance('standard', '1970-01-01T00:00:00', o, o, undefined, shortName(zone, Date.UTC(fromYear, 0, 1)))]];
  }
  const std = Math.min(...transitions.flatMap((t) => [t.from, t.to]));
  const comps: JCalComponent[] = [];
  for (const kind of ['daylight', 'standard'] as const) {
    const own = transitions.filter((t) => (kind === 'daylight' ? t.to > std : t.to === std));
    if (own.length === 0) continue;
    const rule = yearlyRule(own);
    if (rule) {
      const first = own[0]!;
      comps.push(observance(kind, msToLocal(first.utc + first.from * 1000), first.from, first.to, rule, shortName(zone, first.utc)));
    } else {
      for (const t of own) comps.push(observance(kind, msToLocal(t.utc + t.from * 1000), t.from, t.to, undefined, shortName(zone, t.utc)));
    }
  }
  return ['vtimezone', props, comps];
}

function findTransitions(zone: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  let prev = ianaOffsetAt(zone, from);
  for (let t = from + STEP; t <= to + STEP; t += STEP) {
    const o = ianaOffsetAt(zone, Math.min(t, to));
    if (o !== prev) {
      // Binary search the instant within the week, to the quarter hour.
      let lo = t - STEP;
      let hi = t;
      while (hi - lo > 900_000) {
        const mid = lo + Math.floor((hi - lo) / 1_800_000) * 900_000;
        if (ianaOffsetAt(zone, mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ utc: hi, from: prev, to: o });
      prev = o;
    }
  }
  return out;
}

/** `FREQ=YEARLY;BYMONTH=m;BYDAY=nWD` when every transition follows it at the same wall time. */
function yearlyRule(ts: Transition[]): Record<string, unknown> | undefined {
  if (ts.length < 2) return undefined;
  const describe = (t: Transition) => {
    const local = new Date(t.utc + t.from * 1000);
    const day = local.getUTCDate();
    const month = local.getUTCMonth();
    const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), month + 1, 0)).getUTCDate();
    return {
      month: month + 1,
      weekday: local.getUTCDay(),
      nth: Math.ceil(day / 7),
      last: day + 7 > daysInMonth,
      time: local.getUTCHours() * 3600 + local.getUTCMinutes() * 60,
      from: t.from,
      to: t.to,
    };
  };
  const all = ts.map(describe);
  const f = all[0]!;
  const same = all.every((d) => d.month === f.month && d.weekday === f.weekday && d.time === f.time && d.from === f.from && d.to === f.to);
  if (!same) return undefined;
  if (all.every((d) => d.last)) return { freq: 'YEARLY', bymonth: f.month, byday: `-1${WEEKDAYS[f.weekday]}` };
  if (all.every((d) => d.nth === f.nth)) return { freq: 'YEARLY', bymonth: f.month, byday: `${f.nth}${WEEKDAYS[f.weekday]}` };
  return undefined;
}

function observance(kind: string, start: string, from: number, to: number, rrule: Record<string, unknown> | undefined, name: string | undefined): JCalComponent {
  const props: JCalProperty[] = [
    ['dtstart', {}, 'date-time', start],
    ['tzoffsetfrom', {}, 'utc-offset', formatOffset(from)],
    ['tzoffsetto', {}, 'utc-offset', formatOffset(to)],
  ];
  if (rrule) props.push(['rrule', {}, 'recur', rrule]);
  if (name) props.push(['tzname', {}, 'text', name]);
  return [kind, props, []];
}

function formatOffset(seconds: number): string {
  const a = Math.abs(seconds);
  const h = String(Math.floor(a / 3600)).padStart(2, '0');
  const m = String(Math.floor((a % 3600) / 60)).padStart(2, '0');
  const s = a % 60;
  return `${seconds < 0 ? '-' : '+'}${h}:${m}${s ? `:${String(s).padStart(2, '0')}` : ''}`;
}

function shortName(zone: string, utc: number): string | undefined {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(utc)).find((p) => p.type === 'timeZoneName');
    return part && !/^(GMT|UTC)[+-]/.test(part.value) ? part.value : undefined;
  } catch {
    return undefined;
  }
}
