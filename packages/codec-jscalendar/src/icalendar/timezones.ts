import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { setKey } from '../json-util.js';
import type { TimeZone, TimeZoneRule } from '../types/jscalendar.js';
import { recurToRule, ruleToRecur } from './recur.js';
import { Residual } from './from-ical/residual.js';

/** `-04:00` (jCal) → `-0400` (JSCalendar, as in the draft's examples). */
function offsetToJs(v: string): string {
  return v.replace(/:/g, '');
}

/** `-0400` → `-04:00`. */
function offsetToJCal(v: string): string {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(v);
  return m ? `${m[1]}${m[2]}:${m[3]}${m[4] ? `:${m[4]}` : ''}` : v;
}

const plain = (p: JCalProperty) => Object.keys(p[1]).length === 0 && p.length === 4;

/**
 * A VTIMEZONE as a TimeZone object (draft §2.2.5): TZID, TZID-ALIAS-OF,
 * LAST-MODIFIED, TZURL, TZUNTIL and the STANDARD/DAYLIGHT observances
 * (DTSTART, TZOFFSETFROM/TO, TZNAME, COMMENT, RRULE, RDATE) convert; the rest
 * stays in `iCalComponent` of the zone or rule.
 */
export function vtimezoneToTimeZone(comp: JCalComponent): TimeZone | undefined {
  const tz = { '@type': 'TimeZone' } as TimeZone;
  const residual = new Residual('vtimezone');
  for (const prop of comp[1]) {
    const [name] = prop;
    const v = prop[3];
    if (name === 'tzid' && typeof v === 'string' && plain(prop) && tz.tzId === undefined) tz.tzId = v;
    else if (name === 'tzid-alias-of' && typeof v === 'string' && plain(prop) && !tz.aliases?.[v]) setKey((tz.aliases ??= {}), v, true);
    else if (name === 'last-modified' && typeof v === 'string' && v.endsWith('Z') && plain(prop) && tz.updated === undefined) tz.updated = v;
    else if (name === 'tzurl' && typeof v === 'string' && plain(prop) && tz.url === undefined) tz.url = v;
    else if (name === 'tzuntil' && typeof v === 'string' && v.endsWith('Z') && plain(prop) && tz.validUntil === undefined) tz.validUntil = v;
    else residual.keep(prop);
  }
  if (tz.tzId === undefined) return undefined;
  for (const sub of comp[2]) {
    const rule = sub[0] === 'standard' || sub[0] === 'daylight' ? observanceToRule(sub) : undefined;
    if (rule) ((sub[0] === 'standard' ? (tz.standard ??= []) : (tz.daylight ??= [])) as TimeZoneRule[]).push(rule);
    else residual.keepComponent(sub);
  }
  const ical = residual.build();
  if (ical) tz.iCalComponent = ical;
  return tz;
}

