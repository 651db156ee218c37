// Oracle cases from the fixture corpora: every recurring VEVENT of the calcard and ical.js sample
// calendars (enumerated from their index files), read into a JSCalendar-shaped object by a small
// test-only reader (ical.js parses; the package's real converter is written separately). The
// oracle gets the original text, trimmed to the event's components and the time zones.
import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NDay, RecurrenceRule, RecurringObject } from '../../src/recurrence/index.js';
import type { OracleCase } from './oracle-client.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures');

export interface FixtureCase {
  id: string;
  event: RecurringObject;
  oracle: OracleCase;
}

/** Events per file at most (calcard 226.ics alone has hundreds of yearly ones). */
const PER_FILE = 12;

function inputFiles(): { id: string; path: string }[] {
  const out: { id: string; path: string }[] = [];
  const calcard = JSON.parse(readFileSync(join(fixtures, 'calcard/index-ical.json'), 'utf8')) as { entries: { id: string; files: { input?: string } }[] };
  for (const e of calcard.entries) if (e.files.input?.endsWith('.ics')) out.push({ id: `calcard/${e.id}`, path: join(fixtures, 'calcard', e.files.input) });
  const icaljs = JSON.parse(readFileSync(join(fixtures, 'ical.js/index.json'), 'utf8')) as { samples: { id: string; files: { input?: string } }[] };
  for (const e of icaljs.samples) if (e.files.input?.endsWith('.ics')) out.push({ id: `ical.js/${e.id}`, path: join(fixtures, 'ical.js', e.files.input) });
  return out;
}

