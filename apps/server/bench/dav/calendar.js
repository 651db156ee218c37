// A realistic calendar for the DAV benchmark: one VEVENT resource (.ics) per item, as CalDAV clients
// PUT them. Time zones with their VTIMEZONE, alarms, organizers and attendees, descriptions that
// need folding and escaping, all-day events, and exactly 10% recurring series (RRULE with COUNT,
// UNTIL or no end) of which some carry EXDATEs and overridden instances (RECURRENCE-ID), moved by
// days so that they cross month boundaries. Deterministic for a given size, seed and anchor.
import { utcOffset, vtimezone, ZONE_WEIGHTS } from './zones.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** A small seeded PRNG (mulberry32): the same calendar on every run. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const weighted = (pairs) => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const hex = (n) => Array.from({ length: n }, () => int(0, 15).toString(16)).join('');
  return { next, int, pick, weighted, hex };
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hugo', 'Ida', 'Jonas', 'Karla', 'Lukas', 'Zoë', 'Søren', 'Amélie', 'José'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'García', 'Dubois'];
const TOPICS = ['Review', 'Planning', 'Support', 'Workshop', 'Design', 'Budget', 'Stand-up', 'Travel', 'Documentation', 'Release', 'Kick-off', 'Retrospektive', 'Übergabe', 'Interview'];
const PROJECTS = ['Atlas', 'Borealis', 'Cobalt', 'Delta', 'Eiger', 'Fjord', 'Gamma', 'Hafen'];
const PLACES = ['Room 1.12', 'Raum Zugspitze', 'Berlin, Friedrichstraße 12', 'https://meet.example.com/abc-defg-hij', 'Café Müller; 2nd floor', 'Online'];
const CATEGORIES = ['Business', 'Meeting', 'Customer', 'Internal', 'Travel', 'Personal'];

