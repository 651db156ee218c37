import { normalizeHref } from '../../headers/href.js';
import { caldav, carddav, dav, type QName } from '../names.js';
import { el, type XmlElement } from '../tree.js';

/**
 * Builders for the common structured property values, so handlers don't spell out the markup.
 * Each returns the property's *content* (pass it as `value` of a prop entry).
 */

/** `<D:href>` with the href normalised (RFC 4918 §14.7). */
export function hrefElement(href: string): XmlElement {
  return el(dav('href'), normalizeHref(href));
}

/** A list of `<D:href>` (current-user-principal, calendar-home-set, group-membership, …). */
export function hrefList(hrefs: readonly string[]): XmlElement[] {
  return hrefs.map(hrefElement);
}

/** `DAV:resourcetype` content: one empty element per type. @example resourceType(dav('collection'), caldav('calendar')) */
export function resourceType(...types: QName[]): XmlElement[] {
  return types.map((type) => el(type));
}

/** `DAV:supported-report-set` content (RFC 3253 §3.1.5): `supported-report/report/<name>` each. */
export function supportedReportSet(reports: readonly QName[]): XmlElement[] {
  return reports.map((report) => el(dav('supported-report'), el(dav('report'), el(report))));
}

/** `DAV:current-user-privilege-set` content (RFC 3744 §5.4): `privilege/<name>` each. */
export function privilegeSet(privileges: readonly QName[]): XmlElement[] {
  return privileges.map((privilege) => el(dav('privilege'), el(privilege)));
}

/** `CALDAV:supported-calendar-component-set` content (RFC 4791 §5.2.3). @example supportedComponentSet(['VEVENT']) */
export function supportedComponentSet(components: readonly string[]): XmlElement[] {
  return components.map((name) => el(caldav('comp'), { name }));
}

/** `CALDAV:supported-calendar-data` content (RFC 4791 §5.2.4). */
export function supportedCalendarData(types: readonly { contentType: string; version: string }[] = [{ contentType: 'text/calendar', version: '2.0' }]): XmlElement[] {
  return types.map(({ contentType, version }) => el(caldav('calendar-data'), { 'content-type': contentType, version }));
}

/** `CARDDAV:supported-address-data` content (RFC 6352 §6.2.2). */
export function supportedAddressData(types: readonly { contentType: string; version: string }[] = [{ contentType: 'text/vcard', version: '3.0' }]): XmlElement[] {
  return types.map(({ contentType, version }) => el(carddav('address-data-type'), { 'content-type': contentType, version }));
}

/** `DAV:getlastmodified` text: an RFC 1123 date (RFC 4918 §15.7). */
export function httpDate(date: Date): string {
  return date.toUTCString();
}

/** `DAV:creationdate` text: an RFC 3339 date-time (RFC 4918 §15.1), without milliseconds. */
export function creationDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
