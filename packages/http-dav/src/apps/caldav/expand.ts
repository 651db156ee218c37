import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { formatLocalDateTime } from '@almanac/codec-jscalendar/recurrence';
import { occurrencesOf, type Span } from './component-times.js';
import { type CalendarObjectView, type Instance, isOverrideComponent } from './instances.js';
import { childComponents, cloneComponent, compName, firstProperty, propName } from './jcal.js';
import { instantOfValue, type TimeContext } from './times.js';

/** The members of a series that make it recur: an instance has none (RFC 4791 §9.6.5). */
const RECURRENCE_PROPS: ReadonlySet<string> = new Set(['RRULE', 'RDATE', 'EXDATE', 'EXRULE']);

const utcValue = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** A DATE-TIME property with a TZID or floating, written in UTC (RFC 4791 §9.6.5); DATEs stay. */
function inUtc(p: JCalProperty, tc: TimeContext): JCalProperty {
  if (p[2] !== 'date-time' || p.slice(3).every((v) => typeof v === 'string' && v.endsWith('Z'))) return p;
  const { tzid: _tzid, ...params } = p[1];
  const values = p.slice(3).map((v) => {
    const t = instantOfValue(p, v, tc);
    return t === undefined ? v : utcValue(t);
  });
  return [p[0], params, p[2], ...values];
}

/** Sets the value of a date or date-time property, keeping its kind (a DATE stays a DATE). */
function setTime(c: JCalComponent, name: string, ms: number, tc: TimeContext): void {
  const i = c[1].findIndex((p) => propName(p) === name);
  if (i < 0) return;
  const old = c[1][i]!;
  const { tzid: _tzid, ...params } = old[1];
  c[1][i] = old[2] === 'date'
    ? [old[0], params, 'date', formatLocalDateTime(tc.floating.toWall(ms)).slice(0, 10)]
    : [old[0], params, 'date-time', utcValue(ms)];
}

/** One instance as a stand-alone component: its times in UTC, RECURRENCE-ID set, no recurrence. */
function instanceComponent(view: CalendarObjectView, source: JCalComponent, instance: Instance): JCalComponent {
  const c = cloneComponent(source);
  c[1] = c[1].filter((p) => !RECURRENCE_PROPS.has(propName(p)));
  if (view.recurs && !isOverrideComponent(source)) {
    setTime(c, 'DTSTART', instance.start, view.tc);
    setTime(c, 'DTEND', instance.end, view.tc);
    setTime(c, 'DUE', instance.end, view.tc);
    const original = view.recurrenceInstant(instance.recurrenceId);
    const start = firstProperty(c, 'DTSTART');
    if (original !== undefined) {
      c[1].push(start?.[2] === 'date'
        ? ['recurrence-id', {}, 'date', instance.recurrenceId.slice(0, 10)]
        : ['recurrence-id', {}, 'date-time', utcValue(original)]);
    }
  }
  c[1] = c[1].map((p) => inUtc(p, view.tc));
  return c;
}

/**
 * RFC 4791 §9.6.5 `expand`: the object as the instances overlapping the span, each a component of
 * its own with DATE-TIMEs in UTC, a RECURRENCE-ID, and no RRULE/RDATE/EXDATE; overridden instances
 * from their override component. VTIMEZONEs are left out (nothing refers to them any more).
 */
export function expandedVCalendar(view: CalendarObjectView, span: Span): JCalComponent {
  const others = childComponents(view.vcalendar).filter((c) => compName(c) !== view.type && compName(c) !== 'VTIMEZONE');
  const instances: JCalComponent[] = [];
  if (view.type === 'VTODO' && !view.recurs) {
    for (const c of view.components) if (occurrencesOf(view, c, span).length) instances.push(instanceComponent(view, c, { recurrenceId: '', start: 0, end: 0, isOverride: false }));
  } else {
    for (const instance of view.instances(span.from, span.to)) {
      const source = view.componentOf(instance);
      if (source) instances.push(instanceComponent(view, source, instance));
    }
  }
  return [view.vcalendar[0], view.vcalendar[1], [...instances, ...others]];
}

/**
 * RFC 4791 §9.6.6 `limit-recurrence-set`: the main component and only the overrides that concern
 * the span (their original or their new time overlaps it); the rest of the object unchanged.
 */
export function limitedRecurrenceSet(view: CalendarObjectView, span: Span): JCalComponent {
  const touched = new Set<JCalComponent>();
  for (const instance of view.instances(span.from, span.to)) {
    const c = view.componentOf(instance);
    if (c) touched.add(c);
  }
  const keep = (c: JCalComponent) => {
    if (compName(c) !== view.type || !isOverrideComponent(c) || touched.has(c)) return true;
    const rid = firstProperty(c, 'RECURRENCE-ID');
    const t = rid && instantOfValue(rid, rid[3], view.tc);
    return t !== undefined && t >= span.from && t < span.to;
  };
  return [view.vcalendar[0], view.vcalendar[1], childComponents(view.vcalendar).filter(keep)];
}
