/**
 * The example notation of draft-ietf-calext-jscalendar-icalendar §1.3
 * ("How to Read the Examples"), implemented once for all corpus tests:
 * expanding implicit iCalendar and JSCalendar examples, and comparing results
 * with the tolerances the draft's test runner applies (fixtures README §1).
 */
import { parseICalendar, type JCalComponent, type JCalProperty } from '@almanac/codec-icalendar';

/** An iCalendar example made explicit: full jCal, plus which components allow more properties. */
export interface ICalExample {
  jcal: JCalComponent;
  /** Components (by object identity) marked `...` or implicit. */
  open: Set<JCalComponent>;
  /** Components only the notation adds (the VEVENT of an empty VCALENDAR): may be absent. */
  optional: Set<JCalComponent>;
}

/** Mandatory properties the draft's runner fills in components marked `...` (arbitrary values). */
const FILL: Record<string, JCalProperty[]> = {
  vcalendar: [['prodid', {}, 'text', '-//example//filled//EN'], ['version', {}, 'text', '2.0']],
  vevent: [['dtstamp', {}, 'date-time', '2006-01-02T03:04:05Z'], ['dtstart', {}, 'date-time', '2006-01-02T03:04:05Z']],
  vtodo: [['dtstamp', {}, 'date-time', '2006-01-02T03:04:05Z']],
  valarm: [['action', {}, 'text', 'DISPLAY'], ['trigger', {}, 'duration', '-PT5M']],
  daylight: [['dtstart', {}, 'date-time', '2006-03-26T02:00:00'], ['tzoffsetfrom', {}, 'utc-offset', '+01:00'], ['tzoffsetto', {}, 'utc-offset', '+02:00']],
  standard: [['dtstart', {}, 'date-time', '2006-10-29T03:00:00'], ['tzoffsetfrom', {}, 'utc-offset', '+02:00'], ['tzoffsetto', {}, 'utc-offset', '+01:00']],
};

/**
 * The example as the draft's runner sends it to a converter: components
 * marked `...` get their missing mandatory properties (and a UID).
 */
export function fillMandatory(example: ICalExample): JCalComponent {
  let n = 0;
  const walk = (c: JCalComponent): JCalComponent => {
    const props = [...c[1]];
    if (example.open.has(c)) {
      for (const p of FILL[c[0]] ?? []) if (!props.some((x) => x[0] === p[0])) props.push(p);
      if ((c[0] === 'vevent' || c[0] === 'vtodo') && !props.some((x) => x[0] === 'uid')) props.push(['uid', {}, 'text', `filled-uid-${++n}`]);
    }
    return [c[0], props, c[2].map(walk)];
  };
  return walk(example.jcal);
}

const TOP = new Set(['VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VTIMEZONE']);

/**
 * §1.3.1: only properties → a VEVENT in a VCALENDAR; only top-level
 * components → inside a VCALENDAR; other components (VALARM…) → inside a
 * VEVENT; a VCALENDAR without components contains a VEVENT; `...` stands
 * for more properties and, at the end, closes every open BEGIN.
 */
