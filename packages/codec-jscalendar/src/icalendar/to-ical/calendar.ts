import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import type { Event, Group, ICalProperty, Task, TimeZone } from '../../types/jscalendar.js';
import { timeZoneToVtimezone } from '../timezones.js';
import { isIanaZone } from '../zones/iana.js';
import { ianaToVtimezone } from '../zones/vtimezone.js';
import { components, ToICalContext, type ToICalendarOptions } from './context.js';
import { entryToComponents } from './entry.js';
import { linksToProperties } from './links.js';
import { recordedParams, unknownMembers, withRecorded } from './params.js';

const KNOWN = new Set(['@type', 'uid', 'prodId', 'created', 'updated', 'title', 'description', 'color', 'keywords', 'categories', 'links', 'entries', 'source', 'timeZones', 'iCalComponent']);
const DEFAULT_PRODID = '-//Almanac//codec-jscalendar//EN';

/**
 * A Group (or a lone Event/Task) as one VCALENDAR (draft §3.3). VTIMEZONEs
 * come from `timeZones`, from definitions kept by the conversion from
 * iCalendar, and — for IANA zones without one — from the platform's tz data.
 */
export function groupToVCalendar(input: Group | Event | Task, options: ToICalendarOptions): { vcalendar: JCalComponent; ctx: ToICalContext } {
  const group = (input['@type'] === 'Group' ? input : { '@type': 'Group', entries: [input] }) as Group & Record<string, unknown>;
  const entries = (Array.isArray(group.entries) ? group.entries : []).filter((e) => e && typeof e === 'object') as Array<(Event | Task) & Record<string, unknown>>;
  const timeZones: Record<string, TimeZone> = {};
  for (const source of [group.timeZones, ...entries.map((e) => e.timeZones)]) {
    if (source && typeof source === 'object') Object.assign(timeZones, source);
  }
  const ctx = new ToICalContext(options, timeZones);
  const ical = group.iCalComponent && typeof group.iCalComponent === 'object' ? group.iCalComponent : undefined;
  const conv = (ical?.convertedProperties ?? {}) as Record<string, ICalProperty>;
  const kept = Array.isArray(ical?.properties) ? (ical!.properties as JCalProperty[]) : [];
  const props: JCalProperty[] = [];
  const add = (key: string, prop: JCalProperty) => props.push(withRecorded(prop, conv[key]));
  const str = (v: unknown): v is string => typeof v === 'string';

  if (ctx.fill && !kept.some((p) => p[0] === 'version')) props.push(['version', {}, 'text', '2.0']);
  const prodId = str(group.prodId) ? group.prodId : entries.map((e) => e.prodId).find(str);
  if (prodId !== undefined) add('prodId', ['prodid', {}, 'text', prodId]);
  else if (ctx.fill && !kept.some((p) => p[0] === 'prodid')) props.push(['prodid', {}, 'text', options.prodId ?? DEFAULT_PRODID]);
  const method = entries.map((e) => e.method).find(str);
  if (method !== undefined) props.push(['method', {}, 'text', method.toUpperCase()]);
  if (str(group.uid)) add('uid', ['uid', {}, 'text', group.uid]);
  if (str(group.title)) add('title', ['name', {}, 'text', group.title]);
  if (str(group.description)) add('description', ['description', {}, 'text', group.description]);
  if (str(group.color)) add('color', ['color', {}, 'text', group.color]);
  if (str(group.source)) add('source', ['source', {}, 'uri', group.source]);
  if (str(group.created)) add('created', ['created', {}, 'date-time', group.created.replace(/\.\d+Z$/, 'Z')]);
  if (str(group.updated)) add('updated', ['last-modified', {}, 'date-time', group.updated.replace(/\.\d+Z$/, 'Z')]);
  const keywords = group.keywords && typeof group.keywords === 'object' ? Object.keys(group.keywords) : [];
  if (keywords.length > 0) props.push(['categories', {}, 'text', ...keywords]);
  for (const c of group.categories && typeof group.categories === 'object' ? Object.keys(group.categories) : []) props.push(['concept', {}, 'uri', c]);
  props.push(...linksToProperties(group.links, ''));
  props.push(...kept);
  props.push(...unknownMembers(group, KNOWN, ''));

  const entryComps: JCalComponent[] = [];
  entries.forEach((e, i) => {
    const before = ctx.issues.length;
    entryComps.push(...entryToComponents(e, ctx));
    for (let k = before; k < ctx.issues.length; k++) ctx.issues[k]!.path = `/entries/${i}${ctx.issues[k]!.path ?? ''}`;
  });

  const keptComps = components(ical?.components);
  const zoneComps: JCalComponent[] = [];
  const defined = new Set<string>();
  for (const c of keptComps) {
    const tzid = c[0] === 'vtimezone' ? c[1].find((p) => p[0] === 'tzid')?.[3] : undefined;
    if (typeof tzid === 'string') defined.add(tzid);
  }
  const written = new Set<string>();
  for (const tz of Object.values(timeZones)) {
    if (!tz || typeof tz !== 'object' || typeof tz.tzId !== 'string' || written.has(tz.tzId)) continue;
    zoneComps.push(timeZoneToVtimezone(tz));
    written.add(tz.tzId);
    defined.add(tz.tzId);
  }
  for (const [tzid, use] of ctx.usedZones) {
    if (defined.has(tzid)) continue;
    if (ctx.fill && isIanaZone(use.id)) {
      const vtz = ianaToVtimezone(use.id, use.from - 1, use.to + 1);
      if (tzid !== use.id) vtz[1][0] = ['tzid', {}, 'text', tzid];
      zoneComps.push(vtz);
    } else if (ctx.fill) {
      ctx.issues.push({ message: `no definition for time zone "${tzid}"`, code: 'timezone/undefined' });
    }
    defined.add(tzid);
  }
  void recordedParams;
  return { vcalendar: ['vcalendar', props, [...zoneComps, ...keptComps.filter((c) => c[0] === 'vtimezone'), ...entryComps, ...keptComps.filter((c) => c[0] !== 'vtimezone')]], ctx };
}
