// Parsing
export * from './names.js';
export * from './errors.js';
export * from './limits.js';
export * from './tree.js';
export { parseXml, parseDavBody, type ParseXmlOptions } from './parse.js';
export { decodeXmlBytes } from './decode-bytes.js';
export { serializeElement, serializeContent } from './serialize.js';

// Request bodies
export { expectRoot, propNames, readPropSelection, type PropSelection } from './requests/common.js';
export { readPropfind, type PropfindRequest } from './requests/propfind.js';
export { readProppatch, propertyValues, type PropertyUpdate, type PropertyValue } from './requests/proppatch.js';
export { readMkcol, readMkcalendar, type CollectionCreation } from './requests/mkcol.js';
export {
  decodeCollectionProperty, collectionSettingsOf, PROTECTED_NAMESPACES,
  type CollectionSettings, type DecodedProperty, type LocalizedText,
} from './requests/collection-properties.js';
export { parseUtcDateTime, readTimeRange, type TimeRange } from './requests/time-range.js';
export { readTextMatch, textMatches, foldForCollation, type Collation, type MatchType, type TextMatch } from './requests/text-match.js';
export { readCalendarDataRequest, type CalendarDataRequest, type CompSelection, type PropChoice } from './requests/calendar-data.js';
export { readAddressDataRequest, type AddressDataRequest } from './requests/address-data.js';
export { readReportProps, readHrefs, type ReportProps } from './requests/report-props.js';
export {
  readCalendarQuery, readCalendarFilter, CALDAV_TEXT_MATCH,
  type CalendarQueryReport, type CompFilter, type PropFilter, type ParamFilter,
} from './requests/calendar-query.js';
export {
  readCalendarMultiget, readAddressbookMultiget, type CalendarMultigetReport, type AddressbookMultigetReport,
} from './requests/multiget.js';
export { readFreeBusyQuery, type FreeBusyQueryReport } from './requests/free-busy-query.js';
export {
  readAddressbookQuery, CARDDAV_TEXT_MATCH,
  type AddressbookQueryReport, type CardFilter, type CardPropFilter, type CardParamFilter,
} from './requests/addressbook-query.js';
export { readSyncCollection, type SyncCollectionReport } from './requests/sync-collection.js';
export {
  readPrincipalPropertySearch, readPrincipalSearchPropertySet, readPrincipalMatch, readAclPrincipalPropSet,
  type PrincipalPropertySearchReport, type PropertySearch, type PrincipalSearchPropertySetReport,
  type PrincipalMatchReport, type AclPrincipalPropSetReport,
} from './requests/principal-reports.js';
export { readExpandProperty, type ExpandProperty, type ExpandPropertyReport } from './requests/expand-property.js';
export { readReport, unsupportedReport, REPORT_NAMES, type DavReport, type ReportKind } from './requests/report.js';

// Responses
export { escapeText, escapeAttr, stripInvalidXmlChars } from './write/escape.js';
export { WELL_KNOWN_PREFIXES } from './write/namespace-scope.js';
export { statusLine, reasonPhrase } from './write/status.js';
export {
  MultistatusSerializer, renderMultistatus, isStatusResponse,
  type DavResponse, type PropstatResponse, type StatusResponse, type Propstat, type PropEntry,
  type MultistatusOptions, type MultistatusEnd,
} from './write/multistatus.js';
export { MultistatusWriter, type XmlSink, type MultistatusWriterOptions } from './write/multistatus-writer.js';
export { renderDavError } from './write/dav-error.js';
export { preconditions, precondition, preconditionOf } from './write/preconditions.js';
export { MULTISTATUS_CONTENT_TYPE, DAV_ERROR_CONTENT_TYPE, isXmlContentType, charsetOf } from './write/content-types.js';
export {
  hrefElement, hrefList, resourceType, supportedReportSet, privilegeSet, supportedComponentSet,
  supportedCalendarData, supportedAddressData, httpDate, creationDate,
} from './write/values.js';
