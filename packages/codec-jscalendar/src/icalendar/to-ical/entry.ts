import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { applyPatch } from '@almanac/codec-patchobject';
import { addNominal, isLocalDateTime, localToMs, msToLocal, parseDuration } from '../../datetime.js';
import type { Event, ICalProperty, Location, RecurrenceRule, Task } from '../../types/jscalendar.js';
import { ruleToRecur } from '../recur.js';
import { localToUtcMs, utcToLocalMs } from '../zones/zone.js';
import { alertsToVAlarms } from './alerts.js';
import type { ToICalContext } from './context.js';
import { components } from './context.js';
import { linksToProperties, virtualLocationsToProperties } from './links.js';
import { locationsToICal } from './locations.js';
import { recordedParams, unknownMembers, withRecorded } from './params.js';
import { participantsToICal } from './participants.js';
import { shadowKeys, shadowRule } from './shadows.js';
import { temporalList, temporalProperty, timeForm, untilValue, type TimeForm } from './temporal.js';

const PRIVACY: Record<string, string> = { public: 'PUBLIC', private: 'PRIVATE', secret: 'CONFIDENTIAL' };
const TRANSP: Record<string, string> = { busy: 'OPAQUE', free: 'TRANSPARENT' };
/** Members this module writes; all others become JSCAL-PROP (draft §4.1.2). */
const KNOWN = new Set([
  '@type', 'uid', 'relatedTo', 'prodId', 'created', 'updated', 'sequence', 'method', 'title', 'description', 'descriptionContentType',
  'showWithoutTime', 'locations', 'virtualLocations', 'links', 'keywords', 'categories', 'color', 'recurrenceId', 'recurrenceIdTimeZone',
  'recurrenceRules', 'excludedRecurrenceRules', 'recurrenceOverrides', 'priority', 'freeBusyStatus', 'privacy', 'replyTo', 'participants',
  'requestStatus', 'alerts', 'timeZone', 'timeZones', 'iCalComponent', 'start', 'duration', 'status', 'due', 'estimatedDuration',
  'percentComplete', 'progress',
]);
/** Members an override inherits from its main entry but never patches. */
const RECURRENCE_MEMBERS = ['recurrenceRules', 'excludedRecurrenceRules', 'recurrenceOverrides', 'recurrenceId', 'recurrenceIdTimeZone'];
const SHADOWED = new Set(['rrule', 'exrule', 'exdate', 'rdate', 'due']);

type Entry = (Event | Task) & Record<string, unknown>;

/**
 * An Event or Task as a VEVENT or VTODO (draft §3.2), followed by one
 * component per recurrence override that is neither an exclusion (EXDATE)
 * nor an extra date (RDATE).
 */
