import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import type { Alert } from '../../types/jscalendar.js';
import { contentId, isId } from '../ids.js';
import { alarmContentKey } from '../from-ical/alerts.js';
import { recordedParams, unknownMembers } from './params.js';

const KNOWN = new Set(['@type', 'trigger', 'acknowledged', 'relatedTo', 'action', 'iCalComponent']);

/**
 * Alerts as VALARM components (draft §3.1). RELATED-TO between alerts names
 * the target VALARM's UID (added to it when missing). An alert whose key is
 * not the one the conversion back would derive gets a JSCAL-ID property.
 */
export function alertsToVAlarms(alerts: unknown, fallbackDescription: string | undefined, fill: boolean): JCalComponent[] {
  if (!alerts || typeof alerts !== 'object') return [];
  const entries = (Object.entries(alerts) as Array<[string, Alert]>).filter(([, a]) => a && typeof a === 'object');
  const uidOf = new Map<string, string>();
  const needUid = new Set<string>();
  for (const [, a] of entries) for (const target of Object.keys(a.relatedTo ?? {})) needUid.add(target);
  for (const [id, a] of entries) {
    const raw = Array.isArray(a.iCalComponent?.properties) ? (a.iCalComponent!.properties as JCalProperty[]).find((p) => p[0] === 'uid') : undefined;
    if (raw && typeof raw[3] === 'string') uidOf.set(id, raw[3]);
    else if (needUid.has(id)) uidOf.set(id, id);
  }
  const out: JCalComponent[] = [];
  for (const [id, a] of entries) {
    const props: JCalProperty[] = [];
    const ical = a.iCalComponent && typeof a.iCalComponent === 'object' ? a.iCalComponent : undefined;
    const kept = Array.isArray(ical?.properties) ? (ical!.properties as JCalProperty[]) : [];
    const recordedTrigger = ical?.convertedProperties?.trigger;
    const trigger = a.trigger as Record<string, unknown> | undefined;
    if (trigger?.['@type'] === 'OffsetTrigger' && typeof trigger.offset === 'string') {
      const params: Record<string, string | string[]> = trigger.relativeTo === 'end' ? { related: 'END' } : {};
      props.push(['trigger', { ...params, ...recordedParams(recordedTrigger) }, 'duration', trigger.offset]);
    } else if (trigger?.['@type'] === 'AbsoluteTrigger' && typeof trigger.when === 'string') {
      props.push(['trigger', recordedParams(recordedTrigger), 'date-time', trigger.when.replace(/\.\d+Z$/, 'Z')]);
    }
    if (typeof a.action === 'string' && (a.action === 'display' || a.action === 'email')) props.push(['action', {}, 'text', a.action.toUpperCase()]);
    else if (!kept.some((p) => p[0] === 'action') && fill) props.push(['action', {}, 'text', 'DISPLAY']);
    if (typeof a.acknowledged === 'string') props.push(['acknowledged', {}, 'date-time', a.acknowledged.replace(/\.\d+Z$/, 'Z')]);
    for (const [target, rel] of Object.entries(a.relatedTo ?? {})) {
      const uid = uidOf.get(target) ?? target;
      const types = rel && typeof rel === 'object' && rel.relation ? Object.keys(rel.relation) : [];
      props.push(['related-to', types.length > 0 ? { reltype: types[0]!.toUpperCase() } : {}, 'text', uid]);
    }
    props.push(...kept);
    const uid = uidOf.get(id);
    if (uid !== undefined && !kept.some((p) => p[0] === 'uid')) props.push(['uid', {}, 'text', uid]);
    const action = (props.find((p) => p[0] === 'action')?.[3] as string | undefined) ?? '';
    if (fill && (action === 'DISPLAY' || action === 'EMAIL') && !props.some((p) => p[0] === 'description')) props.push(['description', {}, 'text', fallbackDescription ?? 'Reminder']);
    const comps = Array.isArray(ical?.components) ? (ical!.components as JCalComponent[]) : [];
    const derived = uid !== undefined && isId(uid) ? uid === id : id.startsWith('a') && isDerivedAlertId(id, uid, props, comps);
    if (!derived) props.push(['jscal-id', {}, 'text', id]);
    props.push(...unknownMembers(a as Record<string, unknown>, KNOWN, ''));
    out.push(['valarm', props, comps]);
  }
  return out;
}

/** Mirrors the Id the iCalendar → JSCalendar conversion derives for a VALARM without JSCAL-ID. */
function isDerivedAlertId(id: string, uid: string | undefined, props: JCalProperty[], comps: JCalComponent[]): boolean {
  const derived = `a${contentId(uid ?? alarmContentKey(props, comps))}`;
  // Identical alarms get `-2`, `-3`… (freeId) in the order they are read.
  return id === derived || (id.startsWith(`${derived}-`) && /^\d+$/.test(id.slice(derived.length + 1)));
}
