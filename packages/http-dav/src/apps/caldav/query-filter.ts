import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import type { CompFilter, ParamFilter, PropFilter } from '../../xml/requests/calendar-query.js';
import { type TextMatch, textMatches } from '../../xml/requests/text-match.js';
import { alarmTriggersIn } from './alarms.js';
import { journalOverlaps, occurrencesOf, type Span, spanOf } from './component-times.js';
import type { CalendarObjectView } from './instances.js';
import { childComponents, compName, paramValues, propertiesNamed, propertyTexts } from './jcal.js';
import { instantOf } from './times.js';

/**
 * A text-match against the values of one property or parameter (RFC 4791 §9.7.5). A multi-valued
 * one (CATEGORIES, a list parameter) matches when one value does, or the values as written
 * together; negated, when none does.
 */
function textMatchesAny(values: readonly string[], match: TextMatch): boolean {
  const candidates = values.length > 1 ? [...values, values.join(',')] : values;
  if (candidates.length === 0) return match.negate;
  return match.negate ? candidates.every((v) => textMatches(v, match)) : candidates.some((v) => textMatches(v, match));
}

/** RFC 4791 §9.7.3: a param-filter on one property. */
function paramMatches(p: JCalProperty, filter: ParamFilter): boolean {
  const values = paramValues(p, filter.name);
  if (filter.isNotDefined) return values.length === 0;
  if (values.length === 0) return false;
  return filter.textMatch ? textMatchesAny(values, filter.textMatch) : true;
}

/** RFC 4791 §9.9 for properties (DTSTAMP, DTSTART, COMPLETED, …): the value is an instant in [from, to). */
function propertyInRange(p: JCalProperty, view: CalendarObjectView, span: Span): boolean {
  const t = instantOf(p, view.tc);
  return t !== undefined && t >= span.from && t < span.to;
}

/** RFC 4791 §9.7.2: some property of the component named by the filter passes all its tests. */
function propMatches(view: CalendarObjectView, component: JCalComponent, filter: PropFilter): boolean {
  const props = propertiesNamed(component, filter.name);
  if (filter.isNotDefined) return props.length === 0;
  return props.some((p) => (!filter.timeRange || propertyInRange(p, view, spanOf(filter.timeRange)))
    && (!filter.textMatch || textMatchesAny(propertyTexts(p), filter.textMatch))
    && filter.paramFilters.every((f) => paramMatches(p, f)));
}

/** RFC 4791 §9.9: whether a component overlaps the time range, by its kind. */
function componentInRange(view: CalendarObjectView, component: JCalComponent, parent: JCalComponent | undefined, span: Span): boolean {
  switch (compName(component)) {
    case 'VEVENT':
    case 'VTODO':
      return occurrencesOf(view, component, span).length > 0;
    case 'VALARM':
      return parent !== undefined && alarmTriggersIn(view, parent, component, span);
    case 'VJOURNAL':
      return journalOverlaps(component, view.tc, span);
    default:
      return false;
  }
}

/** A component passes a comp-filter's own tests: time-range, every prop-filter, every nested comp-filter. */
function componentMatches(view: CalendarObjectView, component: JCalComponent, parent: JCalComponent | undefined, filter: CompFilter): boolean {
  if (filter.timeRange && !componentInRange(view, component, parent, spanOf(filter.timeRange))) return false;
  if (!filter.propFilters.every((f) => propMatches(view, component, f))) return false;
  return filter.compFilters.every((child) => {
    const children = childComponents(component, child.name);
    if (child.isNotDefined) return children.length === 0;
    return children.some((c) => componentMatches(view, c, component, child));
  });
}

/**
 * Whether a calendar object resource matches a `calendar-query` filter (RFC 4791 §9.7): the top
 * comp-filter applies to the VCALENDAR; a nested comp-filter matches when some sub-component of
 * that name passes it (or, with `is-not-defined`, none exists); time ranges per §9.9 with the
 * recurrence of each component expanded; text-match with its collation and negation.
 */
export function matchesCalendarFilter(view: CalendarObjectView, filter: CompFilter): boolean {
  if (filter.isNotDefined || compName(view.vcalendar) !== filter.name) return false;
  return componentMatches(view, view.vcalendar, undefined, filter);
}

/**
 * The time range a filter puts on the object's VEVENT/VTODO components directly under VCALENDAR,
 * for pre-filtering by the stored series range; undefined when it has none (or tests absence).
 */
export function componentTimeRange(filter: CompFilter, type: string): { start?: Date; end?: Date } | undefined {
  const child = filter.compFilters.find((c) => c.name === type && !c.isNotDefined && c.timeRange);
  return child?.timeRange;
}
