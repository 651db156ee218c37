import { isLocalDateTime } from './datetime.js';
import type { Issue } from './issues.js';
import { escapeSegment, isObject, setKey, type JsonObject } from './json-util.js';

/** Options of {@link normalizeJSCalendar}. */
export interface NormalizeOptions {
  /** The `@type` to assume for the top-level object when it has none. */
  type?: 'Event' | 'Task' | 'Group';
}

const NESTED_TYPES: Record<string, string> = {
  participants: 'Participant', alerts: 'Alert', locations: 'Location', virtualLocations: 'VirtualLocation',
  links: 'Link', relatedTo: 'Relation', timeZones: 'TimeZone',
};

/**
 * Lenient normalisation of JSCalendar input into RFC 8984 shapes: fills
 * missing `@type`s (top level and nested), and turns common shortcuts into
 * the proper structures — sets given as arrays or comma-separated strings,
 * a single RecurrenceRule instead of a list, participants/alerts as arrays,
 * a location as a plain string, numeric strings for numbers, an alert
 * offset in seconds, a trigger given as a duration, a `start` with `Z`.
 * Each change is reported as a warning with its JSON pointer. Pure: returns
 * a new object; never throws.
 *
 * @example normalizeJSCalendar({ title: 'x', keywords: ['a'] }, []).keywords // { a: true }
 */
export function normalizeJSCalendar(input: JsonObject, issues: Issue[], options: NormalizeOptions = {}): JsonObject {
  const out: JsonObject = structuredClone(input);
  const warn = (path: string, message: string) => issues.push({ message, path, code: 'lenient/coerced' });
  if (out['@type'] === undefined) {
    const type = options.type ?? (Array.isArray(out.entries) ? 'Group' : 'due' in out || 'progress' in out || 'percentComplete' in out ? 'Task' : 'Event');
    warn('/@type', `missing @type, assumed ${type}`);
    return normalizeJSCalendar({ '@type': type, ...out }, issues, options);
  }
  if (out['@type'] === 'Group' && Array.isArray(out.entries)) {
    out.entries = out.entries.map((e, i) => (isObject(e) ? entry(e, `/entries/${i}`, warn, undefined) : e));
    setsAndMaps(out, '', warn);
    return out;
  }
  return entry(out, '', warn, out['@type'] as string);
}

type Warn = (path: string, message: string) => void;

function entry(e: JsonObject, path: string, warn: Warn, type: string | undefined): JsonObject {
  if (e['@type'] === undefined) {
    e['@type'] = type ?? ('due' in e || 'progress' in e ? 'Task' : 'Event');
    warn(`${path}/@type`, `missing @type, assumed ${String(e['@type'])}`);
  }
  for (const key of ['sequence', 'priority', 'percentComplete']) {
    const v = e[key];
    if (typeof v === 'string' && /^\d+$/.test(v)) {
      e[key] = Number(v);
      warn(`${path}/${key}`, 'number given as a string');
    }
  }
  if (typeof e.showWithoutTime === 'string' && /^(true|false)$/i.test(e.showWithoutTime)) {
    e.showWithoutTime = e.showWithoutTime.toLowerCase() === 'true';
    warn(`${path}/showWithoutTime`, 'boolean given as a string');
  }
  for (const key of ['start', 'due']) {
    const v = e[key];
    if (typeof v === 'string' && /Z$/.test(v) && isLocalDateTime(v.slice(0, -1)) && (e.timeZone === undefined || e.timeZone === 'Etc/UTC')) {
      e[key] = v.slice(0, -1);
      e.timeZone = 'Etc/UTC';
      warn(`${path}/${key}`, 'UTC date-time read as LocalDateTime in Etc/UTC');
    }
  }
  if (isObject(e.recurrenceRules)) {
    e.recurrenceRules = [e.recurrenceRules];
    warn(`${path}/recurrenceRules`, 'single RecurrenceRule wrapped in a list');
  }
  for (const key of ['recurrenceRules', 'excludedRecurrenceRules']) {
    const rules = e[key];
    if (!Array.isArray(rules)) continue;
    rules.forEach((r, i) => {
      if (!isObject(r)) return;
      if (r['@type'] === undefined) r['@type'] = 'RecurrenceRule';
      if (Array.isArray(r.byDay)) for (const d of r.byDay) if (isObject(d) && d['@type'] === undefined) d['@type'] = 'NDay';
      if (isObject(r.byDay) && r.byDay['@type'] === undefined) r.byDay['@type'] = 'NDay';
      for (const k of ['byMonthDay', 'byYearDay', 'byWeekNo', 'byHour', 'byMinute', 'bySecond', 'bySetPosition']) {
        if (typeof r[k] === 'number') {
          r[k] = [r[k]];
          warn(`${path}/${key}/${i}/${k}`, 'single number wrapped in a list');
        }
      }
      if (typeof r.byMonth === 'number' || typeof r.byMonth === 'string') r.byMonth = [String(r.byMonth)];
      if (Array.isArray(r.byMonth)) r.byMonth = r.byMonth.map(String);
    });
  }
  if (typeof e.locations === 'string') {
    e.locations = { 1: { '@type': 'Location', name: e.locations } };
    warn(`${path}/locations`, 'location given as a string');
  }
  setsAndMaps(e, path, warn);
  if (isObject(e.alerts)) {
    for (const [id, a] of Object.entries(e.alerts)) if (isObject(a)) alert(a, `${path}/alerts/${escapeSegment(id)}`, warn);
  }
  if (isObject(e.recurrenceOverrides)) {
    // Alerts inside overrides, nested (egroupware) or as patch paths (rfc).
    for (const [key, o] of Object.entries(e.recurrenceOverrides)) {
      if (!isObject(o)) continue;
      const at = `${path}/recurrenceOverrides/${escapeSegment(key)}`;
      for (const [k, v] of Object.entries(o)) {
        if (k === 'alerts' && isObject(v)) for (const [id, a] of Object.entries(v)) { if (isObject(a)) alert(a, `${at}/alerts/${escapeSegment(id)}`, warn); }
        else if (/^alerts\/[^/]+$/.test(k) && isObject(v)) alert(v, `${at}/${escapeSegment(k)}`, warn);
      }
    }
  }
  return e;
}

