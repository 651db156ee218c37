import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { setKey } from '../../json-util.js';
import { formatDuration, isLocalDateTime, localToMs, parseDuration } from '../../datetime.js';
import type { Event, Link, Location, Relation, Task, VirtualLocation } from '../../types/jscalendar.js';
import { contentId, freeId } from '../ids.js';
import { parseRecurText, recurToRule } from '../recur.js';
import { convertAlarms } from './alerts.js';
import type { FromICalContext } from './context.js';
import { applyJscalProps } from './jscal-prop.js';
import { addLink, LINK_PROPERTIES, propertyToLink, propertyToVirtualLocation } from './links.js';
import { convertLocationProperties, convertVLocation } from './locations.js';
import { convertParticipants } from './participants.js';
import { describeProperty, hasNoParams, leftoverParams, Residual } from './residual.js';
import { inZone, instantOf, readTemporal, type Temporal } from './temporal.js';

const PRIVACY: Record<string, string> = { PUBLIC: 'public', PRIVATE: 'private', CONFIDENTIAL: 'secret' };
const TRANSP: Record<string, string> = { OPAQUE: 'busy', TRANSPARENT: 'free' };
const EVENT_STATUS = new Set(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);
const TODO_STATUS = new Set(['NEEDS-ACTION', 'IN-PROCESS', 'COMPLETED', 'CANCELLED', 'FAILED']);

type Entry = (Event | Task) & Record<string, unknown>;

/** Properties whose conversion needs the whole component (collected first). */
interface Pending {
  dtstart?: JCalProperty;
  dtend?: JCalProperty;
  due?: JCalProperty;
  duration?: JCalProperty;
  recurrenceId?: JCalProperty;
  description?: JCalProperty;
  styled?: JCalProperty;
  location?: JCalProperty;
  geo?: JCalProperty;
  rrules?: JCalProperty[];
  exrules?: JCalProperty[];
  rdates?: JCalProperty[];
  exdates?: JCalProperty[];
  organizers?: JCalProperty[];
  attendees?: JCalProperty[];
  jscal?: JCalProperty[];
}

const NONE: JCalProperty[] = [];

/** An Event or Task converted from a VEVENT or VTODO, with what the caller needs for overrides. */
export interface ConvertedEntry {
  entry: Event | Task;
  /** RECURRENCE-ID as read, for matching overrides to their main component. */
  recurrenceId: Temporal | undefined;
  start: Temporal | undefined;
}

/**
 * Converts a VEVENT or VTODO (draft §2.2.3, §2.2.6) to an Event or Task.
 * Whatever has no JSCalendar home — X- and unknown properties, unknown
 * parameters of converted ones, unknown subcomponents — is kept in the
 * entry's `iCalComponent` so the conversion back is lossless.
 */