export function expandICalExample(text: string): ICalExample {
  const raw = text.replace(/\s+$/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const lines: string[] = [];
  for (const l of raw) {
    if (/^ \S/.test(l) && lines.length > 0 && lines[lines.length - 1] !== '...') lines[lines.length - 1] += l.slice(1);
    else if (l.trim() !== '') lines.push(l.trimEnd());
  }
  const openMarks = new Set<string>(); // ids of components containing "..."
  const body: string[] = [];
  const stack: Array<{ name: string; id: string }> = [];
  let counter = 0;
  for (const l of lines) {
    if (l === '...') {
      openMarks.add(stack[stack.length - 1]?.id ?? 'implicit-event');
      continue;
    }
    const begin = /^BEGIN:(.+)$/i.exec(l);
    if (begin) {
      const id = String(++counter);
      stack.push({ name: begin[1]!.toUpperCase(), id });
      body.push(`${l}\r\nX-EXAMPLE-ID:${id}`);
    } else if (/^END:/i.test(l)) {
      stack.pop();
      body.push(l);
    } else body.push(l);
  }
  while (stack.length > 0) body.push(`END:${stack.pop()!.name}`);
  const first = /^BEGIN:(.+)$/i.exec(lines[0] ?? '')?.[1]?.toUpperCase();
  const implicit = new Set<string>();
  let wrapped = body.join('\r\n');
  if (first === 'VCALENDAR') {
    // explicit
  } else if (first !== undefined && TOP.has(first) && topLevelOnly(lines)) {
    wrapped = `BEGIN:VCALENDAR\r\nX-EXAMPLE-ID:implicit-cal\r\n${wrapped}\r\nEND:VCALENDAR`;
    implicit.add('implicit-cal');
  } else {
    wrapped = `BEGIN:VCALENDAR\r\nX-EXAMPLE-ID:implicit-cal\r\nBEGIN:VEVENT\r\nX-EXAMPLE-ID:implicit-event\r\n${wrapped}\r\nEND:VEVENT\r\nEND:VCALENDAR`;
    implicit.add('implicit-cal');
  }
  const parsed = parseICalendar(wrapped);
  if (!parsed.ok) throw new Error(`example does not parse: ${JSON.stringify(parsed.errors)}`);
  const jcal = parsed.value[0]!;
  const open = new Set<JCalComponent>();
  const walk = (c: JCalComponent) => {
    const id = String(c[1].find((p) => p[0] === 'x-example-id')?.[3] ?? '');
    c[1] = c[1].filter((p) => p[0] !== 'x-example-id');
    if (implicit.has(id) || openMarks.has(id)) open.add(c);
    for (const sub of c[2]) walk(sub);
  };
  walk(jcal);
  // A VCALENDAR without components contains a VEVENT.
  const optional = new Set<JCalComponent>();
  if (jcal[2].length === 0) {
    const ev: JCalComponent = ['vevent', [], []];
    jcal[2].push(ev);
    open.add(ev);
    optional.add(ev);
  }
  return { jcal, open, optional };
}

/** True when the example's outermost BEGINs are all top-level components and there are no bare properties. */
function topLevelOnly(lines: string[]): boolean {
  let depth = 0;
  for (const l of lines) {
    if (l === '...') continue;
    if (/^BEGIN:/i.test(l)) {
      if (depth === 0 && !TOP.has(l.slice(6).toUpperCase())) return false;
      depth++;
    } else if (/^END:/i.test(l)) depth--;
    else if (depth === 0) return false;
  }
  return true;
}

/** A JSCalendar example made explicit: the Group, and which objects allow more members. */
export interface JSONExample {
  group: Record<string, unknown>;
  open: Set<object>;
}

/**
 * §1.3.2: a member list without braces is an implicit object (an Event
 * unless it has `@type`); a non-Group object is the Group's first entry;
 * `"...": ""` allows more members; implicit objects hold their mandatory
 * members with any value.
 */
export function expandJSONExample(text: string): JSONExample {
  const trimmed = text.trim();
  const explicit = trimmed.startsWith('{');
  const value = JSON.parse(explicit ? trimmed : `{${trimmed}}`) as Record<string, unknown>;
  const open = new Set<object>();
  const strip = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(strip);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('...' in o) {
        delete o['...'];
        open.add(o);
      }
      Object.values(o).forEach(strip);
    }
  };
  strip(value);
  if (!explicit) open.add(value);
  if (value['@type'] === undefined) value['@type'] = 'Event';
  if (value['@type'] === 'Group') return { group: value, open };
  const group = { '@type': 'Group', entries: [value] };
  open.add(group);
  return { group, open };
}

/* ---------------------------------------------------------------- JSON */