export function entryToComponents(entry: Entry, ctx: ToICalContext): JCalComponent[] {
  const isTodo = entry['@type'] === 'Task';
  const ical = entry.iCalComponent && typeof entry.iCalComponent === 'object' ? entry.iCalComponent : undefined;
  const name = ical?.name === 'vevent' || ical?.name === 'vtodo' ? ical.name : isTodo ? 'vtodo' : 'vevent';
  const conv = (ical?.convertedProperties && typeof ical.convertedProperties === 'object' ? ical.convertedProperties : {}) as Record<string, ICalProperty>;
  const kept = Array.isArray(ical?.properties) ? (ical!.properties as JCalProperty[]) : [];
  const form = timeForm(entry.timeZone, entry.showWithoutTime, entry.start ?? entry.due, recordedParams(conv.start).tzid ?? recordedParams(conv.due).tzid);
  const props: JCalProperty[] = [];
  const comps: JCalComponent[] = [];
  const add = (key: string, prop: JCalProperty | undefined) => {
    if (prop) props.push(withRecorded(prop, conv[key]));
  };
  const str = (v: unknown): v is string => typeof v === 'string';

  if (str(entry.uid)) add('uid', ['uid', {}, 'text', entry.uid]);
  if (str(entry.updated)) add('updated', ['dtstamp', {}, 'date-time', utc(entry.updated)]);
  else if (ctx.fill && !kept.some((p) => p[0] === 'dtstamp')) props.push(['dtstamp', {}, 'date-time', str(entry.created) ? utc(entry.created) : utc((ctx.options.now?.() ?? new Date()).toISOString())]);
  if (str(entry.created)) add('created', ['created', {}, 'date-time', utc(entry.created)]);
  if (typeof entry.sequence === 'number') add('sequence', ['sequence', {}, 'integer', entry.sequence]);
  if (str(entry.title)) add('title', ['summary', {}, 'text', entry.title]);
  if (str(entry.description)) {
    const type = entry.descriptionContentType;
    if (str(type) && !/^text\/plain\b/i.test(type)) props.push(withRecorded(['styled-description', { fmttype: type }, 'text', entry.description], conv.description));
    else add('description', ['description', {}, 'text', entry.description]);
  }
  if (str(entry.privacy) && PRIVACY[entry.privacy]) add('privacy', ['class', {}, 'text', PRIVACY[entry.privacy]!]);
  if (str(entry.freeBusyStatus) && TRANSP[entry.freeBusyStatus]) add('freeBusyStatus', ['transp', {}, 'text', TRANSP[entry.freeBusyStatus]!]);
  if (!isTodo && str(entry.status)) add('status', ['status', {}, 'text', entry.status.toUpperCase()]);
  if (isTodo && str(entry.progress)) add('progress', ['status', {}, 'text', entry.progress.toUpperCase()]);
  if (typeof entry.priority === 'number') add('priority', ['priority', {}, 'integer', entry.priority]);
  if (str(entry.color)) add('color', ['color', {}, 'text', entry.color]);
  if (isTodo && typeof entry.percentComplete === 'number') add('percentComplete', ['percent-complete', {}, 'integer', entry.percentComplete]);
  if (isTodo && str(entry.estimatedDuration)) add('estimatedDuration', ['estimated-duration', {}, 'duration', entry.estimatedDuration]);
  if (str(entry.requestStatus)) add('requestStatus', ['request-status', {}, 'text', entry.requestStatus.split(';')]);
  const keywords = setKeys(entry.keywords);
  if (keywords.length > 0) add('keywords', ['categories', {}, 'text', ...keywords]);
  for (const c of setKeys(entry.categories)) add('categories', ['concept', {}, 'uri', c]);
  if (entry.relatedTo && typeof entry.relatedTo === 'object') {
    for (const [uid, rel] of Object.entries(entry.relatedTo)) {
      const types = rel && typeof rel === 'object' && rel.relation ? Object.keys(rel.relation) : [];
      const params: Record<string, string | string[]> = types.length > 0 ? { reltype: types[0]!.toUpperCase() } : {};
      props.push(withRecorded(['related-to', params, 'text', uid], rel?.iCalProperty));
    }
  }

  // DTSTART, DTEND / DURATION, DUE, RECURRENCE-ID
  const startParams = recordedParams(conv.start);
  if (entry.start !== undefined) {
    const p = temporalProperty('dtstart', entry.start, form, ctx, startParams);
    if (p) props.push(p);
  }
  const loc = locationsToICal(entry.locations, !isTodo);
  writeDuration(entry, form, conv, loc.end, props, ctx);
  // Kept RRULE/EXDATE/… that convert stand for JSCalendar values ("shadows"); the others are plain kept properties.
  const shadows = kept.filter((p) => SHADOWED.has(p[0]) && (p[0] !== 'due' || (isTodo && entry.start !== undefined && !sameForm(p, form))) && (p[0] === 'rrule' || p[0] === 'exrule' ? shadowRule(p, form, ctx) !== undefined : shadowKeys(p, form, ctx) !== undefined));
  const usedShadows = new Set<JCalProperty>();
  if (isTodo && entry.due !== undefined) {
    const shadow = shadows.find((p) => p[0] === 'due' && shadowKeys(p, form, ctx)?.[0] === entry.due);
    if (shadow) usedShadows.add(shadow);
    else {
      const p = temporalProperty('due', entry.due, form, ctx, recordedParams(conv.due));
      if (p) props.push(p);
    }
  }
  if (entry.recurrenceId !== undefined) {
    // A RECURRENCE-ID with a time zone is a DATE-TIME even in an all-day entry.
    const ridZone = entry.recurrenceIdTimeZone;
    const ridType = conv.recurrenceId?.valueType;
    const ridDate = ridType === 'date' ? true : ridType === 'date-time' || typeof ridZone === 'string' ? false : entry.showWithoutTime;
    const ridForm = timeForm(ridZone, ridDate, entry.recurrenceId, recordedParams(conv.recurrenceId).tzid ?? (ridZone === entry.timeZone ? form.tzid : undefined));
    const p = temporalProperty('recurrence-id', entry.recurrenceId, ridForm, ctx, recordedParams(conv.recurrenceId));
    if (p) props.push(p);
  }
  writeRecurrence(entry, form, shadows, usedShadows, props, comps, ctx);

  const people = participantsToICal(entry.participants, entry.replyTo, conv.replyTo, isTodo);
  props.push(...people.properties);
  props.push(...loc.properties);
  props.push(...virtualLocationsToProperties(entry.virtualLocations));
  props.push(...linksToProperties(entry.links, ''));
  // Kept properties (and the shadows still standing for their values) in their original order.
  for (const p of kept) if (!shadows.includes(p) || usedShadows.has(p)) props.push(p);
  props.push(...unknownMembers(entry, KNOWN, ''));

  const subs: JCalComponent[] = [...people.components, ...loc.components];
  subs.push(...alertsToVAlarms(entry.alerts, str(entry.title) ? entry.title : undefined, ctx.fill));
  subs.push(...components(ical?.components));
  return [[name, props, subs], ...comps];
}

