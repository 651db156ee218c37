import { invalidBody } from '../errors.js';
import { caldav, carddav } from '../names.js';
import type { XmlElement } from '../tree.js';
import { expectRoot } from './common.js';
import { readHrefs, readReportProps, type ReportProps } from './report-props.js';

/** A `calendar-multiget` REPORT (RFC 4791 §7.9, §9.10). */
export interface CalendarMultigetReport extends ReportProps {
  readonly kind: 'calendar-multiget';
  /** The hrefs as sent (absolute URLs or paths, possibly percent-encoded); resolve each with `resolveHref`. */
  readonly hrefs: readonly string[];
}

/** An `addressbook-multiget` REPORT (RFC 6352 §8.7, §10.7). */
export interface AddressbookMultigetReport extends ReportProps {
  readonly kind: 'addressbook-multiget';
  readonly hrefs: readonly string[];
}

/**
 * Reads a `calendar-multiget` body. Each href is answered on its own: a missing or foreign one
 * gets a 404 response, never a failed report.
 * @throws XmlError `unexpected-root`, `invalid-body` (no href).
 */
export function readCalendarMultiget(root: XmlElement | undefined): CalendarMultigetReport {
  const report = expectRoot(root, caldav('calendar-multiget'));
  const hrefs = readHrefs(report);
  if (hrefs.length === 0) throw invalidBody('<calendar-multiget> needs at least one <href>');
  return { kind: 'calendar-multiget', ...readReportProps(report), hrefs };
}

/**
 * Reads an `addressbook-multiget` body.
 * @throws XmlError `unexpected-root`, `invalid-body` (no href).
 */
export function readAddressbookMultiget(root: XmlElement | undefined): AddressbookMultigetReport {
  const report = expectRoot(root, carddav('addressbook-multiget'));
  const hrefs = readHrefs(report);
  if (hrefs.length === 0) throw invalidBody('<addressbook-multiget> needs at least one <href>');
  return { kind: 'addressbook-multiget', ...readReportProps(report), hrefs };
}
