/**
 * Namespace URIs and qualified names. Every element and property in this package is identified by
 * its namespace URI and local name, never by the prefix a client happened to use.
 */

/** RFC 4918 §21: the WebDAV namespace. */
export const DAV_NS = 'DAV:';
/** RFC 4791 §4: CalDAV. */
export const CALDAV_NS = 'urn:ietf:params:xml:ns:caldav';
/** RFC 6352 §5: CardDAV. */
export const CARDDAV_NS = 'urn:ietf:params:xml:ns:carddav';
/** Apple CalendarServer extensions (getctag, proxies, email-address-set, …). */
export const CALENDARSERVER_NS = 'http://calendarserver.org/ns/';
/** Apple iCal extensions (calendar-color, calendar-order). */
export const APPLE_ICAL_NS = 'http://apple.com/ns/ical/';
/** Apple AddressBookServer extensions. */
export const ADDRESSBOOKSERVER_NS = 'http://addressbookserver.org/ns/';
/** GroupDAV resource types (vevent-collection, vcard-collection, …). */
export const GROUPDAV_NS = 'http://groupdav.org/';
/** XML Namespaces §3: the `xml:` prefix is bound to this URI and may not be rebound. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** XML Namespaces §3: the reserved namespace of `xmlns` declarations themselves. */
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** A namespace-qualified name. `ns` is `''` for names in no namespace. */
export interface QName {
  readonly ns: string;
  readonly local: string;
}

/**
 * Builds a QName.
 * @example qname(DAV_NS, 'getetag') // { ns: 'DAV:', local: 'getetag' }
 */
export function qname(ns: string, local: string): QName {
  return { ns, local };
}

/** Shorthand for a name in the DAV: namespace. @example dav('href') */
export const dav = (local: string): QName => ({ ns: DAV_NS, local });
/** Shorthand for a name in the CalDAV namespace. @example caldav('calendar-data') */
export const caldav = (local: string): QName => ({ ns: CALDAV_NS, local });
/** Shorthand for a name in the CardDAV namespace. @example carddav('address-data') */
export const carddav = (local: string): QName => ({ ns: CARDDAV_NS, local });
/** Shorthand for a name in the CalendarServer namespace. @example calendarserver('getctag') */
export const calendarserver = (local: string): QName => ({ ns: CALENDARSERVER_NS, local });
/** Shorthand for a name in the Apple iCal namespace. @example appleIcal('calendar-color') */
export const appleIcal = (local: string): QName => ({ ns: APPLE_ICAL_NS, local });

/**
 * James Clark notation, `{ns}local` (just `local` in no namespace): a string key for maps and sets.
 * @example clark(dav('getetag')) // '{DAV:}getetag'
 */
export function clark(name: QName): string {
  return name.ns === '' ? name.local : `{${name.ns}}${name.local}`;
}

/**
 * Reverses {@link clark}. A string without a leading `{` is a name in no namespace; an unclosed
 * `{` is taken literally as a local name (it never throws).
 * @example parseClark('{DAV:}href') // { ns: 'DAV:', local: 'href' }
 */
export function parseClark(text: string): QName {
  if (text.startsWith('{')) {
    const close = text.indexOf('}');
    if (close > 0) return { ns: text.slice(1, close), local: text.slice(close + 1) };
  }
  return { ns: '', local: text };
}

/** True when both names have the same namespace and local name. */
export function sameName(a: QName, b: QName): boolean {
  return a.ns === b.ns && a.local === b.local;
}