const pad = (n, w = 2) => String(n).padStart(w, '0');
const dateText = (t) => { const d = new Date(t); return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`; };
const dateTimeText = (t) => { const d = new Date(t); return `${dateText(t)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`; };
const utcText = (t) => `${dateTimeText(t)}Z`;

/** RFC 5545 §3.3.11 TEXT escaping. */
const escapeText = (s) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence. */
function fold(line) {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (parts.length ? 74 : 75)) { parts.push(current); current = ''; bytes = 0; }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The wall-clock start of instance `k` (0 = DTSTART) of a series, in the model's local time. */
function instanceStart(model, k) {
  const d = new Date(model.start);
  const [y, m, day, h, min] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  const r = model.rule;
  switch (r.kind) {
    case 'daily': return model.start + k * DAY;
    case 'weekly': return model.start + k * 7 * r.interval * DAY;
    case 'weekdays': {
      let t = model.start;
      for (let left = k; left > 0;) { t += DAY; const wd = new Date(t).getUTCDay(); if (wd !== 0 && wd !== 6) left--; }
      return t;
    }
    case 'monthly-day': return Date.UTC(y, m + k, day, h, min);
    case 'monthly-nth': {
      const first = new Date(Date.UTC(y, m + k, 1));
      const wd = d.getUTCDay();
      const dom = 1 + ((wd - first.getUTCDay() + 7) % 7) + (r.nth - 1) * 7;
      return Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), dom, h, min);
    }
    case 'yearly': return Date.UTC(y + k, m, day, h, min);
    default: throw new Error(`unknown rule ${r.kind}`);
  }
}

/** The RRULE value of a series (UNTIL in UTC for timed events, RFC 5545 §3.3.10). */
function rruleText(model) {
  const r = model.rule;
  const wd = WEEKDAYS[new Date(model.start).getUTCDay()];
  const end = () => {
    if (r.count) return `;COUNT=${r.count}`;
    if (r.until) {
      const last = instanceStart(model, r.until);
      return `;UNTIL=${model.allDay ? dateText(last) : model.zone === 'UTC' ? utcText(last) : utcText(last - utcOffset(model.zone, last) * MINUTE)}`;
    }
    return '';
  };
  switch (r.kind) {
    case 'daily': return `FREQ=DAILY${end()}`;
    case 'weekly': return `FREQ=WEEKLY${r.interval > 1 ? `;INTERVAL=${r.interval}` : ''};BYDAY=${wd}${end()}`;
    case 'weekdays': return `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR${end()}`;
    case 'monthly-day': return `FREQ=MONTHLY;BYMONTHDAY=${new Date(model.start).getUTCDate()}${end()}`;
    case 'monthly-nth': return `FREQ=MONTHLY;BYDAY=${r.nth}${wd}${end()}`;
    case 'yearly': return `FREQ=YEARLY${end()}`;
    default: throw new Error(`unknown rule ${r.kind}`);
  }
}

/** A DATE or DATE-TIME property line in the model's zone. */
function timeProp(name, model, t) {
  if (model.allDay) return `${name};VALUE=DATE:${dateText(t)}`;
  if (model.zone === 'UTC') return `${name}:${utcText(t)}`;
  return `${name};TZID=${model.zone}:${dateTimeText(t)}`;
}

function person(rng, domain) {
  const [f, l] = [rng.pick(FIRST), rng.pick(LAST)];
  const local = `${f}.${l}`.toLowerCase().normalize('NFKD').replace(/[^a-z.]/g, '');
  return { cn: `${f} ${l}`, email: `${local}@${domain}` };
}

/** Draws one event (the model the text is rendered from). */
function drawEvent(rng, i, { anchor, prefix, recurring }) {
  const uid = `${prefix}-${pad(i, 5)}-${rng.hex(8)}-${rng.hex(4)}-${rng.hex(12)}`;
  const zone = rng.weighted(ZONE_WEIGHTS);
  const rule = recurring ? drawRule(rng) : undefined;
  const allDay = rule ? rule.kind === 'yearly' : rng.next() < 0.06;
  // Singles fall in the twelve months around the anchor; series start up to ten months earlier.
  const dayOffset = recurring ? rng.int(-300, 200) : rng.int(-90, 270);
  let start = anchor + dayOffset * DAY + (allDay ? 0 : (rng.int(7, 19) * 60 + rng.pick([0, 15, 30, 45])) * MINUTE);
  if (rule?.kind === 'weekdays') while ([0, 6].includes(new Date(start).getUTCDay())) start += DAY;
  if (rule?.kind === 'monthly-day' || rule?.kind === 'yearly') {
    const d = new Date(start);
    if (d.getUTCDate() > 28) start -= (d.getUTCDate() - 28) * DAY;
  }
  if (rule?.kind === 'monthly-nth') {
    // Day 29–31 has no stable position in every month: step back a week to the 4th such weekday.
    if (new Date(start).getUTCDate() > 28) start -= 7 * DAY;
    rule.nth = Math.ceil(new Date(start).getUTCDate() / 7);
  }
  const duration = allDay ? rng.pick([1, 1, 1, 2, 3]) * DAY : rng.pick([30, 30, 45, 60, 60, 60, 90, 120, 180, 480]) * MINUTE;
  const model = {
    i, uid, zone, allDay, start, duration, rule,
    useDuration: !allDay && rng.next() < 0.2,
    summary: `${rng.pick(TOPICS)} ${rng.pick(PROJECTS)}${rng.next() < 0.3 ? ` – ${rng.pick(FIRST)}` : ''}`,
    location: rng.next() < 0.6 ? rng.pick(PLACES) : undefined,
    description: rng.next() < 0.5
      ? `Agenda:\n1. Status of ${rng.pick(PROJECTS)}, open issues; decisions\n2. Next steps for the ${rng.pick(TOPICS).toLowerCase()} (see https://wiki.example.com/${rng.hex(10)})\n\nBitte Unterlagen vorab lesen. Merci, ${rng.pick(FIRST)}`
      : undefined,
    categories: rng.next() < 0.4 ? [rng.pick(CATEGORIES), rng.pick(CATEGORIES)].filter((c, k, xs) => xs.indexOf(c) === k) : [],
    klass: rng.next() < 0.05 ? 'PRIVATE' : 'PUBLIC',
    transp: allDay ? 'TRANSPARENT' : 'OPAQUE',
    status: rng.pick(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'TENTATIVE']),
    created: anchor - rng.int(100, 400) * DAY + rng.int(0, DAY / 1000) * 1000,
    sequence: rng.int(0, 3),
    alarms: rng.next() < 0.7 ? (rng.next() < 0.15 ? [rng.pick([5, 10, 15, 30]), 24 * 60] : [rng.pick([5, 10, 15, 30, 60])]) : [],
    emailAlarm: rng.next() < 0.1,
    mozGeneration: rng.next() < 0.3 ? rng.int(1, 9) : undefined,
  };
  if (rng.next() < 0.6) {
    const external = rng.next() < 0.3;
    model.organizer = external ? person(rng, 'partner.example') : { cn: 'Bench User', email: 'bench@example.org' };
    model.attendees = Array.from({ length: rng.int(1, 6) }, () => ({ ...person(rng, rng.pick(['example.com', 'partner.example'])), partstat: rng.pick(['NEEDS-ACTION', 'ACCEPTED', 'ACCEPTED', 'TENTATIVE']), role: rng.next() < 0.8 ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT' }))
      .filter((a, k, xs) => xs.findIndex((b) => b.email === a.email) === k && a.email !== model.organizer.email);
    if (external) model.attendees.push({ cn: 'Bench User', email: 'bench@example.org', partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' });
  }
  if (rule) drawExceptions(rng, model);
  return model;
}

/** One of the series patterns clients create, with COUNT, UNTIL (as instance index) or no end. */
function drawRule(rng) {
  const kind = rng.weighted([['weekly', 35], ['weekdays', 15], ['daily', 10], ['monthly-day', 12], ['monthly-nth', 13], ['yearly', 15]]);
  const rule = { kind, interval: kind === 'weekly' ? rng.pick([1, 1, 2]) : 1 };
  const end = kind === 'yearly' ? 'none' : rng.pick(['count', 'until', 'none']);
  const span = { weekly: [8, 60], weekdays: [20, 200], daily: [5, 40], 'monthly-day': [6, 24], 'monthly-nth': [6, 24], yearly: [3, 10] }[kind];
  if (end === 'count') rule.count = rng.int(...span);
  if (end === 'until') rule.until = rng.int(...span);
  return rule;
}

/** EXDATEs (about a third of the series) and overridden instances (about 40%), never the same one. */
function drawExceptions(rng, model) {
  const last = model.rule.count ? model.rule.count - 1 : model.rule.until ?? (model.rule.kind === 'yearly' ? 4 : 30);
  const used = new Set([0]);
  const instance = () => { for (let tries = 0; tries < 20; tries++) { const k = rng.int(1, last); if (!used.has(k)) { used.add(k); return k; } } return undefined; };
  model.exdates = [];
  model.overrides = [];
  if (rng.next() < 0.35) for (let n = rng.int(1, 3); n > 0; n--) { const k = instance(); if (k !== undefined) model.exdates.push(k); }
  if (rng.next() < 0.4) {
    for (let n = rng.int(1, 2); n > 0; n--) {
      const k = instance();
      if (k === undefined) continue;
      model.overrides.push({ k, shift: (rng.pick([-9, -3, -1, 1, 2, 5, 12]) * DAY) + (model.allDay ? 0 : rng.pick([0, 0, 60, -120]) * MINUTE), summary: `${model.summary} (moved)`, longer: rng.next() < 0.3 });
    }
  }
  model.exdates.sort((a, b) => a - b);
  model.overrides.sort((a, b) => a.k - b.k);
}

/** The VEVENT lines of a model, or of one overridden instance of it. */
function veventLines(model, { revision, stamp }, override) {
  const start = override ? instanceStart(model, override.k) + override.shift : model.start;
  const duration = override?.longer ? model.duration + (model.allDay ? DAY : 30 * MINUTE) : model.duration;
  const lines = ['BEGIN:VEVENT', `UID:${model.uid}`, `DTSTAMP:${utcText(stamp)}`, `CREATED:${utcText(model.created)}`, `LAST-MODIFIED:${utcText(stamp)}`, `SEQUENCE:${model.sequence + revision + (override ? 1 : 0)}`];
  if (override) lines.push(timeProp('RECURRENCE-ID', model, instanceStart(model, override.k)));
  lines.push(timeProp('DTSTART', model, start));
  lines.push(model.useDuration ? `DURATION:PT${duration / MINUTE}M` : timeProp('DTEND', model, start + duration));
  if (model.rule && !override) {
    lines.push(`RRULE:${rruleText(model)}`);
    if (model.exdates.length) lines.push(fold(`${timeProp('EXDATE', model, 0).split(':')[0]}:${model.exdates.map((k) => (model.allDay ? dateText : model.zone === 'UTC' ? utcText : dateTimeText)(instanceStart(model, k))).join(',')}`));
  }
  lines.push(fold(`SUMMARY:${escapeText((override?.summary ?? model.summary) + (revision ? ` (rev ${revision})` : ''))}`));
  if (model.location) lines.push(fold(`LOCATION:${escapeText(model.location)}`));
  if (model.description) lines.push(fold(`DESCRIPTION:${escapeText(model.description)}`));
  if (model.categories.length) lines.push(`CATEGORIES:${model.categories.map(escapeText).join(',')}`);
  lines.push(`CLASS:${model.klass}`, `TRANSP:${model.transp}`, `STATUS:${model.status}`);
  if (model.organizer) {
    lines.push(fold(`ORGANIZER;CN="${model.organizer.cn}":mailto:${model.organizer.email}`));
    if (model.organizer.email === 'bench@example.org') lines.push(fold('ATTENDEE;CN="Bench User";PARTSTAT=ACCEPTED;ROLE=CHAIR;CUTYPE=INDIVIDUAL:mailto:bench@example.org'));
    for (const a of model.attendees) lines.push(fold(`ATTENDEE;CN="${a.cn}";PARTSTAT=${a.partstat};ROLE=${a.role};RSVP=${a.partstat === 'NEEDS-ACTION' ? 'TRUE' : 'FALSE'};CUTYPE=INDIVIDUAL:mailto:${a.email}`));
  }
  if (model.mozGeneration) lines.push(`X-MOZ-GENERATION:${model.mozGeneration + revision}`);
  model.alarms.forEach((minutes, n) => {
    lines.push('BEGIN:VALARM', `UID:${model.uid}-alarm-${n}`, 'ACTION:DISPLAY', `TRIGGER;RELATED=START:-PT${minutes}M`, fold(`DESCRIPTION:${escapeText(model.summary)}`), 'END:VALARM');
  });
  if (model.emailAlarm) lines.push('BEGIN:VALARM', 'ACTION:EMAIL', 'TRIGGER:-P1D', 'SUMMARY:Reminder', fold(`DESCRIPTION:${escapeText(`Tomorrow: ${model.summary}`)}`), 'ATTENDEE:mailto:bench@example.org', 'END:VALARM');
  lines.push('END:VEVENT');
  return lines;
}

/** Renders a model as a complete iCalendar object (CRLF), revision 0 as created. */
export function renderEvent(model, revision = 0) {
  const stamp = model.created + (revision + 1) * 3_600_000;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Almanac//DAV benchmark//EN', 'CALSCALE:GREGORIAN'];
  let text = lines.join('\r\n') + '\r\n';
  if (!model.allDay) text += vtimezone(model.zone);
  const body = veventLines(model, { revision, stamp });
  for (const o of model.overrides ?? []) body.push(...veventLines(model, { revision, stamp }, o));
  return text + body.join('\r\n') + '\r\nEND:VCALENDAR\r\n';
}

/**
 * Generates `count` events: every tenth a series. `anchor` is a UTC midnight (the first of the
 * current month) around which the dates fall; `prefix` names the UIDs (and the `.ics` names).
 * @returns {{ name: string, uid: string, model: object, text: string }[]}
 */
export function generateEvents(count, { anchor, seed = count, prefix = 'evt' }) {
  const rng = random(seed * 7919 + prefix.length);
  return Array.from({ length: count }, (_, i) => {
    const model = drawEvent(rng, i, { anchor, prefix, recurring: i % 10 === 3 });
    return { name: `${model.uid}.ics`, uid: model.uid, model, text: renderEvent(model) };
  });
}

/** The first of the current month at 00:00 UTC: the dates of a run are near today, like real data. */
export function currentAnchor(now = new Date()) {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
}

/** The month the calendar-query asks for: the one after the anchor's, [start, end) in UTC. */
export function queryMonth(anchor) {
  const a = new Date(anchor);
  return { start: Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 1), end: Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 2, 1) };
}

/** CalDAV's UTC form of a time-range bound (RFC 4791 §9.9). */
export const caldavUtc = utcText;
