import { invalidBody, XmlError } from '../errors.js';
import { caldav, CALDAV_NS } from '../names.js';
import { childNamed, type XmlElement } from '../tree.js';
import { expectRoot, requiredName } from './common.js';
import { readReportProps, type ReportProps } from './report-props.js';
import { readTextMatch, type TextMatch, type TextMatchDialect } from './text-match.js';
import { FILTER_RANGE, readTimeRange, type TimeRange } from './time-range.js';

/** RFC 4791 §9.7.5: text-match defaults to i;ascii-casemap, substring match. */
export const CALDAV_TEXT_MATCH: TextMatchDialect = {
  defaultCollation: 'i;ascii-casemap',
  hasMatchType: false,
  unsupportedCollation: caldav('supported-collation'),
};

/** `CALDAV:param-filter` (RFC 4791 §9.7.3): `is-not-defined | text-match?`. */
export interface ParamFilter {
  readonly name: string;
  readonly isNotDefined: boolean;
  readonly textMatch?: TextMatch;
}

/** `CALDAV:prop-filter` (§9.7.2): `is-not-defined | ((time-range | text-match)?, param-filter*)`. */
export interface PropFilter {
  readonly name: string;
  readonly isNotDefined: boolean;
  readonly timeRange?: TimeRange;
  readonly textMatch?: TextMatch;
  readonly paramFilters: readonly ParamFilter[];
}

/** `CALDAV:comp-filter` (§9.7.1): `is-not-defined | (time-range?, prop-filter*, comp-filter*)`. */
export interface CompFilter {
  /** Upper-cased component name (VCALENDAR, VEVENT, VTODO, VALARM, …). */
  readonly name: string;
  readonly isNotDefined: boolean;
  readonly timeRange?: TimeRange;
  readonly propFilters: readonly PropFilter[];
  readonly compFilters: readonly CompFilter[];
}

/** A `calendar-query` REPORT (RFC 4791 §7.8, §9.5). */
export interface CalendarQueryReport extends ReportProps {
  readonly kind: 'calendar-query';
  /** The top comp-filter; RFC 4791 §9.7 wants exactly one, named VCALENDAR. */
  readonly filter: CompFilter;
  /** `CALDAV:timezone` (§9.8): VCALENDAR text with the VTIMEZONE for floating times. */
  readonly timezone?: string;
  /** `CALDAV:timezone-id` (RFC 7809 §5.1). */
  readonly timezoneId?: string;
}

const invalidFilter = (message: string): XmlError => new XmlError('invalid-filter', message, { precondition: caldav('valid-filter') });

function readParamFilter(element: XmlElement): ParamFilter {
  const isNotDefined = childNamed(element, caldav('is-not-defined')) !== undefined;
  const textMatch = childNamed(element, caldav('text-match'));
  return {
    name: requiredName(element, caldav('valid-filter')).toUpperCase(),
    isNotDefined,
    ...(!isNotDefined && textMatch && { textMatch: readTextMatch(textMatch, CALDAV_TEXT_MATCH) }),
  };
}

function readPropFilter(element: XmlElement): PropFilter {
  const name = requiredName(element, caldav('valid-filter')).toUpperCase();
  const isNotDefined = childNamed(element, caldav('is-not-defined')) !== undefined;
  if (isNotDefined) return { name, isNotDefined, paramFilters: [] };
  const timeRange = childNamed(element, caldav('time-range'));
  const textMatch = childNamed(element, caldav('text-match'));
  if (timeRange && textMatch) throw invalidFilter(`prop-filter ${name} has both time-range and text-match`);
  return {
    name,
    isNotDefined,
    ...(timeRange && { timeRange: readTimeRange(timeRange, FILTER_RANGE) }),
    ...(textMatch && { textMatch: readTextMatch(textMatch, CALDAV_TEXT_MATCH) }),
    paramFilters: element.children.filter((c) => c.ns === CALDAV_NS && c.local === 'param-filter').map(readParamFilter),
  };
}

function readCompFilter(element: XmlElement, depth: number): CompFilter {
  if (depth > 16) throw invalidFilter('comp-filter nested too deeply');
  const name = requiredName(element, caldav('valid-filter')).toUpperCase();
  const isNotDefined = childNamed(element, caldav('is-not-defined')) !== undefined;
  if (isNotDefined) return { name, isNotDefined, propFilters: [], compFilters: [] };
  const timeRange = childNamed(element, caldav('time-range'));
  const propFilters: PropFilter[] = [];
  const compFilters: CompFilter[] = [];
  for (const child of element.children) {
    if (child.ns !== CALDAV_NS) continue;
    if (child.local === 'prop-filter') propFilters.push(readPropFilter(child));
    else if (child.local === 'comp-filter') compFilters.push(readCompFilter(child, depth + 1));
  }
  return { name, isNotDefined, ...(timeRange && { timeRange: readTimeRange(timeRange, FILTER_RANGE) }), propFilters, compFilters };
}

/**
 * Reads a `CALDAV:filter` element (RFC 4791 §9.7): exactly one comp-filter named VCALENDAR
 * (`CALDAV:valid-filter` otherwise, §7.7).
 * @throws XmlError `invalid-filter`, `unsupported-collation`, `invalid-body`.
 */
export function readCalendarFilter(filter: XmlElement): CompFilter {
  const compFilters = filter.children.filter((c) => c.ns === CALDAV_NS && c.local === 'comp-filter');
  if (compFilters.length !== 1) throw invalidFilter('<filter> must contain exactly one comp-filter');
  const top = readCompFilter(compFilters[0] as XmlElement, 1);
  if (top.name !== 'VCALENDAR') throw invalidFilter('the top comp-filter must be VCALENDAR');
  return top;
}

/**
 * Reads a `calendar-query` REPORT body.
 * @throws XmlError `unexpected-root`, `invalid-body` (no filter), `invalid-filter`, `unsupported-collation`.
 * @example readCalendarQuery(parseDavBody(body)).filter.compFilters[0].timeRange
 */
export function readCalendarQuery(root: XmlElement | undefined): CalendarQueryReport {
  const query = expectRoot(root, caldav('calendar-query'));
  const filter = childNamed(query, caldav('filter'));
  if (filter === undefined) throw invalidBody('<calendar-query> needs a <filter>', caldav('valid-filter'));
  const timezone = childNamed(query, caldav('timezone'));
  const timezoneId = childNamed(query, caldav('timezone-id'));
  return {
    kind: 'calendar-query',
    ...readReportProps(query),
    filter: readCalendarFilter(filter),
    ...(timezone && { timezone: timezone.text }),
    ...(timezoneId && { timezoneId: timezoneId.text.trim() }),
  };
}

