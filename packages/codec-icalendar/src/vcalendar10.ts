import ICAL from 'ical.js';
import { ICALENDAR_DESIGN } from './design.js';
import { checkValueTypes } from './value-checks.js';
import { vcalRecurToJCal } from './vcalendar10-recur.js';
import type { Issue, JCalComponent, JCalProperty } from './types.js';

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const ALARMS: Record<string, string> = { dalarm: 'DISPLAY', aalarm: 'AUDIO', palarm: 'PROCEDURE', malarm: 'EMAIL' };
const PARTSTAT: Record<string, string> = {
  ACCEPTED: 'ACCEPTED', 'NEEDS ACTION': 'NEEDS-ACTION', 'NEEDS-ACTION': 'NEEDS-ACTION', SENT: 'NEEDS-ACTION',
  TENTATIVE: 'TENTATIVE', CONFIRMED: 'ACCEPTED', DECLINED: 'DECLINED', COMPLETED: 'COMPLETED', DELEGATED: 'DELEGATED',
};
const TEMPORAL = new Set(['dtstart', 'dtend', 'due', 'recurrence-id', 'exdate', 'rdate']);

/**
 * Converts a parsed vCalendar 1.0 object (vCalendar 1.0 spec, 1996) into the
 * structure of an RFC 5545 VCALENDAR: VERSION becomes 2.0; TZ and DAYLIGHT
 * become a VTIMEZONE referenced by TZID from local date-times; DALARM,
 * AALARM, PALARM and MALARM become VALARM components; vCalendar recurrence
 * rules, `;`-separated EXDATE/RDATE/CATEGORIES, ATTENDEE roles and statuses,
 * DCREATED and numeric TRANSP are translated. Whatever cannot be translated
 * is kept unchanged and reported in `issues`. Pure: returns a new component.
 */
export function upgradeVCalendar10(vcal: JCalComponent, issues: Issue[]): JCalComponent {
  const props: JCalProperty[] = [];
  let tz: string | undefined;
  const daylight: string[] = [];
  for (const p of vcal[1]) {
    if (p[0] === 'version') props.push(['version', {}, 'text', '2.0']);
    else if (p[0] === 'tz') tz = String(p[3]);
    else if (p[0] === 'daylight') daylight.push(String(p[3]));
    else props.push(p);
  }
  const zone = tz !== undefined ? buildTimezone(tz, daylight, issues) : undefined;
  const comps: JCalComponent[] = zone ? [zone.component] : [];
  for (const c of vcal[2]) comps.push(upgradeComponent(c, zone?.tzid, zone?.offsetMinutes, issues));
  return [vcal[0], props, comps];
}

function upgradeComponent(comp: JCalComponent, tzid: string | undefined, offset: number | undefined, issues: Issue[]): JCalComponent {
  const props: JCalProperty[] = [];
  const alarms: JCalComponent[] = [];
  const summary = comp[1].find((p) => p[0] === 'summary')?.[3];
  for (const p of comp[1]) {
    const name = p[0];
    const value = typeof p[3] === 'string' ? p[3] : undefined;
    if (name in ALARMS && value !== undefined) {
      alarms.push(toAlarm(ALARMS[name]!, value, typeof summary === 'string' ? summary : undefined, tzid, offset));
    } else if ((name === 'rrule' || name === 'exrule') && value !== undefined) {
      const recur = vcalRecurToJCal(value) ?? rfc5545Recur(value);
      if (recur) props.push([name, p[1], 'recur', recur]);
      else {
        issues.push({ message: `vCalendar 1.0 ${name.toUpperCase()} "${value}" not understood, kept as is`, code: 'vcalendar/rrule' });
        props.push(p);
      }
    } else if ((name === 'exdate' || name === 'rdate') && value !== undefined) {
      props.push(dateList(name, p[1], value, tzid) ?? p);
    } else if ((name === 'categories' || name === 'resources') && value !== undefined) {
      props.push([name, p[1], 'text', ...value.split(/[;,]/).map((s) => s.trim()).filter(Boolean)]);
    } else if (name === 'dcreated') {
      props.push(['created', p[1], p[2] === 'unknown' ? 'date-time' : p[2], ...toDateTimes(p.slice(3))]);
    } else if (name === 'transp' && value !== undefined) {
      props.push(['transp', p[1], 'text', /^\d+$/.test(value) ? (value === '0' ? 'OPAQUE' : 'TRANSPARENT') : value]);
    } else if (name === 'attendee' && value !== undefined) {
      props.push(...attendee(p, value));
    } else if (name === 'status' && value !== undefined) {
      props.push(['status', p[1], 'text', value.toUpperCase().replace(/ /g, '-')]);
    } else if (tzid && TEMPORAL.has(name) && p[2] === 'date-time' && !p[1].tzid && p.slice(3).every((v) => typeof v === 'string' && !v.endsWith('Z'))) {
      props.push([name, { ...p[1], tzid }, p[2], ...p.slice(3)]);
    } else {
      props.push(p);
    }
  }
  const subs = comp[2].map((c) => upgradeComponent(c, tzid, offset, issues));
  return [comp[0], props, [...subs, ...alarms]];
}