export function convertEntry(comp: JCalComponent, ctx: FromICalContext): ConvertedEntry {
  const isTodo = comp[0] === 'vtodo';
  const out = { '@type': isTodo ? 'Task' : 'Event' } as Entry;
  const residual = new Residual(comp[0], comp[1]);
  const keep = (p: JCalProperty) => residual.keep(p);
  const p: Pending = {};
  let links: Record<string, Link> | undefined;
  let virtual: Record<string, VirtualLocation> | undefined;

  /** A plain member: converts when not yet set and `ok`; parameters are remembered. */
  const simple = (key: string, prop: JCalProperty, value: unknown, ok: boolean): void => {
    if (!ok || out[key] !== undefined || prop.length !== 4) return keep(prop);
    out[key] = value;
    if (!hasNoParams(prop)) residual.convertedProperty(key, describeProperty(prop[0], { ...prop[1] })!);
  };

  for (const prop of comp[1]) {
    const [name, params, type] = prop;
    const v = prop[3];
    const s = typeof v === 'string' ? v : undefined;
    switch (name) {
      case 'uid': simple('uid', prop, s, s !== undefined && type === 'text'); break;
      case 'summary': simple('title', prop, s, s !== undefined && type === 'text'); break;
      case 'created': simple('created', prop, s, s !== undefined && type === 'date-time' && s.endsWith('Z')); break;
      case 'dtstamp': simple('updated', prop, s, s !== undefined && type === 'date-time' && s.endsWith('Z')); break;
      case 'sequence': simple('sequence', prop, v, type === 'integer' && typeof v === 'number' && v >= 0); break;
      case 'priority': simple('priority', prop, v, type === 'integer' && typeof v === 'number' && v >= 0 && v <= 9); break;
      case 'class': simple('privacy', prop, s && PRIVACY[s], s !== undefined && PRIVACY[s] !== undefined); break;
      case 'transp': simple('freeBusyStatus', prop, s && TRANSP[s], s !== undefined && TRANSP[s] !== undefined); break;
      case 'status':
        if (isTodo) simple('progress', prop, s?.toLowerCase(), s !== undefined && TODO_STATUS.has(s));
        else simple('status', prop, s?.toLowerCase(), s !== undefined && EVENT_STATUS.has(s));
        break;
      case 'color': simple('color', prop, s, s !== undefined && type === 'text'); break;
      case 'percent-complete': simple('percentComplete', prop, v, isTodo && type === 'integer' && typeof v === 'number' && v >= 0 && v <= 100); break;
      case 'estimated-duration': simple('estimatedDuration', prop, s, isTodo && type === 'duration' && parseDuration(s)?.sign === 1); break;
      case 'request-status': {
        const text = Array.isArray(v) ? v.join(';') : s;
        simple('requestStatus', prop, text, text !== undefined && type === 'text');
        break;
      }
      case 'categories':
      case 'concept': {
        const key = name === 'categories' ? 'keywords' : 'categories';
        const values = prop.slice(3);
        const first = out[key] === undefined;
        if (name === 'concept' && !first && values.some((x) => typeof x === 'string' && (out[key] as Record<string, true>)[x])) { keep(prop); break; }
        const sameParams = first || JSON.stringify(residual.hasConverted(key) ? prop[1] : {}) === JSON.stringify(prop[1]) && hasNoParams(prop);
        if (!values.every((x) => typeof x === 'string') || !sameParams || type !== (name === 'categories' ? 'text' : 'uri')) { keep(prop); break; }
        const set = (out[key] as Record<string, true> | undefined) ?? {};
        for (const x of values as string[]) setKey(set, x, true);
        out[key] = set;
        if (first && !hasNoParams(prop)) residual.convertedProperty(key, describeProperty(name, { ...params })!);
        break;
      }
      case 'related-to': {
        const reltype = params.reltype;
        if (s === undefined || prop.length !== 4 || (reltype !== undefined && (typeof reltype !== 'string' || reltype !== reltype.toUpperCase()))) { keep(prop); break; }
        const related = (out.relatedTo ??= {}) as Record<string, Relation>;
        if (Object.prototype.hasOwnProperty.call(related, s)) { keep(prop); break; }
        const relation: Relation = { '@type': 'Relation' };
        if (typeof reltype === 'string') relation.relation = { [reltype.toLowerCase()]: true };
        const rest = leftoverParams(prop, ['reltype']);
        if (rest) relation.iCalProperty = describeProperty('related-to', rest);
        setKey(related, s, relation);
        break;
      }
      case 'conference': {
        const c = propertyToVirtualLocation(prop);
        if (c) {
          virtual ??= {};
          virtual[c.id ?? freeId(virtual, `v${contentId(c.location.uri)}`)] = c.location;
        }
        else keep(prop);
        break;
      }
      case 'dtstart': if (p.dtstart) keep(prop); else p.dtstart = prop; break;
      case 'dtend': if (p.dtend || isTodo) keep(prop); else p.dtend = prop; break;
      case 'due': if (p.due || !isTodo) keep(prop); else p.due = prop; break;
      case 'duration': if (p.duration) keep(prop); else p.duration = prop; break;
      case 'recurrence-id': if (p.recurrenceId) keep(prop); else p.recurrenceId = prop; break;
      case 'description': if (p.description || params.derived !== undefined) keep(prop); else p.description = prop; break;
      case 'styled-description': if (p.styled) keep(prop); else p.styled = prop; break;
      case 'location': if (p.location) keep(prop); else p.location = prop; break;
      case 'geo': if (p.geo) keep(prop); else p.geo = prop; break;
      case 'rrule': (p.rrules ??= []).push(prop); break;
      case 'exrule': (p.exrules ??= []).push(prop); break;
      case 'rdate': (p.rdates ??= []).push(prop); break;
      case 'exdate': (p.exdates ??= []).push(prop); break;
      case 'organizer': (p.organizers ??= []).push(prop); break;
      case 'attendee': (p.attendees ??= []).push(prop); break;
      case 'jscal-prop': (p.jscal ??= []).push(prop); break;
      default:
        if (LINK_PROPERTIES.has(name)) {
          const link = propertyToLink(prop);
          if (link) addLink((links ??= {}), link);
          else keep(prop);
        } else keep(prop);
    }
  }

  convertDescription(out, p, residual);
  const { start, zoneId, zone } = convertTimes(out, p, isTodo, residual, ctx);
  const recurrenceId = convertRecurrenceId(out, p, residual, ctx);
  convertRecurrence(out, p, residual, ctx, start, zoneId, zone);

  let alarms: JCalComponent[] | undefined;
  let participantComps: JCalComponent[] = NONE as unknown as JCalComponent[];
  const locations: Record<string, Location> = (out.locations as Record<string, Location> | undefined) ?? {};
  for (const sub of comp[2]) {
    if (sub[0] === 'valarm') (alarms ??= []).push(sub);
    else if (sub[0] === 'participant') (participantComps === (NONE as unknown) ? (participantComps = []) : participantComps).push(sub);
    else if (sub[0] === 'vlocation') convertVLocation(sub, locations, ctx.issues);
    else residual.keepComponent(sub);
  }
  const { usedLocation, usedGeo } = convertLocationProperties(p.location, p.geo, locations);
  if (p.location && !usedLocation) keep(p.location);
  if (p.geo && !usedGeo && !isDerivedGeo(p.geo, locations)) keep(p.geo);
  if (Object.keys(locations).length > 0) out.locations = locations;

  if (p.organizers || p.attendees || participantComps.length > 0) {
    const converted = convertParticipants(p.organizers ?? NONE, p.attendees ?? NONE, participantComps, isTodo, keep);
    if (Object.keys(converted.participants).length > 0) out.participants = converted.participants;
    if (converted.replyTo) out.replyTo = converted.replyTo;
    if (converted.organizerParams) residual.convertedProperty('replyTo', describeProperty('organizer', converted.organizerParams)!);
  }
  if (alarms) out.alerts = convertAlarms(alarms, ctx.issues);
  if (links) out.links = links;
  if (virtual) out.virtualLocations = virtual;
  const ical = residual.build();
  if (ical) out.iCalComponent = ical;
  if (p.jscal) applyJscalProps(out, p.jscal, ctx.issues);
  return { entry: out, recurrenceId, start };
}