/** An IANA zone for a TZID: itself, or its last two segments (`/mozilla.org/…/Europe/Berlin`). */
function ianaZone(tzid: string): string | undefined {
  if (IANAZone.isValidZone(tzid) && tzid.includes('/')) return tzid;
  const parts = tzid.split('/').filter((p) => p !== '');
  for (let n = 3; n >= 2; n--) {
    const candidate = parts.slice(-n).join('/');
    if (parts.length >= n && IANAZone.isValidZone(candidate)) return candidate;
  }
  if (tzid === 'UTC' || tzid === 'GMT') return 'UTC';
  return undefined;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const localOf = (t: ICAL.Time) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;

interface Zoned { local: string; zone: string | null | undefined; isDate: boolean }

/** A DATE/DATE-TIME property value: local text and its zone (null floating, undefined unknown). */
function zoned(prop: ICAL.Property, value?: ICAL.Time): Zoned {
  const t = (value ?? prop.getFirstValue()) as ICAL.Time;
  const tzid = prop.getParameter('tzid') as string | undefined;
  let zone: string | null | undefined = null;
  if (t.zone?.tzid === 'UTC' || t.toString().endsWith('Z')) zone = 'UTC';
  else if (tzid !== undefined) zone = ianaZone(tzid);
  return { local: localOf(t), zone, isDate: t.isDate };
}

/** The local text of `z` in `zone` (converting through luxon when the zones differ). */
function inZone(z: Zoned, zone: string | null): string {
  if (z.zone === zone || z.zone === null || zone === null || z.zone === undefined) return z.local;
  return DateTime.fromISO(z.local, { zone: z.zone }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

function ruleOf(recur: ICAL.Recur, zone: string | null): RecurrenceRule {
  const rule: RecurrenceRule = { frequency: recur.freq.toLowerCase() };
  if (recur.interval > 1) rule.interval = recur.interval;
  if (recur.count) rule.count = recur.count;
  if (recur.until) {
    const u = recur.until;
    const until: Zoned = { local: localOf(u), zone: u.isDate ? null : u.zone?.tzid === 'UTC' || u.toString().endsWith('Z') ? 'UTC' : null, isDate: u.isDate };
    rule.until = u.isDate ? `${until.local.slice(0, 10)}T23:59:59` : inZone(until, zone);
  }
  const parts = recur.parts as Record<string, (string | number)[] | undefined>;
  const nums = (k: string) => parts[k]?.map(Number);
  if (parts.BYDAY) {
    rule.byDay = parts.BYDAY.map((d): NDay => {
      const m = /^([+-]?\d+)?([A-Z]{2})$/.exec(String(d))!;
      return m[1] === undefined ? { day: m[2]!.toLowerCase() } : { day: m[2]!.toLowerCase(), nthOfPeriod: Number(m[1]) };
    });
  }
  if (parts.BYMONTH) rule.byMonth = parts.BYMONTH.map(String);
  if (parts.BYMONTHDAY) rule.byMonthDay = nums('BYMONTHDAY');
  if (parts.BYYEARDAY) rule.byYearDay = nums('BYYEARDAY');
  if (parts.BYWEEKNO) rule.byWeekNo = nums('BYWEEKNO');
  if (parts.BYHOUR) rule.byHour = nums('BYHOUR');
  if (parts.BYMINUTE) rule.byMinute = nums('BYMINUTE');
  if (parts.BYSECOND) rule.bySecond = nums('BYSECOND');
  if (parts.BYSETPOS) rule.bySetPosition = nums('BYSETPOS');
  if (recur.wkst && recur.wkst !== ICAL.Time.MONDAY) rule.firstDayOfWeek = ICAL.Recur.numericDayToIcalDay(recur.wkst).toLowerCase();
  return rule;
}

/** The event's duration as a JSCalendar Duration (exact seconds from DTEND, or DURATION as is). */
function durationOf(vevent: ICAL.Component, start: Zoned): string | undefined {
  const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null;
  if (duration !== null) return duration.toString();
  const endProp = vevent.getFirstProperty('dtend');
  if (endProp === null) return start.isDate ? 'P1D' : 'PT0S';
  const end = zoned(endProp);
  if (start.isDate && end.isDate) {
    const days = Math.round((Date.parse(`${end.local}Z`) - Date.parse(`${start.local}Z`)) / 86_400_000);
    return days > 0 ? `P${days}D` : 'PT0S';
  }
  if (end.zone === undefined || start.zone === undefined) return undefined;
  const ms = (z: Zoned) => DateTime.fromISO(z.local, { zone: z.zone ?? 'UTC' }).toMillis();
  const seconds = Math.round((ms(end) - ms(start)) / 1000);
  return seconds > 0 ? `PT${seconds}S` : 'PT0S';
}

export function fixtureCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const file of inputFiles()) {
    let root: ICAL.Component;
    try {
      const text = readFileSync(file.path, 'utf8');
      if (!text.includes('RRULE')) continue;
      root = new ICAL.Component(ICAL.parse(text) as unknown[]);
    } catch {
      continue; // deliberately broken samples
    }
    const calendar = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar');
    if (calendar === null) continue;
    const events = calendar.getAllSubcomponents('vevent');
    let taken = 0;
    for (const vevent of events) {
      if (taken >= PER_FILE) break;
      let made: FixtureCase | undefined;
      try {
        made = fixtureCase(file.id, calendar, events, vevent);
      } catch {
        made = undefined; // malformed values (the corpus has deliberately broken ones)
      }
      if (made !== undefined) {
        cases.push(made);
        taken++;
      }
    }
  }
  return cases;
}

function fixtureCase(fileId: string, calendar: ICAL.Component, events: ICAL.Component[], vevent: ICAL.Component): FixtureCase | undefined {
  {
    {
      const rrules = vevent.getAllProperties('rrule');
      const startProp = vevent.getFirstProperty('dtstart');
      if (rrules.length !== 1 || startProp === null || vevent.hasProperty('recurrence-id')) return undefined;
      const uid = String(vevent.getFirstPropertyValue('uid') ?? '');
      if (uid === '' || events.filter((e) => String(e.getFirstPropertyValue('uid')) === uid && !e.hasProperty('recurrence-id')).length !== 1) return undefined;
      const start = zoned(startProp);
      if (start.zone === undefined) return undefined; // a TZID that is no IANA zone
      const zone = start.isDate ? null : start.zone;
      const duration = durationOf(vevent, start);
      if (duration === undefined) return undefined;
      const event: RecurringObject = { '@type': 'Event', start: start.local, duration, recurrenceRules: [ruleOf(rrules[0]!.getFirstValue() as ICAL.Recur, zone)] };
      if (zone !== null) event.timeZone = zone;
      if (start.isDate) event.showWithoutTime = true;
      const overrides: Record<string, Record<string, unknown>> = {};
      let unusable = false;
      for (const p of vevent.getAllProperties('exdate')) for (const v of p.getValues() as ICAL.Time[]) {
        const z = zoned(p, v);
        if (z.zone === undefined) unusable = true;
        overrides[inZone(z, zone)] = { excluded: true };
      }
      for (const p of vevent.getAllProperties('rdate')) for (const v of p.getValues() as unknown[]) {
        if (!(v instanceof ICAL.Time)) { unusable = true; continue; } // PERIOD values
        const z = zoned(p, v);
        if (z.zone === undefined) unusable = true;
        overrides[inZone(z, zone)] ??= {};
      }
      for (const other of events) {
        const rid = other.getFirstProperty('recurrence-id');
        if (rid === null || String(other.getFirstPropertyValue('uid')) !== uid) continue;
        const otherStart = other.getFirstProperty('dtstart');
        const ridZ = zoned(rid);
        if (otherStart === null || ridZ.zone === undefined) { unusable = true; continue; }
        const s = zoned(otherStart);
        const d = durationOf(other, s);
        if (s.zone === undefined || d === undefined) { unusable = true; continue; }
        overrides[inZone(ridZ, zone)] = { start: inZone(s, zone), duration: d };
      }
      if (unusable) return undefined;
      if (Object.keys(overrides).length > 0) event.recurrenceOverrides = overrides;

      // The oracle reads the original components: the time zones and this UID's events.
      const trimmed = new ICAL.Component(['vcalendar', [], []]);
      for (const p of calendar.getAllProperties()) if (p.name !== 'x-wr-timezone') trimmed.addProperty(p);
      for (const tz of calendar.getAllSubcomponents('vtimezone')) trimmed.addSubcomponent(tz);
      for (const e of events) if (String(e.getFirstPropertyValue('uid')) === uid) trimmed.addSubcomponent(e);
      const anchor = Date.parse(`${start.local}Z`);
      const id = `${fileId}#${uid}`;
      return {
        id,
        event,
        oracle: {
          id,
          ics: trimmed.toString(),
          uid,
          from: new Date(anchor - 2 * 86_400_000).toISOString(),
          to: new Date(anchor + 3 * 365 * 86_400_000).toISOString(),
          floatingZone: 'UTC',
        },
      };
    }
  }
}