function observanceToRule(comp: JCalComponent): TimeZoneRule | undefined {
  const rule = { '@type': 'TimeZoneRule' } as TimeZoneRule;
  const residual = new Residual(comp[0]);
  for (const prop of comp[1]) {
    const [name, , type] = prop;
    const v = prop[3];
    if (name === 'dtstart' && type === 'date-time' && typeof v === 'string' && v.length === 19 && plain(prop) && rule.start === undefined) rule.start = v;
    else if (name === 'tzoffsetfrom' && type === 'utc-offset' && typeof v === 'string' && plain(prop) && rule.offsetFrom === undefined) rule.offsetFrom = offsetToJs(v);
    else if (name === 'tzoffsetto' && type === 'utc-offset' && typeof v === 'string' && plain(prop) && rule.offsetTo === undefined) rule.offsetTo = offsetToJs(v);
    else if (name === 'tzname' && typeof v === 'string' && plain(prop) && !rule.names?.[v]) setKey((rule.names ??= {}), v, true);
    else if (name === 'comment' && typeof v === 'string' && plain(prop)) (rule.comments ??= []).push(v);
    else if (name === 'rrule' && type === 'recur' && plain(prop) && typeof v === 'object' && v !== null) {
      const r = recurToRule(v as Record<string, unknown>);
      const until = r?.until;
      // RFC 5545 §3.6.5: UNTIL in an observance is UTC; JSCalendar keeps it floating.
      if (r && (until === undefined || until.length === 20)) {
        if (until) r.rule.until = until.slice(0, 19);
        (rule.recurrenceRules ??= []).push(r.rule);
      } else residual.keep(prop);
    } else if (name === 'rdate' && (type === 'date-time' || type === 'date') && plain(prop) === false && Object.keys(prop[1]).length === 0) {
      for (const d of prop.slice(3)) (rule.recurrenceOverrides ??= {})[type === 'date' ? `${d}T00:00:00` : String(d)] = {};
    } else if (name === 'rdate' && (type === 'date-time') && plain(prop) && typeof v === 'string' && v.length === 19) {
      (rule.recurrenceOverrides ??= {})[v] = {};
    } else residual.keep(prop);
  }
  if (rule.start === undefined || rule.offsetFrom === undefined || rule.offsetTo === undefined) return undefined;
  for (const sub of comp[2]) residual.keepComponent(sub);
  const ical = residual.build();
  if (ical) rule.iCalComponent = ical;
  return rule;
}

/** A TimeZone object as a VTIMEZONE (draft §3.6). */
export function timeZoneToVtimezone(tz: TimeZone): JCalComponent {
  const props: JCalProperty[] = [['tzid', {}, 'text', String(tz.tzId)]];
  for (const alias of Object.keys(tz.aliases ?? {})) props.push(['tzid-alias-of', {}, 'text', alias]);
  if (typeof tz.updated === 'string') props.push(['last-modified', {}, 'date-time', tz.updated.replace(/\.\d+Z$/, 'Z')]);
  if (typeof tz.url === 'string') props.push(['tzurl', {}, 'uri', tz.url]);
  if (typeof tz.validUntil === 'string') props.push(['tzuntil', {}, 'date-time', tz.validUntil.replace(/\.\d+Z$/, 'Z')]);
  const comps: JCalComponent[] = [];
  for (const kind of ['standard', 'daylight'] as const) {
    for (const rule of (tz[kind] ?? []) as TimeZoneRule[]) comps.push(ruleToObservance(kind, rule));
  }
  const ical = tz.iCalComponent;
  if (ical && Array.isArray(ical.properties)) props.push(...(ical.properties as JCalProperty[]));
  if (ical && Array.isArray(ical.components)) comps.push(...(ical.components as JCalComponent[]));
  return ['vtimezone', props, comps];
}

function ruleToObservance(kind: string, rule: TimeZoneRule): JCalComponent {
  const props: JCalProperty[] = [
    ['dtstart', {}, 'date-time', String(rule.start)],
    ['tzoffsetfrom', {}, 'utc-offset', offsetToJCal(String(rule.offsetFrom))],
    ['tzoffsetto', {}, 'utc-offset', offsetToJCal(String(rule.offsetTo))],
  ];
  for (const name of Object.keys(rule.names ?? {})) props.push(['tzname', {}, 'text', name]);
  for (const c of rule.comments ?? []) props.push(['comment', {}, 'text', String(c)]);
  for (const r of rule.recurrenceRules ?? []) {
    const recur = ruleToRecur(r, typeof r.until === 'string' ? `${r.until}Z` : undefined);
    if (recur) props.push(['rrule', {}, 'recur', recur]);
  }
  const rdates = Object.keys(rule.recurrenceOverrides ?? {});
  if (rdates.length > 0) props.push(['rdate', {}, 'date-time', ...rdates]);
  const comps: JCalComponent[] = [];
  const ical = rule.iCalComponent;
  if (ical && Array.isArray(ical.properties)) props.push(...(ical.properties as JCalProperty[]));
  if (ical && Array.isArray(ical.components)) comps.push(...(ical.components as JCalComponent[]));
  return [kind, props, comps];
}