function utc(s: string): string {
  return s.replace(/\.\d+Z$/, 'Z');
}

function setKeys(v: unknown): string[] {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
}

/** DURATION, or DTEND when the source had one or an end-zone Location exists (draft §2.3.14). */
function writeDuration(entry: Entry, form: TimeForm, conv: Record<string, ICalProperty>, end: { id: string; location: Location } | undefined, props: JCalProperty[], ctx: ToICalContext): void {
  const duration = entry.duration;
  if (typeof duration !== 'string') return;
  const asDtend = conv.duration?.name === 'dtend' || end !== undefined;
  const d = parseDuration(duration);
  if (!asDtend || !d || !isLocalDateTime(entry.start)) {
    props.push(withRecorded(['duration', {}, 'duration', duration], conv.duration));
    return;
  }
  const startMs = localToMs(entry.start);
  let endLocal: string;
  let endForm = form;
  let params = recordedParams(conv.duration);
  const zone = form.zoneId ? ctx.zone(form.zoneId) : undefined;
  if (!zone || form.isDate) {
    endLocal = msToLocal(addNominal(startMs, d));
  } else {
    const instant = localToUtcMs(zone, startMs + d.sign * d.days * 86_400_000) + d.sign * d.seconds * 1000;
    endLocal = msToLocal(utcToLocalMs(zone, instant));
    if (end && typeof end.location.timeZone === 'string' && end.location.timeZone !== form.zoneId) {
      const endZone = ctx.zone(end.location.timeZone);
      if (endZone) endLocal = msToLocal(utcToLocalMs(endZone, instant));
      params = recordedParams(end.location.iCalProperty);
      endForm = timeForm(end.location.timeZone, false, endLocal, params.tzid);
    }
  }
  const p = temporalProperty('dtend', endLocal, endForm, ctx, params);
  if (p) props.push(p);
}

