import { invalidBody } from '../errors.js';
import { caldav, CALDAV_NS } from '../names.js';
import { attr, childNamed, type XmlElement } from '../tree.js';
import { requiredName, yesNo } from './common.js';
import { DATA_RANGE, readTimeRange, type TimeRange } from './time-range.js';

/** A property chosen in a `comp` (RFC 4791 §9.6.4); `novalue` asks for the name only. */
export interface PropChoice {
  readonly name: string;
  readonly novalue: boolean;
}

/**
 * A `CALDAV:comp` selection (RFC 4791 §9.6.1): `(allprop | prop*), (allcomp | comp*)`, read
 * literally. Note RFC 4791's own example 7.8.1 returns `<C:comp name="VTIMEZONE"/>` (neither
 * prop nor comp) as the whole VTIMEZONE, so handlers should treat "no prop and no allprop" as all
 * properties and "no comp and no allcomp" as all sub-components of that component.
 */
export interface CompSelection {
  /** Upper-cased component name. */
  readonly name: string;
  readonly allProps: boolean;
  readonly props: readonly PropChoice[];
  readonly allComps: boolean;
  readonly comps: readonly CompSelection[];
}

/** What a `CALDAV:calendar-data` element in a REPORT's `DAV:prop` asks for (RFC 4791 §9.6). */
export interface CalendarDataRequest {
  /** Default `text/calendar` (§9.6). */
  readonly contentType: string;
  /** Default `2.0`. */
  readonly version: string;
  /** Partial retrieval; absent = the whole object. */
  readonly comp?: CompSelection;
  /** §9.6.5: expand recurrences into instances overlapping this range (UTC output). */
  readonly expand?: Required<TimeRange>;
  /** §9.6.6: master plus the overrides that affect this range. */
  readonly limitRecurrenceSet?: Required<TimeRange>;
  /** §9.6.7: only FREEBUSY periods overlapping this range. */
  readonly limitFreebusySet?: Required<TimeRange>;
}

function readComp(comp: XmlElement, depth: number): CompSelection {
  // The parser already bounds depth; this bound keeps the recursion obvious.
  if (depth > 16) throw invalidBody('<comp> nested too deeply');
  const props: PropChoice[] = [];
  const comps: CompSelection[] = [];
  let allProps = false;
  let allComps = false;
  for (const child of comp.children) {
    if (child.ns !== CALDAV_NS) continue;
    if (child.local === 'allprop') allProps = true;
    else if (child.local === 'allcomp') allComps = true;
    else if (child.local === 'prop') props.push({ name: requiredName(child).toUpperCase(), novalue: yesNo(child, 'novalue', false) });
    else if (child.local === 'comp') comps.push(readComp(child, depth + 1));
  }
  return { name: requiredName(comp).toUpperCase(), allProps, props, allComps, comps };
}

/**
 * Reads a `calendar-data` element of a REPORT's `DAV:prop`.
 * @throws XmlError `invalid-body` for a nameless comp/prop or a bad expand/limit range.
 */
export function readCalendarDataRequest(element: XmlElement): CalendarDataRequest {
  const comp = childNamed(element, caldav('comp'));
  const range = (local: string): Required<TimeRange> | undefined => {
    const child = childNamed(element, caldav(local));
    return child ? (readTimeRange(child, DATA_RANGE) as Required<TimeRange>) : undefined;
  };
  const expand = range('expand');
  const limitRecurrenceSet = range('limit-recurrence-set');
  const limitFreebusySet = range('limit-freebusy-set');
  return {
    contentType: attr(element, 'content-type')?.trim() || 'text/calendar',
    version: attr(element, 'version')?.trim() || '2.0',
    ...(comp && { comp: readComp(comp, 1) }),
    ...(expand && { expand }),
    ...(limitRecurrenceSet && { limitRecurrenceSet }),
    ...(limitFreebusySet && { limitFreebusySet }),
  };
}
