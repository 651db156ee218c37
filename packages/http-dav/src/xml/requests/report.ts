import { XmlError } from '../errors.js';
import { CALDAV_NS, CARDDAV_NS, clark, dav, DAV_NS, type QName } from '../names.js';
import { nameOf, type XmlElement } from '../tree.js';
import { readAddressbookQuery, type AddressbookQueryReport } from './addressbook-query.js';
import { readCalendarQuery, type CalendarQueryReport } from './calendar-query.js';
import { readExpandProperty, type ExpandPropertyReport } from './expand-property.js';
import { readFreeBusyQuery, type FreeBusyQueryReport } from './free-busy-query.js';
import {
  readAddressbookMultiget, readCalendarMultiget, type AddressbookMultigetReport, type CalendarMultigetReport,
} from './multiget.js';
import {
  readAclPrincipalPropSet, readPrincipalMatch, readPrincipalPropertySearch, readPrincipalSearchPropertySet,
  type AclPrincipalPropSetReport, type PrincipalMatchReport, type PrincipalPropertySearchReport,
  type PrincipalSearchPropertySetReport,
} from './principal-reports.js';
import { readSyncCollection, type SyncCollectionReport } from './sync-collection.js';

/** Every REPORT body this package reads, discriminated by `kind` (the root element's local name). */
export type DavReport =
  | CalendarQueryReport
  | CalendarMultigetReport
  | FreeBusyQueryReport
  | AddressbookQueryReport
  | AddressbookMultigetReport
  | SyncCollectionReport
  | ExpandPropertyReport
  | PrincipalPropertySearchReport
  | PrincipalSearchPropertySetReport
  | PrincipalMatchReport
  | AclPrincipalPropSetReport;

/** The report names. */
export type ReportKind = DavReport['kind'];

/** Each report's root element; the values of `DAV:supported-report-set` (`supportedReportSet`). */
export const REPORT_NAMES: Readonly<Record<ReportKind, QName>> = {
  'calendar-query': { ns: CALDAV_NS, local: 'calendar-query' },
  'calendar-multiget': { ns: CALDAV_NS, local: 'calendar-multiget' },
  'free-busy-query': { ns: CALDAV_NS, local: 'free-busy-query' },
  'addressbook-query': { ns: CARDDAV_NS, local: 'addressbook-query' },
  'addressbook-multiget': { ns: CARDDAV_NS, local: 'addressbook-multiget' },
  'sync-collection': { ns: DAV_NS, local: 'sync-collection' },
  'expand-property': { ns: DAV_NS, local: 'expand-property' },
  'principal-property-search': { ns: DAV_NS, local: 'principal-property-search' },
  'principal-search-property-set': { ns: DAV_NS, local: 'principal-search-property-set' },
  'principal-match': { ns: DAV_NS, local: 'principal-match' },
  'acl-principal-prop-set': { ns: DAV_NS, local: 'acl-principal-prop-set' },
};

const READERS: ReadonlyMap<string, (root: XmlElement) => DavReport> = new Map<string, (root: XmlElement) => DavReport>([
  [clark(REPORT_NAMES['calendar-query']), readCalendarQuery],
  [clark(REPORT_NAMES['calendar-multiget']), readCalendarMultiget],
  [clark(REPORT_NAMES['free-busy-query']), readFreeBusyQuery],
  [clark(REPORT_NAMES['addressbook-query']), readAddressbookQuery],
  [clark(REPORT_NAMES['addressbook-multiget']), readAddressbookMultiget],
  [clark(REPORT_NAMES['sync-collection']), readSyncCollection],
  [clark(REPORT_NAMES['expand-property']), readExpandProperty],
  [clark(REPORT_NAMES['principal-property-search']), readPrincipalPropertySearch],
  [clark(REPORT_NAMES['principal-search-property-set']), readPrincipalSearchPropertySet],
  [clark(REPORT_NAMES['principal-match']), readPrincipalMatch],
  [clark(REPORT_NAMES['acl-principal-prop-set']), readAclPrincipalPropSet],
]);

/**
 * The error for a REPORT this resource doesn't support: `403` with `DAV:supported-report`
 * (RFC 3253 §3.6). `name` is the body's root element.
 */
export function unsupportedReport(name: QName): XmlError {
  return new XmlError('unsupported-report', `the ${clark(name).slice(0, 120)} report is not supported here`, { precondition: dav('supported-report') });
}

/**
 * Reads any REPORT body, dispatching on the root element (whatever prefix the client used).
 * `supported` narrows to the reports of the target resource (its `supported-report-set`), so an
 * addressbook-query on a calendar is refused the same way as an unknown report.
 *
 * @throws XmlError `empty` (no body), `unsupported-report` (403 + `DAV:supported-report`), and
 *   whatever the specific reader throws.
 * @example
 * const report = readReport(parseDavBody(body), { supported: ['calendar-query', 'calendar-multiget', 'sync-collection'] });
 * switch (report.kind) { case 'calendar-query': … }
 */
export function readReport(root: XmlElement | undefined, options: { supported?: Iterable<ReportKind> } = {}): DavReport {
  if (root === undefined) throw new XmlError('empty', 'REPORT needs a body');
  const reader = READERS.get(clark(root));
  if (reader === undefined) throw unsupportedReport(nameOf(root));
  if (options.supported !== undefined && !new Set(options.supported).has(root.local as ReportKind)) throw unsupportedReport(nameOf(root));
  return reader(root);
}