function writeRecurrence(entry: Entry, form: TimeForm, shadows: JCalProperty[], usedShadows: Set<JCalProperty>, props: JCalProperty[], children: JCalComponent[], ctx: ToICalContext): void {
  for (const [key, name] of [['recurrenceRules', 'rrule'], ['excludedRecurrenceRules', 'exrule']] as const) {
    const rules = Array.isArray(entry[key]) ? (entry[key] as RecurrenceRule[]) : [];
    const done = new Set<number>();
    for (const shadow of shadows.filter((p) => p[0] === name)) {
      const rule = shadowRule(shadow, form, ctx);
      const i = rule ? rules.findIndex((r, k) => !done.has(k) && sameJson(r, rule)) : -1;
      if (i >= 0) {
        done.add(i);
        usedShadows.add(shadow);
      }
    }
    rules.forEach((rule, i) => {
      if (done.has(i) || !rule || typeof rule !== 'object') return;
      const until = typeof rule.until === 'string' ? untilValue(rule.until, form, ctx) : undefined;
      const recur = ruleToRecur(rule, until);
      if (recur) props.push([name, {}, 'recur', recur]);
      else ctx.issues.push({ message: `recurrence rule with frequency "${String(rule.frequency)}" cannot be written`, code: 'recurrence/invalid' });
    });
  }
  const overrides = entry.recurrenceOverrides && typeof entry.recurrenceOverrides === 'object' ? (entry.recurrenceOverrides as Record<string, Record<string, unknown>>) : {};
  const excluded: string[] = [];
  const extra: string[] = [];
  const overridden: Array<[string, Record<string, unknown>]> = [];
  for (const [key, patch] of Object.entries(overrides)) {
    if (!patch || typeof patch !== 'object') continue;
    if (patch.excluded === true) excluded.push(key);
    else if (Object.keys(patch).length === 0) extra.push(key);
    else overridden.push([key, patch]);
  }
  const covered = new Set<string>();
  for (const shadow of shadows.filter((p) => p[0] === 'exdate' || p[0] === 'rdate')) {
    const keys = shadowKeys(shadow, form, ctx);
    const ok = keys && keys.every((k) => (shadow[0] === 'exdate' ? overrides[k]?.excluded === true : overrides[k] !== undefined));
    if (ok) {
      usedShadows.add(shadow);
      for (const k of keys!) covered.add(`${shadow[0]}:${k}`);
    }
  }
  const ex = temporalList('exdate', excluded.filter((k) => !covered.has(`exdate:${k}`)), form, ctx);
  if (ex) props.push(ex);
  const rd = temporalList('rdate', extra.filter((k) => !covered.has(`rdate:${k}`)), form, ctx);
  if (rd) props.push(rd);
  if (overridden.length === 0) return;
  const base: Record<string, unknown> = { ...entry };
  for (const k of RECURRENCE_MEMBERS) delete base[k];
  for (const [key, patch] of overridden) {
    const applied = applyPatch(base, patch, { mode: 'relaxed' });
    if (!applied.ok) {
      ctx.issues.push({ message: `recurrence override ${key} cannot be applied: ${applied.errors[0]?.message ?? ''}`, path: `/recurrenceOverrides/${key}`, code: 'recurrence/invalid-override' });
      continue;
    }
    const child = applied.value as Entry;
    child.recurrenceId = key;
    if (typeof entry.timeZone === 'string') child.recurrenceIdTimeZone = entry.timeZone;
    else delete child.recurrenceIdTimeZone;
    delete child.excluded;
    children.push(...entryToComponents(child, ctx));
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A kept DUE written the way the entry writes its date-times is a plain
 * duplicate, not a shadow (the forward conversion only shadows a DUE whose
 * form differs from DTSTART's, draft §2.3.17).
 */
function sameForm(prop: JCalProperty, form: TimeForm): boolean {
  const v = prop[3];
  if (typeof v !== 'string') return false;
  if (prop[2] === 'date') return form.isDate;
  if (form.isDate) return false;
  const utc = v.endsWith('Z');
  if (form.zoneId === null) return !utc && prop[1].tzid === undefined;
  if (form.tzid === undefined) return utc;
  return !utc && prop[1].tzid === form.tzid;
}
