import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { parseDuration } from '../../datetime.js';
import type { Alert, Relation } from '../../types/jscalendar.js';
import { contentId, freeId, isId } from '../ids.js';
import { applyJscalProps } from './jscal-prop.js';
import { describeProperty, leftoverParams, Residual } from './residual.js';
import type { Issue } from '../../issues.js';

const ACTIONS: Record<string, string> = { DISPLAY: 'display', EMAIL: 'email' };

/**
 * VALARM components as Alert objects (draft §2.2.2): TRIGGER, ACTION
 * (DISPLAY/EMAIL), ACKNOWLEDGED and RELATED-TO convert; everything else
 * (DESCRIPTION, SUMMARY, UID, REPEAT, DURATION, ATTENDEE, AUDIO actions…)
 * stays in the Alert's `iCalComponent`. Ids come from JSCAL-ID, else the UID
 * when it is a valid Id, else the content.
 */
export function convertAlarms(alarms: JCalComponent[], issues: Issue[]): Record<string, Alert> {
  const alerts: Record<string, Alert> = {};
  const idByUid = new Map<string, string>();
  const pending: Array<{ alert: Alert; related: JCalProperty[]; residual: Residual; jscal: JCalProperty[] }> = [];
  for (const alarm of alarms) {
    const alert = { '@type': 'Alert' } as Alert;
    const residual = new Residual('valarm');
    const related: JCalProperty[] = [];
    const jscal: JCalProperty[] = [];
    let uid: string | undefined;
    let explicitId: string | undefined;
    for (const prop of alarm[1]) {
      const [name, params] = prop;
      const v = prop[3];
      const single = prop.length === 4;
      if (name === 'trigger' && alert.trigger === undefined && single && typeof v === 'string' && convertTrigger(prop, alert, residual)) continue;
      if (name === 'action' && alert.action === undefined && single && typeof v === 'string' && ACTIONS[v] && Object.keys(params).length === 0) {
        alert.action = ACTIONS[v];
        continue;
      }
      if (name === 'acknowledged' && alert.acknowledged === undefined && single && typeof v === 'string' && v.endsWith('Z') && Object.keys(params).length === 0) {
        alert.acknowledged = v;
        continue;
      }
      if (name === 'related-to' && single && typeof v === 'string') {
        related.push(prop);
        continue;
      }
      if (name === 'jscal-id' && single && typeof v === 'string' && isId(v) && explicitId === undefined) {
        explicitId = v;
        continue;
      }
      if (name === 'jscal-prop') {
        jscal.push(prop);
        continue;
      }
      if (name === 'uid' && typeof v === 'string') uid = v;
      residual.keep(prop);
    }
    for (const sub of alarm[2]) residual.keepComponent(sub);
    const id = explicitId ?? freeId(alerts, uid !== undefined && isId(uid) ? uid : `a${contentId(uid ?? alarmContentKey(alarm[1], alarm[2]))}`);
    if (uid !== undefined) idByUid.set(uid, id);
    alerts[id] = alert;
    pending.push({ alert, related, residual, jscal });
  }
  // RELATED-TO in a VALARM names another VALARM by UID (draft §2.3.36).
  for (const { alert, related, residual, jscal } of pending) {
    for (const prop of related) {
      const target = idByUid.get(prop[3] as string);
      const reltype = prop[1].reltype;
      const rest = leftoverParams(prop, ['reltype']);
      if (target === undefined || rest || (reltype !== undefined && (typeof reltype !== 'string' || reltype !== reltype.toUpperCase()))) {
        residual.keep(prop);
        continue;
      }
      const relation: Relation = { '@type': 'Relation' };
      if (typeof reltype === 'string') relation.relation = { [reltype.toLowerCase()]: true };
      (alert.relatedTo ??= {})[target] = relation;
    }
    const ical = residual.build();
    if (ical) alert.iCalComponent = ical;
    if (jscal.length > 0) applyJscalProps(alert as unknown as Record<string, unknown>, jscal, issues);
  }
  return alerts;
}

function convertTrigger(prop: JCalProperty, alert: Alert, residual: Residual): boolean {
  const [, params, type] = prop;
  const v = prop[3] as string;
  if (type === 'duration' && parseDuration(v)) {
    const related = params.related;
    if (related !== undefined && related !== 'END' && related !== 'START') return false;
    alert.trigger = { '@type': 'OffsetTrigger', offset: v };
    if (related === 'END') alert.trigger.relativeTo = 'end';
    const rest = leftoverParams(prop, related === 'END' ? ['related'] : []);
    if (rest) residual.convertedProperty('trigger', describeProperty('trigger', rest)!);
    return true;
  }
  if (type === 'date-time' && v.endsWith('Z')) {
    const rest = leftoverParams(prop, []);
    alert.trigger = { '@type': 'AbsoluteTrigger', when: v };
    if (rest) residual.convertedProperty('trigger', describeProperty('trigger', rest)!);
    return true;
  }
  return false;
}

/**
 * What an alert Id is derived from when the VALARM has neither JSCAL-ID nor
 * UID: its properties and subcomponents, independent of their order (the way
 * back writes properties in its own order and must derive the same Id).
 */
export function alarmContentKey(props: JCalProperty[], comps: JCalComponent[]): string {
  const parts: string[] = [];
  for (const p of props) {
    if (p[0] === 'jscal-prop' || p[0] === 'jscal-id') continue;
    let key = `${p[0]}\u0001${p[2]}\u0001`;
    const names = Object.keys(p[1]);
    if (names.length > 1) names.sort();
    for (const n of names) key += `${n}=${String(p[1][n])};`;
    for (let i = 3; i < p.length; i++) {
      const v = p[i];
      key += `\u0001${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
    }
    parts.push(key);
  }
  parts.sort();
  for (const c of comps) parts.push(JSON.stringify(c));
  return parts.join('\u0002');
}