const DEFAULTS: Record<string, Record<string, unknown>> = {
  Event: { duration: 'PT0S', status: 'confirmed', privacy: 'public', freeBusyStatus: 'busy', sequence: 0, priority: 0, showWithoutTime: false, timeZone: null, excluded: false, useDefaultAlerts: false },
  Task: { privacy: 'public', freeBusyStatus: 'busy', sequence: 0, priority: 0, showWithoutTime: false, timeZone: null, excluded: false, useDefaultAlerts: false },
  Alert: { action: 'display' },
  OffsetTrigger: { relativeTo: 'start' },
  RecurrenceRule: { interval: 1, rscale: 'gregorian', skip: 'omit', firstDayOfWeek: 'mo' },
  Participant: { participationStatus: 'needs-action', expectReply: false, scheduleAgent: 'server', scheduleForceSend: false, scheduleSequence: 0 },
  Location: {},
};
/** Mandatory members an implicit object has "with some value". */
const MANDATORY: Record<string, string[]> = {
  Event: ['uid', 'updated', 'start', 'timeZone', 'prodId', 'duration', 'method'],
  Task: ['uid', 'updated', 'timeZone', 'prodId', 'method'],
  Group: ['uid', 'prodId', 'updated', 'entries', 'timeZones'],
};
const ID_MAPS: Record<string, (v: Record<string, unknown>) => unknown> = {
  alerts: (v) => JSON.stringify(v.trigger ?? v.acknowledged ?? v.action ?? null),
  links: (v) => v.href,
  locations: (v) => v.name ?? v.coordinates ?? v.timeZone ?? JSON.stringify(v),
  virtualLocations: (v) => v.uri,
  participants: (v) => (typeof v.calendarAddress === 'string' ? v.calendarAddress.toLowerCase() : v.name ?? v.description ?? JSON.stringify(v)),
};
const UNORDERED_LISTS = new Set(['byDay', 'byMonthDay', 'byMonth', 'byYearDay', 'byWeekNo', 'byHour', 'byMinute', 'bySecond', 'bySetPosition']);

/**
 * Differences between an expected JSCalendar example and an actual result,
 * with the draft runner's tolerances: member order, entry order, order of
 * by* lists, members equal to their defaults (not inside overrides), the
 * keys of id-keyed maps (paired by content), and extra members where the
 * expected object allows them.
 */
export function diffJSON(expected: unknown, actual: unknown, open: Set<object>): string[] {
  const out: string[] = [];
  compare(expected, actual, '', open, out, undefined, false, new Map());
  return out;
}