/** STYLED-DESCRIPTION (text/* as TEXT) wins over DESCRIPTION (draft §2.3.13, §2.3.43). */
function convertDescription(out: Entry, p: Pending, residual: Residual): void {
  const styled = p.styled;
  const fmttype = styled?.[1].fmttype;
  const usable = styled && styled[2] === 'text' && styled.length === 4 && typeof styled[3] === 'string' && styled[1].derived === undefined && typeof fmttype === 'string' && /^text\//i.test(fmttype);
  if (usable) {
    out.description = styled[3] as string;
    out.descriptionContentType = fmttype;
    const rest = leftoverParams(styled, ['fmttype']);
    if (rest) residual.convertedProperty('description', describeProperty('styled-description', rest)!);
    if (p.description) residual.keep(p.description);
    return;
  }
  if (styled) residual.keep(styled);
  const d = p.description;
  if (d && d[2] === 'text' && d.length === 4 && typeof d[3] === 'string') {
    out.description = d[3];
    if (!hasNoParams(d)) residual.convertedProperty('description', describeProperty('description', { ...d[1] })!);
  } else if (d) residual.keep(d);
}

/**
 * The parameters of a date-time property beyond what the conversion back
 * derives from the entry's time zone: the TZID as written when it was mapped
 * (Windows names, `UTC`), and any other parameter.
 */
function temporalParams(prop: JCalProperty, t: Temporal): Record<string, string | string[]> | undefined {
  const derivable = t.tzid !== undefined && (t.zoneId === t.tzid || t.zoneId === `/${t.tzid}`);
  return leftoverParams(prop, derivable ? ['tzid'] : []);
}

