import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { setKey } from '../../json-util.js';
import { diffPatch } from '@almanac/codec-patchobject';
import type { Issue } from '../../issues.js';
import type { Event, Group, Link, Task, TimeZone } from '../../types/jscalendar.js';
import { vtimezoneToTimeZone } from '../timezones.js';
import { FromICalContext } from './context.js';
import { convertEntry, type ConvertedEntry } from './entry.js';
import { addLink, LINK_PROPERTIES, propertyToLink } from './links.js';
import { describeProperty, hasNoParams, Residual } from './residual.js';
import { inZone } from './temporal.js';

/**
 * RFC 8984 §4.3.5: members a recurrence override must not patch. An override
 * that differs in one of them stays a stand-alone instance instead.
 */
export const NOT_PATCHABLE = ['@type', 'excludedRecurrenceRules', 'method', 'privacy', 'prodId', 'recurrenceId', 'recurrenceIdTimeZone', 'recurrenceOverrides', 'recurrenceRules', 'relatedTo', 'replyTo', 'sentBy', 'timeZones', 'uid'] as const;

/** Converts one VCALENDAR (draft §2.1.1) into a Group; `issues` collects what was worked around. */
export function convertCalendar(vcal: JCalComponent, issues: Issue[]): Group {
  const vtimezones = new Map<string, JCalComponent>();
  for (const c of vcal[2]) {
    const tzid = c[0] === 'vtimezone' ? c[1].find((p) => p[0] === 'tzid')?.[3] : undefined;
    if (typeof tzid === 'string' && !vtimezones.has(tzid)) vtimezones.set(tzid, c);
  }
  const ctx = new FromICalContext(vtimezones);
  const group = { '@type': 'Group', entries: [] } as unknown as Group & Record<string, unknown>;
  const residual = new Residual('vcalendar');
  const links: Record<string, Link> = {};
  let method: string | undefined;
  let prodId: string | undefined;
  const simple = (key: string, prop: JCalProperty, ok: boolean): void => {
    if (!ok || group[key] !== undefined || prop.length !== 4) return residual.keep(prop);
    group[key] = prop[3];
    if (!hasNoParams(prop)) residual.convertedProperty(key, describeProperty(prop[0], { ...prop[1] })!);
  };
  for (const prop of vcal[1]) {
    const [name, , type] = prop;
    const v = prop[3];
    const s = typeof v === 'string' ? v : undefined;
    switch (name) {
      case 'prodid': simple('prodId', prop, s !== undefined); prodId = group.prodId; break;
      case 'uid': simple('uid', prop, s !== undefined); break;
      case 'name': simple('title', prop, s !== undefined && type === 'text'); break;
      case 'description': simple('description', prop, s !== undefined && type === 'text' && prop[1].derived === undefined); break;
      case 'color': simple('color', prop, s !== undefined && type === 'text'); break;
      case 'source': simple('source', prop, s !== undefined && type === 'uri'); break;
      case 'created': simple('created', prop, s !== undefined && type === 'date-time' && s.endsWith('Z')); break;
      case 'last-modified': simple('updated', prop, s !== undefined && type === 'date-time' && s.endsWith('Z')); break;
      case 'method':
        if (method === undefined && s !== undefined && s === s.toUpperCase() && hasNoParams(prop) && prop.length === 4) method = s.toLowerCase();
        else residual.keep(prop);
        break;
      case 'categories':
      case 'concept': {
        const key = name === 'categories' ? 'keywords' : 'categories';
        if (!hasNoParams(prop) || !prop.slice(3).every((x) => typeof x === 'string')) { residual.keep(prop); break; }
        const set = (group[key] as Record<string, true> | undefined) ?? {};
        for (const x of prop.slice(3) as string[]) setKey(set, x, true);
        group[key] = set;
        break;
      }
      default:
        if (LINK_PROPERTIES.has(name) && propertyToLink(prop)) addLink(links, propertyToLink(prop)!);
        else residual.keep(prop);
    }
  }
  if (Object.keys(links).length > 0) group.links = links;

  const converted: ConvertedEntry[] = [];
  for (const c of vcal[2]) {
    if (c[0] === 'vevent' || c[0] === 'vtodo') converted.push(convertEntry(c, ctx));
    else if (c[0] !== 'vtimezone') residual.keepComponent(c);
  }
  // METHOD lives on the entries; without entries it stays as written.
  if (method !== undefined && converted.length === 0) residual.keep(vcal[1].find((p) => p[0] === 'method')!);
  for (const c of converted) {
    if (method !== undefined) c.entry.method = method;
    if (prodId !== undefined) c.entry.prodId = prodId;
  }
  group.entries = attachOverrides(converted);

  // Custom zones become TimeZone objects (draft §2.1.4); definitions of IANA
  // and mapped zones are kept as written for a lossless way back.
  const timeZones: Record<string, TimeZone> = {};
  for (const [tzid, comp] of vtimezones) {
    const resolved = ctx.zone(tzid);
    const tz = resolved.id.startsWith('/') ? vtimezoneToTimeZone(comp) : undefined;
    if (tz) timeZones[resolved.id] = tz;
    else residual.keepComponent(comp);
  }
  for (const c of vcal[2]) {
    // A second VTIMEZONE for the same TZID is kept as it is.
    if (c[0] === 'vtimezone' && vtimezones.get(String(c[1].find((p) => p[0] === 'tzid')?.[3])) !== c) residual.keepComponent(c);
  }
  if (Object.keys(timeZones).length > 0) group.timeZones = timeZones;
  const ical = residual.build();
  if (ical) group.iCalComponent = ical;
  issues.push(...ctx.issues);
  return group;
}