/** Files labelled 1.0 sometimes carry RFC 5545 rules (`FREQ=WEEKLY;…`). */
function rfc5545Recur(value: string): Record<string, unknown> | undefined {
  try {
    const prop = (ICAL.parse.property as (l: string, d: unknown) => JCalProperty)(`RRULE:${value}`, ICALENDAR_DESIGN);
    return checkValueTypes(prop) && prop[2] === 'recur' ? (prop[3] as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** DALARM etc.: `runTime;snoozeTime;repeatCount;text` (vCalendar 1.0 §3.6.2). */
function toAlarm(action: string, value: string, summary: string | undefined, tzid: string | undefined, offset: number | undefined): JCalComponent {
  const parts = value.split(';');
  const props: JCalProperty[] = [['action', {}, 'text', action]];
  const run = parts[0]?.trim() ?? '';
  const m = DATE_TIME.exec(run);
  if (m) {
    let when = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
    if (m[7]) when += 'Z';
    else if (offset !== undefined) when = shiftToUtc(when, offset);
    else if (tzid === undefined) when += 'Z';
    props.push(['trigger', {}, 'date-time', when.endsWith('Z') ? when : `${when}Z`]);
  } else {
    props.push(['trigger', {}, 'duration', 'PT0S']);
  }
  const snooze = parts[1]?.trim();
  const repeat = parts[2]?.trim();
  if (snooze && /^P/.test(snooze) && repeat && /^\d+$/.test(repeat) && repeat !== '0') {
    props.push(['duration', {}, 'duration', snooze], ['repeat', {}, 'integer', Number(repeat)]);
  }
  const rest = parts.slice(3).join(';').trim();
  if (action === 'AUDIO' && rest) props.push(['attach', {}, 'uri', rest]);
  else if (action === 'EMAIL') {
    if (rest) props.push(['attendee', {}, 'cal-address', rest.includes(':') ? rest : `mailto:${rest}`]);
    props.push(['summary', {}, 'text', summary ?? 'Reminder'], ['description', {}, 'text', parts.slice(4).join(';') || summary || 'Reminder']);
  } else if (action === 'DISPLAY') props.push(['description', {}, 'text', rest || summary || 'Reminder']);
  else if (action === 'PROCEDURE' && rest) props.push(['attach', {}, 'uri', rest]);
  return ['valarm', props, []];
}

function dateList(name: string, params: JCalProperty[1], value: string, tzid: string | undefined): JCalProperty | undefined {
  const items = value.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0 || !items.every((s) => DATE.test(s) || DATE_TIME.test(s))) return undefined;
  const dates = items.every((s) => DATE.test(s));
  const values = toDateTimes(items);
  const floating = values.every((v) => !v.endsWith('Z'));
  const p = tzid && floating && !dates && !params.tzid ? { ...params, tzid } : params;
  return [name, p, dates ? 'date' : 'date-time', ...values];
}

function toDateTimes(values: unknown[]): string[] {
  return values.map((v) => {
    const s = String(v);
    const m = DATE_TIME.exec(s);
    if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}`;
    const d = DATE.exec(s);
    return d ? `${d[1]}-${d[2]}-${d[3]}` : s;
  });
}

/** ATTENDEE;ROLE=…;STATUS=…;RSVP=YES:jane@x (vCalendar 1.0 §3.6.1). */
function attendee(p: JCalProperty, value: string): JCalProperty[] {
  const params: Record<string, string | string[]> = {};
  let organizer = false;
  for (const [k, v] of Object.entries(p[1])) {
    const s = Array.isArray(v) ? v.join(',') : v;
    if (k === 'role') {
      const u = s.toUpperCase();
      if (u === 'ORGANIZER' || u === 'OWNER') organizer = true;
      else if (u === 'DELEGATE') params.role = 'REQ-PARTICIPANT';
      else if (u !== 'ATTENDEE') params.role = s;
    } else if (k === 'status') params.partstat = PARTSTAT[s.toUpperCase()] ?? s.toUpperCase().replace(/ /g, '-');
    else if (k === 'rsvp') params.rsvp = /^(yes|true)$/i.test(s) ? 'TRUE' : 'FALSE';
    else if (k !== 'expect') params[k] = v;
  }
  const address = value.includes(':') ? value : `mailto:${value.trim()}`;
  const out: JCalProperty[] = [['attendee', params, 'cal-address', address]];
  if (organizer) out.unshift(['organizer', params.cn ? { cn: params.cn } : {}, 'cal-address', address]);
  return out;
}

/** TZ:-05:00 and DAYLIGHT:TRUE;-04;start;end;stdName;dstName (vCalendar 1.0 §3.5.4, §3.5.5). */
function buildTimezone(tz: string, daylight: string[], issues: Issue[]): { component: JCalComponent; tzid: string; offsetMinutes: number } | undefined {
  const std = parseOffset(tz);
  if (std === undefined) {
    issues.push({ message: `vCalendar 1.0 TZ "${tz}" not understood`, code: 'vcalendar/tz' });
    return undefined;
  }
  const tzid = `vCalendar${formatOffset(std).replace(':', '')}`;
  const rules: JCalComponent[] = [
    ['standard', [['dtstart', {}, 'date-time', '1970-01-01T00:00:00'], ['tzoffsetfrom', {}, 'utc-offset', formatOffset(std)], ['tzoffsetto', {}, 'utc-offset', formatOffset(std)]], []],
  ];
  for (const d of daylight) {
    const [flag, off, start, end, stdName, dstName] = d.split(';');
    if (!/^true$/i.test(flag ?? '')) continue;
    const dst = parseOffset(off ?? '');
    const s = toDateTimes([start ?? ''])[0]!;
    const e = toDateTimes([end ?? ''])[0]!;
    if (dst === undefined || s.length < 19 || e.length < 19) continue;
    const dstProps: JCalProperty[] = [['dtstart', {}, 'date-time', s.slice(0, 19)], ['tzoffsetfrom', {}, 'utc-offset', formatOffset(std)], ['tzoffsetto', {}, 'utc-offset', formatOffset(dst)]];
    if (dstName) dstProps.push(['tzname', {}, 'text', dstName]);
    const stdProps: JCalProperty[] = [['dtstart', {}, 'date-time', e.slice(0, 19)], ['tzoffsetfrom', {}, 'utc-offset', formatOffset(dst)], ['tzoffsetto', {}, 'utc-offset', formatOffset(std)]];
    if (stdName) stdProps.push(['tzname', {}, 'text', stdName]);
    rules.push(['daylight', dstProps, []], ['standard', stdProps, []]);
  }
  return { component: ['vtimezone', [['tzid', {}, 'text', tzid]], rules], tzid, offsetMinutes: std };
}

function parseOffset(s: string): number | undefined {
  const m = /^\s*([+-]?)(\d{1,2})(?::?(\d{2}))?\s*$/.exec(s);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function shiftToUtc(local: string, offsetMinutes: number): string {
  const t = Date.UTC(+local.slice(0, 4), +local.slice(5, 7) - 1, +local.slice(8, 10), +local.slice(11, 13), +local.slice(14, 16), +local.slice(17, 19)) - offsetMinutes * 60000;
  return new Date(t).toISOString().slice(0, 19) + 'Z';
}