function convertTimes(out: Entry, p: Pending, isTodo: boolean, residual: Residual, ctx: FromICalContext): { start: Temporal | undefined; zoneId: string | null; zone: Temporal['zone'] } {
  const start = p.dtstart ? readTemporal(p.dtstart, ctx) : undefined;
  if (p.dtstart && (!start || p.dtstart.length !== 4)) residual.keep(p.dtstart);
  let zoneId: string | null = start ? start.zoneId : null;
  let zone = start?.zone;
  if (start && p.dtstart) {
    out.start = start.local;
    if (start.zoneId !== null) out.timeZone = start.zoneId;
    if (start.isDate) out.showWithoutTime = true;
    const params = temporalParams(p.dtstart, start);
    if (params) residual.convertedProperty('start', describeProperty('dtstart', params)!);
  }
  if (isTodo && p.due) {
    const due = readTemporal(p.due, ctx);
    if (!due || p.due.length !== 4) residual.keep(p.due);
    else if (!start) {
      out.due = due.local;
      if (due.zoneId !== null) out.timeZone = due.zoneId;
      zoneId = due.zoneId;
      zone = due.zone;
      if (due.isDate) out.showWithoutTime = true;
      const params = temporalParams(p.due, due);
      if (params) residual.convertedProperty('due', describeProperty('due', params)!);
    } else {
      // draft §2.3.17: `due` is relative to the start's time zone.
      out.due = inZone(due, start.zoneId, start.zone);
      const sameForm = due.zoneId === start.zoneId && due.isDate === start.isDate && due.tzid === start.tzid;
      if (!sameForm) residual.keep(p.due); // written back as it was while `due` is unchanged
      else {
        const params = temporalParams(p.due, due);
        if (params) residual.convertedProperty('due', describeProperty('due', params)!);
      }
    }
  }
  if (p.duration) {
    const d = parseDuration(p.duration[3]);
    if (d && d.sign === 1 && p.duration[2] === 'duration' && p.duration.length === 4 && String(p.duration[3]).startsWith('P')) {
      out.duration = p.duration[3] as string;
      if (!hasNoParams(p.duration)) residual.convertedProperty('duration', describeProperty('duration', { ...p.duration[1] })!);
      if (p.dtend) residual.keep(p.dtend);
    } else {
      residual.keep(p.duration);
      if (p.dtend) residual.keep(p.dtend);
    }
  } else if (p.dtend) {
    convertDtend(out, p.dtend, start, residual, ctx);
  }
  return { start, zoneId, zone };
}

/** DTEND becomes `duration`, plus an end Location when its zone differs (draft §2.3.14). */
function convertDtend(out: Entry, dtend: JCalProperty, start: Temporal | undefined, residual: Residual, ctx: FromICalContext): void {
  const end = readTemporal(dtend, ctx);
  if (!end || !start || dtend.length !== 4 || end.isDate !== start.isDate) return residual.keep(dtend);
  // Different zones, one of them floating or unknown: no exact span exists.
  if (end.zoneId !== start.zoneId && !start.isDate && (!start.zone || !end.zone)) return residual.keep(dtend);
  const exact = (instantOf(end) - instantOf(start)) / 1000;
  if (!(exact >= 0)) return residual.keep(dtend);
  const wall = (localToMs(end.local) - localToMs(start.local)) / 1000;
  const sameZone = end.zoneId === start.zoneId;
  // Days are nominal in RFC 5545 §3.3.6; use them only when they equal the exact span.
  const duration = sameZone && wall === exact && exact % 86400 === 0 && exact > 0
    ? formatDuration({ sign: 1, days: exact / 86400, seconds: 0 })
    : start.isDate ? formatDuration({ sign: 1, days: Math.round(exact / 86400), seconds: 0 }) : formatDuration({ sign: 1, days: 0, seconds: exact });
  out.duration = duration;
  const params = temporalParams(dtend, end);
  if (sameZone) {
    residual.convertedProperty('duration', describeProperty('dtend', params) ?? { '@type': 'ICalProperty', name: 'dtend' });
  } else {
    const locations = ((out.locations ??= {}) as Record<string, Location>);
    const loc: Location = { '@type': 'Location', relativeTo: 'end', iCalProperty: describeProperty('dtend', params) ?? { '@type': 'ICalProperty', name: 'dtend' } };
    if (end.zoneId !== null) loc.timeZone = end.zoneId;
    locations[freeId(locations, `e${contentId(`end:${end.zoneId}`)}`)] = loc;
  }
}

function convertRecurrenceId(out: Entry, p: Pending, residual: Residual, ctx: FromICalContext): Temporal | undefined {
  if (!p.recurrenceId) return undefined;
  const rid = readTemporal(p.recurrenceId, ctx);
  if (!rid || p.recurrenceId.length !== 4) {
    residual.keep(p.recurrenceId);
    return undefined;
  }
  out.recurrenceId = rid.local;
  if (rid.zoneId !== null) out.recurrenceIdTimeZone = rid.zoneId;
  const params = temporalParams(p.recurrenceId, rid);
  // A DATE RECURRENCE-ID of an entry that is not all-day: remember the value type.
  const valueType = rid.isDate && out.showWithoutTime !== true ? 'date' : !rid.isDate && out.showWithoutTime === true && rid.zoneId === null ? 'date-time' : undefined;
  if (params || valueType) residual.convertedProperty('recurrenceId', describeProperty('recurrence-id', params, valueType)!);
  return rid;
}