/**
 * Folds recurrence overrides (same UID, RECURRENCE-ID) into their main
 * component's `recurrenceOverrides` as PatchObjects (draft §2.1.2). Overrides
 * whose main component is missing, or that cannot be expressed as a patch
 * without loss, stay stand-alone instances with `recurrenceId`.
 */
function attachOverrides(converted: ConvertedEntry[]): Array<Event | Task> {
  const mains = new Map<string, ConvertedEntry>();
  for (const c of converted) {
    const e = c.entry;
    if (c.recurrenceId || typeof e.uid !== 'string') continue;
    if (mains.has(e.uid)) mains.set(e.uid, undefined as unknown as ConvertedEntry); // ambiguous
    else if (e.recurrenceRules || e.recurrenceOverrides) mains.set(e.uid, c);
  }
  const out: Array<Event | Task> = [];
  for (const c of converted) {
    const main = c.recurrenceId && typeof c.entry.uid === 'string' ? mains.get(c.entry.uid) : undefined;
    if (!main || !asOverride(main, c)) out.push(c.entry);
  }
  return out;
}

function stripped(e: Event | Task): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...e };
  for (const k of NOT_PATCHABLE) delete copy[k];
  return copy;
}

function asOverride(main: ConvertedEntry, child: ConvertedEntry): boolean {
  const m = main.entry as unknown as Record<string, unknown>;
  const c = child.entry as unknown as Record<string, unknown>;
  const rid = child.recurrenceId!;
  if (m['@type'] !== c['@type']) return false;
  for (const k of NOT_PATCHABLE) {
    if (k === 'recurrenceId' || k === 'recurrenceIdTimeZone' || k === 'recurrenceOverrides' || k === 'recurrenceRules' || k === 'uid' || k === '@type') continue;
    if (JSON.stringify(m[k]) !== JSON.stringify(c[k])) return false;
  }
  if (c.recurrenceRules || c.recurrenceOverrides || c.excludedRecurrenceRules) return false;
  // The key is the RECURRENCE-ID in the main component's time zone; it must
  // be written back exactly as it was.
  const start = main.start;
  const zoneId = start?.zoneId ?? null;
  if (rid.zoneId !== zoneId || rid.isDate !== (start?.isDate ?? false) || (rid.tzid ?? undefined) !== (start?.tzid ?? undefined)) return false;
  const key = inZone(rid, zoneId, start?.zone);
  const overrides = ((m.recurrenceOverrides ??= {}) as Record<string, Record<string, unknown>>);
  const existing = overrides[key];
  if (existing && Object.keys(existing).length > 0) return false;
  const patch = diffPatch(stripped(main.entry), stripped(child.entry));
  if (existing) {
    // An RDATE that also has an override: keep the RDATE itself as written.
    const ical = (m.iCalComponent ??= { '@type': 'ICalComponent', name: String(m['@type']) === 'Task' ? 'vtodo' : 'vevent' }) as { properties?: unknown[][] };
    (ical.properties ??= []).push(rdateFor(key, start));
  }
  // An override identical to its occurrence still needs a non-empty patch
  // (an empty one means RDATE): restate the iCalComponent.
  overrides[key] = Object.keys(patch).length > 0 ? patch : { iCalComponent: m.iCalComponent ?? { '@type': 'ICalComponent', name: m['@type'] === 'Task' ? 'vtodo' : 'vevent' } };
  return true;
}

function rdateFor(key: string, start: ConvertedEntry['start']): unknown[] {
  if (start?.isDate) return ['rdate', {}, 'date', key.slice(0, 10)];
  if (start?.utc) return ['rdate', {}, 'date-time', `${key}Z`];
  return ['rdate', start?.tzid ? { tzid: start.tzid } : {}, 'date-time', key];
}
