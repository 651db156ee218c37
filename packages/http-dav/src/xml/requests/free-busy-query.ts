import { invalidBody } from '../errors.js';
import { caldav } from '../names.js';
import { childNamed, type XmlElement } from '../tree.js';
import { expectRoot } from './common.js';
import { FILTER_RANGE, readTimeRange, type TimeRange } from './time-range.js';

/** A `free-busy-query` REPORT (RFC 4791 §7.10, §9.11); answered 200 `text/calendar`, not 207. */
export interface FreeBusyQueryReport {
  readonly kind: 'free-busy-query';
  readonly timeRange: TimeRange;
}

/**
 * Reads a `free-busy-query` body: one `time-range` with start and/or end.
 * @throws XmlError `unexpected-root`, `invalid-body` (no time-range), `invalid-filter` (bad range).
 */
export function readFreeBusyQuery(root: XmlElement | undefined): FreeBusyQueryReport {
  const query = expectRoot(root, caldav('free-busy-query'));
  const range = childNamed(query, caldav('time-range'));
  if (range === undefined) throw invalidBody('<free-busy-query> needs a <time-range>');
  return { kind: 'free-busy-query', timeRange: readTimeRange(range, FILTER_RANGE) };
}