/**
 * RRULE/EXRULE, RDATE and EXDATE (draft §2.3.20, §2.3.34, §2.3.38). Values
 * not written the way the conversion back would write them (UTC EXDATEs of a
 * zoned event, a DATE UNTIL of a timed one…) are converted *and* kept as they
 * were: the writer uses the kept text while the JSCalendar value still
 * matches it.
 */
function convertRecurrence(out: Entry, p: Pending, residual: Residual, ctx: FromICalContext, start: Temporal | undefined, zoneId: string | null, zone: Temporal['zone']): void {
  const isDate = start?.isDate === true;
  if (!p.rrules && !p.exrules && !p.rdates && !p.exdates) return;
  for (const [props, key] of [[p.rrules ?? NONE, 'recurrenceRules'], [p.exrules ?? NONE, 'excludedRecurrenceRules']] as const) {
    for (const prop of props) {
      const recur = prop[2] === 'recur' ? (prop[3] as Record<string, unknown>) : typeof prop[3] === 'string' ? parseRecurText(prop[3]) : undefined;
      const r = recur && prop.length === 4 ? recurToRule(recur) : undefined;
      if (!r) { residual.keep(prop); continue; }
      let canonical = hasNoParams(prop) && prop[2] === 'recur';
      if (r.until !== undefined) {
        const u = r.until;
        const t: Temporal | undefined = u.length === 10 ? { local: `${u}T00:00:00`, zoneId: null, zone: undefined, isDate: true, utc: false, tzid: undefined }
          : u.length === 20 ? { local: u.slice(0, 19), zoneId: 'Etc/UTC', zone: ctx.zone('Etc/UTC').zone, isDate: false, utc: true, tzid: undefined }
          : u.length === 19 ? { local: u, zoneId: null, zone: undefined, isDate: false, utc: false, tzid: undefined } : undefined;
        if (!t || !isLocalDateTime(t.local)) { residual.keep(prop); continue; }
        r.rule.until = t.utc ? inZone(t, zoneId, zone) : t.local;
        const expected = isDate ? 10 : zoneId === null ? 19 : 20;
        if (u.length !== expected) canonical = false;
      }
      ((out[key] ??= []) as unknown[]).push(r.rule);
      if (!canonical) residual.keep(prop);
    }
  }
  const overrides = (out.recurrenceOverrides ??= {}) as Record<string, Record<string, unknown>>;
  for (const [props, patch] of [[p.exdates ?? NONE, () => ({ excluded: true })], [p.rdates ?? NONE, () => ({})]] as const) {
    for (const prop of props) {
      if (prop[2] !== 'date' && prop[2] !== 'date-time') { residual.keep(prop); continue; }
      let canonical = leftoverParams(prop, ['tzid']) === undefined;
      let converted = 0;
      for (let i = 3; i < prop.length; i++) {
        const t = readTemporal(prop, ctx, i);
        if (!t) continue;
        converted++;
        const key = inZone(t, zoneId, zone);
        if (t.isDate !== isDate || t.zoneId !== zoneId) canonical = false;
        if (!(key in overrides)) overrides[key] = patch();
        else if (JSON.stringify(overrides[key]) !== JSON.stringify(patch())) canonical = false; // RDATE and EXDATE of one date
      }
      if (!canonical || converted !== prop.length - 3) residual.keep(prop);
    }
  }
  if (Object.keys(overrides).length === 0) delete out.recurrenceOverrides;
}

/** GEO;DERIVED=TRUE that a VLOCATION's finer coordinates give again (draft §3.5). */
function isDerivedGeo(geo: JCalProperty, locations: Record<string, Location>): boolean {
  const v = geo[3];
  if (geo[1].derived !== 'TRUE' || !Array.isArray(v) || Object.keys(geo[1]).length !== 1) return false;
  const prefix = `geo:${v[0]},${v[1]}`;
  const list = Object.values(locations).filter((l) => typeof l.coordinates === 'string' && l.coordinates.startsWith(prefix) && /^[,;]/.test(l.coordinates.slice(prefix.length)));
  return list.length > 0;
}