/** Sets (`{ "x": true }`) given as lists or strings, id maps given as lists, nested `@type`s. */
function setsAndMaps(e: JsonObject, path: string, warn: Warn): void {
  for (const key of ['keywords', 'categories']) {
    const v = e[key];
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    if (list) {
      e[key] = Object.fromEntries(list.map((x) => [String(x), true]));
      warn(`${path}/${key}`, 'set given as a list');
    }
  }
  if (typeof e.relatedTo === 'string' || Array.isArray(e.relatedTo)) {
    const list = Array.isArray(e.relatedTo) ? e.relatedTo : [e.relatedTo];
    e.relatedTo = Object.fromEntries(list.map((uid) => [String(uid), { '@type': 'Relation' }]));
    warn(`${path}/relatedTo`, 'relatedTo given as a list of UIDs');
  }
  if (typeof e.links === 'string') e.links = [e.links];
  for (const [key, type] of Object.entries(NESTED_TYPES)) {
    let v = e[key];
    if (Array.isArray(v)) {
      const map: JsonObject = {};
      v.forEach((item, i) => {
        const obj = typeof item === 'string' ? (key === 'links' ? { href: item } : { name: item }) : item;
        const email = isObject(obj) && typeof obj.email === 'string' ? obj.email : undefined;
        setKey(map, key === 'participants' && email ? email : String(i + 1), obj);
      });
      e[key] = v = map;
      warn(`${path}/${key}`, 'map given as a list');
    }
    if (!isObject(v)) continue;
    for (const item of Object.values(v)) if (isObject(item) && item['@type'] === undefined) item['@type'] = type;
  }
  if (isObject(e.timeZones)) {
    for (const tz of Object.values(e.timeZones)) {
      if (!isObject(tz)) continue;
      for (const k of ['standard', 'daylight']) if (Array.isArray(tz[k])) for (const r of tz[k] as unknown[]) if (isObject(r) && r['@type'] === undefined) r['@type'] = 'TimeZoneRule';
    }
  }
}

function alert(a: JsonObject, path: string, warn: Warn): void {
  if (typeof a.trigger === 'string') {
    a.trigger = { '@type': 'OffsetTrigger', offset: a.trigger };
    warn(`${path}/trigger`, 'trigger given as a duration');
  }
  const t = a.trigger;
  if (!isObject(t)) return;
  if (t['@type'] === undefined) t['@type'] = 'when' in t ? 'AbsoluteTrigger' : 'OffsetTrigger';
  if (typeof t.offset === 'number' && Number.isFinite(t.offset)) {
    // DECISIONS.md: the RFC 8984 sign in both profiles (negative = before).
    t.offset = secondsToDuration(t.offset);
    warn(`${path}/trigger/offset`, 'offset given in seconds');
  }
}

/** Seconds as a SignedDuration (`-900` → `-PT15M`, `0` → `PT0S`). */
export function secondsToDuration(total: number): string {
  const sign = total < 0 ? '-' : '';
  let s = Math.abs(Math.round(total));
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  let out = `${sign}P${d ? `${d}D` : ''}`;
  if (h || m || s || !d) out += `T${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
  return out;
}