function compare(e: unknown, a: unknown, path: string, open: Set<object>, out: string[], type: string | undefined, inOverride: boolean, idMap: Map<string, string>): void {
  if (Array.isArray(e)) {
    if (!Array.isArray(a) || a.length !== e.length) {
      out.push(`${path}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
      return;
    }
    const key = path.slice(path.lastIndexOf('/') + 1);
    if (UNORDERED_LISTS.has(key)) {
      const ea = e.map((x) => JSON.stringify(x)).sort();
      const aa = a.map((x) => JSON.stringify(x)).sort();
      if (JSON.stringify(ea) !== JSON.stringify(aa)) out.push(`${path}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
      return;
    }
    if (key === 'entries') return pairEntries(e, a, path, open, out, idMap);
    e.forEach((x, i) => compare(x, a[i], `${path}/${i}`, open, out, undefined, inOverride, idMap));
    return;
  }
  if (e && typeof e === 'object') {
    if (!a || typeof a !== 'object' || Array.isArray(a)) {
      out.push(`${path}: expected an object, got ${JSON.stringify(a)}`);
      return;
    }
    const eo = e as Record<string, unknown>;
    const ao = a as Record<string, unknown>;
    const t = typeof eo['@type'] === 'string' ? (eo['@type'] as string) : type;
    const defaults = inOverride ? {} : DEFAULTS[t ?? ''] ?? {};
    const mandatory = open.has(eo) ? undefined : MANDATORY[t ?? ''];
    for (const [k, ev] of Object.entries(eo)) {
      const av = ao[k];
      if (av === undefined && (ev === null || (k in defaults && JSON.stringify(defaults[k]) === JSON.stringify(ev)))) continue;
      if (av === undefined) {
        out.push(`${path}/${k}: missing (expected ${JSON.stringify(ev)})`);
        continue;
      }
      if (k in ID_MAPS) compareIdMap(k, ev, av, `${path}/${k}`, open, out, idMap);
      else if (k === 'relatedTo' && t === 'Alert') compareMapped(ev, av, `${path}/${k}`, open, out, idMap);
      else compare(ev, av, `${path}/${k}`, open, out, childType(k, t), inOverride || k === 'recurrenceOverrides' || k === 'localizations', idMap);
    }
    if (open.has(eo)) return;
    for (const [k, av] of Object.entries(ao)) {
      if (k in eo) continue;
      if (k in defaults && JSON.stringify(defaults[k]) === JSON.stringify(av)) continue;
      if (mandatory?.includes(k)) continue;
      out.push(`${path}/${k}: unexpected ${JSON.stringify(av)}`);
    }
    return;
  }
  if (e !== a) out.push(`${path}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
}

function childType(key: string, parent: string | undefined): string | undefined {
  if (key === 'trigger') return 'OffsetTrigger';
  if (key === 'recurrenceRules' || key === 'excludedRecurrenceRules') return 'RecurrenceRule';
  void parent;
  return undefined;
}

function compareIdMap(key: string, e: unknown, a: unknown, path: string, open: Set<object>, out: string[], idMap: Map<string, string>): void {
  if (!e || typeof e !== 'object' || !a || typeof a !== 'object') return compare(e, a, path, open, out, undefined, false, idMap);
  const identity = ID_MAPS[key]!;
  const actual = Object.entries(a as Record<string, Record<string, unknown>>);
  const used = new Set<string>();
  const pairs: Array<[string, unknown, string | undefined]> = [];
  for (const [eid, ev] of Object.entries(e as Record<string, Record<string, unknown>>)) {
    const want = JSON.stringify(identity(ev));
    let match = actual.find(([aid, av]) => !used.has(aid) && JSON.stringify(identity(av)) === want);
    // Objects the example leaves mostly implicit pair by Id, then by position.
    match ??= actual.find(([aid]) => !used.has(aid) && aid === eid) ?? actual.find(([aid]) => !used.has(aid));
    if (match) {
      used.add(match[0]);
      idMap.set(eid, match[0]);
    }
    pairs.push([eid, ev, match?.[0]]);
  }
  for (const [eid, ev, aid] of pairs) {
    if (aid === undefined) out.push(`${path}/${eid}: missing`);
    else compare(ev, (a as Record<string, unknown>)[aid], `${path}/${eid}`, open, out, typeOf(key), false, idMap);
  }
  if (!open.has(e as object)) for (const [aid] of actual) if (!used.has(aid)) out.push(`${path}/${aid}: unexpected`);
}

function compareMapped(e: unknown, a: unknown, path: string, open: Set<object>, out: string[], idMap: Map<string, string>): void {
  if (!e || typeof e !== 'object' || !a || typeof a !== 'object') return compare(e, a, path, open, out, undefined, false, idMap);
  const mapped: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) mapped[idMap.get(k) ?? k] = v;
  compare(mapped, a, path, open, out, undefined, false, idMap);
}

function typeOf(mapKey: string): string | undefined {
  return { alerts: 'Alert', links: 'Link', locations: 'Location', virtualLocations: 'VirtualLocation', participants: 'Participant' }[mapKey];
}

function pairEntries(e: unknown[], a: unknown[], path: string, open: Set<object>, out: string[], idMap: Map<string, string>): void {
  const used = new Set<number>();
  e.forEach((x, i) => {
    const uid = (x as Record<string, unknown>)?.uid;
    const rid = (x as Record<string, unknown>)?.recurrenceId;
    let j = a.findIndex((y, k) => !used.has(k) && uid !== undefined && (y as Record<string, unknown>)?.uid === uid && (y as Record<string, unknown>)?.recurrenceId === rid);
    if (j < 0) j = a.findIndex((_, k) => !used.has(k) && k === i);
    if (j < 0) j = a.findIndex((_, k) => !used.has(k));
    if (j < 0) {
      out.push(`${path}/${i}: missing entry`);
      return;
    }
    used.add(j);
    compare(x, a[j], `${path}/${i}`, open, out, undefined, false, idMap);
  });
  if (!open.has(e)) a.forEach((_, k) => { if (!used.has(k)) out.push(`${path}/${k}: unexpected entry`); });
}

/* ------------------------------------------------------------ iCalendar */

/** Properties a component may have in addition when the example leaves it implicit. */
const ICAL_MANDATORY = new Set(['version', 'prodid', 'calscale', 'dtstamp', 'uid', 'dtstart', 'action', 'trigger', 'tzoffsetfrom', 'tzoffsetto', 'description']);
const MULTI = new Set(['categories', 'resources', 'exdate', 'rdate', 'location-type', 'freebusy']);

/** RFC 5545 §3.2 parameter defaults: writing them or not means the same. */
const PARAM_DEFAULTS: Record<string, string> = { partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT', rsvp: 'FALSE', cutype: 'INDIVIDUAL', related: 'START' };

function normProps(props: JCalProperty[]): string[] {
  const out: string[] = [];
  for (const p of props) {
    if (p[0] === 'jscal-id') continue;
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p[1])) if (k !== 'jscal-id' && PARAM_DEFAULTS[k] !== v) params[k] = v;
    const keys = Object.keys(params).sort();
    const ps = JSON.stringify(keys.map((k) => [k, params[k]]));
    const values = p.slice(3);
    if (MULTI.has(p[0])) for (const v of values) out.push(JSON.stringify([p[0], ps, p[2], v]));
    else out.push(JSON.stringify([p[0], ps, p[2], normValue(values)]));
  }
  return out;
}

function normValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, normValue(x)]));
  return v;
}

/**
 * Differences between an expected iCalendar example and actual jCal:
 * property and component order, parameter order, VALUE= defaults and
 * JSCAL-ID markers are ignored; multi-valued properties compare value by
 * value; components marked `...` or implicit may hold more properties.
 */
export function diffICal(expected: ICalExample, actual: JCalComponent, strictMandatory = false): string[] {
  const out: string[] = [];
  compareComponent(expected.jcal, actual, `/${expected.jcal[0]}`, expected.open, out, strictMandatory, expected.optional);
  return out;
}

function compareComponent(e: JCalComponent, a: JCalComponent, path: string, open: Set<JCalComponent>, out: string[], strictMandatory: boolean, optional: Set<JCalComponent> = new Set()): void {
  const ep = normProps(e[1]);
  const ap = normProps(a[1]);
  const remaining = [...ap];
  for (const p of ep) {
    const i = remaining.indexOf(p);
    if (i >= 0) remaining.splice(i, 1);
    else out.push(`${path}: missing property ${p}`);
  }
  if (!open.has(e)) {
    for (const p of remaining) {
      const name = (JSON.parse(p) as string[])[0]!;
      if (!strictMandatory && ICAL_MANDATORY.has(name)) continue;
      out.push(`${path}: unexpected property ${p}`);
    }
  }
  const used = new Set<number>();
  for (const sub of e[2]) {
    let best = -1;
    let bestDiff: string[] | undefined;
    a[2].forEach((cand, i) => {
      if (used.has(i) || cand[0] !== sub[0]) return;
      const d: string[] = [];
      compareComponent(sub, cand, `${path}/${sub[0]}`, open, d, strictMandatory, optional);
      if (!bestDiff || d.length < bestDiff.length) {
        best = i;
        bestDiff = d;
      }
    });
    if (best < 0) {
      if (!optional.has(sub)) out.push(`${path}: missing component ${sub[0]}`);
    }
    else {
      used.add(best);
      out.push(...bestDiff!);
    }
  }
  if (!open.has(e)) a[2].forEach((c, i) => { if (!used.has(i) && c[0] !== 'vtimezone') out.push(`${path}: unexpected component ${c[0]}`); });
}
