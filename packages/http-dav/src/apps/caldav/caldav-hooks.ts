import { stringifyICalendar } from '@almanac/codec-icalendar';
import { expandRecurrence, type RecurringObject, type WallClock } from '@almanac/codec-jscalendar/recurrence';
import { overlaps, type StoredResource } from '@almanac/domain-kernel';
import type { DavApp, DavRenderContext } from '../../dav/dav-app.js';
import type { CalendarQueryReport } from '../../xml/requests/calendar-query.js';
import { spanOf } from './component-times.js';
import { expandedVCalendar, limitedRecurrenceSet } from './expand.js';
import { budgetOf } from './instances.js';
import { viewOnce } from './object-views.js';
import { selectParts } from './partial.js';
import { componentTimeRange, matchesCalendarFilter } from './query-filter.js';
import { floatingClockOf } from './times.js';

/** Floating times may lie this far either side of the UTC range the store computed for them. */
const FLOATING_SLACK_MS = 14 * 3_600_000;

/** What the CalDAV report hooks need to know about an app's resources. */
export interface CalDavModel {
  /** The component type of its calendar object resources. */
  readonly type: 'VEVENT' | 'VTODO';
  /** The resource as GET shows it (the app's `toText`). */
  text(r: StoredResource, ctx: DavRenderContext): Promise<string>;
  /** The canonical JSCalendar object clients may see, whose recurrence is expanded. */
  entry(r: StoredResource): RecurringObject & Record<string, unknown>;
  /**
   * Whether the resource's stored time range bounds all its occurrences (events: the series
   * range), so that a time-range filter can skip resources outside it without expanding them.
   */
  readonly rangeBoundsOccurrences: boolean;
}

/**
 * The span a time-ranged VEVENT filter can match stored series ranges in: the filter's range,
 * widened by the floating-time slack. Undefined when the model's ranges do not bound occurrences
 * or the filter has no such range.
 */
function storedRangeFilter(model: CalDavModel, report: CalendarQueryReport): { start?: Date; end?: Date } | undefined {
  const range = model.rangeBoundsOccurrences ? componentTimeRange(report.filter, model.type) : undefined;
  if (!range) return undefined;
  return {
    ...(range.start && { start: new Date(range.start.getTime() - FLOATING_SLACK_MS) }),
    ...(range.end && { end: new Date(range.end.getTime() + FLOATING_SLACK_MS) }),
  };
}

/**
 * The `calendarQueryPrefilter` hook: the store reads only the events whose stored series range
 * overlaps the filter's time range (RFC 4791 §9.9 cannot match the others).
 */
export function calendarQueryPrefilterHook(model: CalDavModel): NonNullable<DavApp['calendarQueryPrefilter']> {
  return (report) => {
    const timeRange = storedRangeFilter(model, report);
    return timeRange && { timeRange };
  };
}

/**
 * The answer to the filters clients send most (all objects; the events of a time range, as
 * DAVx5, Thunderbird and Apple sync with), from the canonical object alone, without reading the
 * iCalendar: every component of a resource is of the model's type, and the instances of all of
 * them together are the series' instances. Undefined for any other filter.
 */
function quickAnswer(model: CalDavModel, r: StoredResource, report: CalendarQueryReport, ctx: DavRenderContext, floating: WallClock): boolean | undefined {
  const top = report.filter;
  if (top.isNotDefined || top.timeRange || top.propFilters.length || top.compFilters.length > 1) return undefined;
  const child = top.compFilters[0];
  if (!child) return true;
  if (child.name !== model.type || child.isNotDefined || child.propFilters.length || child.compFilters.length) return undefined;
  if (!child.timeRange) return true;
  if (model.type !== 'VEVENT') return undefined;
  const span = spanOf(child.timeRange);
  const expanded = budgetOf(ctx.cache).run((maxIterations) => expandRecurrence(model.entry(r), {
    from: new Date(span.from), to: new Date(span.to), floatingZone: floating.name, maxIterations, maxInstances: 1,
  }));
  return expanded.ok && expanded.value.instances.length > 0;
}

/**
 * The `calendarQuery` hook (RFC 4791 §7.8, §9.7): the filter on the resource's iCalendar, times
 * per §9.9 with recurrences expanded (floating times in the query's `timezone`). Events outside
 * the stored series range of a time-ranged VEVENT filter are refused before any parsing.
 */
export function calendarQueryHook(model: CalDavModel): NonNullable<DavApp['calendarQuery']> {
  return async (r: StoredResource, report: CalendarQueryReport, ctx: DavRenderContext) => {
    const range = storedRangeFilter(model, report);
    if (range && !overlaps(r.timeRange, range)) return false;
    const floating = floatingClockOf(report.timezone, report.timezoneId);
    const quick = quickAnswer(model, r, report, ctx, floating);
    if (quick !== undefined) return quick;
    const view = viewOnce(r, ctx, await model.text(r, ctx), model.entry(r), model.type, floating);
    if (!view) throw new Error(`resource ${r.id} is not iCalendar`);
    return matchesCalendarFilter(view, report.filter);
  };
}

/**
 * The `partialText` hook (RFC 4791 §9.6): `limit-recurrence-set`, then `expand`, then the `comp`
 * selection, applied to the resource's iCalendar. Address data requests are not the CalDAV apps'
 * (the whole text).
 */
export function partialTextHook(model: CalDavModel): NonNullable<DavApp['partialText']> {
  return async (r, request, ctx) => {
    const text = await model.text(r, ctx);
    if ('allProps' in request) return text;
    const view = viewOnce(r, ctx, text, model.entry(r), model.type);
    if (!view) return text;
    let vcalendar = view.vcalendar;
    if (request.limitRecurrenceSet) vcalendar = limitedRecurrenceSet(view, spanOf(request.limitRecurrenceSet));
    if (request.expand) vcalendar = expandedVCalendar(view, spanOf(request.expand));
    if (request.comp) vcalendar = selectParts(vcalendar, request.comp);
    return stringifyICalendar(vcalendar);
  };
}
