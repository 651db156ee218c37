import { caldav, carddav, dav, type QName } from '../names.js';
import { el, type XmlContent, type XmlElement } from '../tree.js';
import { normalizeHref } from '../../headers/href.js';

const hrefEl = (href: string): XmlElement => el(dav('href'), normalizeHref(href));

/** Any condition element: `precondition(caldav('max-resource-size'))`. */
export function precondition(name: QName, ...content: XmlContent[]): XmlElement {
  return el(name, ...content);
}

/**
 * The condition elements of RFC 4918 §16, RFC 3253, RFC 3744, RFC 4791, RFC 6352 and RFC 6578
 * that Almanac answers with, for {@link renderDavError} or the `error` of a multistatus response.
 * The status to send with each is noted (403 unless said otherwise; RFC 4918 §16 allows 409 where
 * retrying with a different request may succeed).
 */
export const preconditions = {
  // --- WebDAV (RFC 4918 §16)
  /** 403: PROPFIND with `Depth: infinity` refused (RFC 4918 §9.1). */
  propfindFiniteDepth: () => el(dav('propfind-finite-depth')),
  /** 403/409: PROPPATCH of a protected (live) property, in the 403 propstat's `error`. */
  cannotModifyProtectedProperty: () => el(dav('cannot-modify-protected-property')),
  /** 423: the lock tokens that would have been needed. */
  lockTokenSubmitted: (hrefs: readonly string[]) => el(dav('lock-token-submitted'), hrefs.map(hrefEl)),
  /** 423: a conflicting lock exists. */
  noConflictingLock: (hrefs: readonly string[] = []) => el(dav('no-conflicting-lock'), hrefs.map(hrefEl)),
  /** 409: MKCOL/MKCALENDAR on a URL that is already mapped. */
  resourceMustBeNull: () => el(dav('resource-must-be-null')),
  /** 403: REPORT not supported on this resource (RFC 3253 §3.6). */
  supportedReport: () => el(dav('supported-report')),
  /** 403: the privileges missing, per resource (RFC 3744 §7.1.1). */
  needPrivileges: (missing: readonly { href: string; privilege: QName }[]) =>
    el(dav('need-privileges'), missing.map(({ href, privilege }) =>
      el(dav('resource'), hrefEl(href), el(dav('privilege'), el(privilege))))),
  /** 403 (Almanac: DECISIONS.md "Sync tokens"): unknown, malformed, foreign or expired sync token (RFC 6578 §3.2). */
  validSyncToken: () => el(dav('valid-sync-token')),
  /** 403: `sync-level` infinite not supported on this collection (RFC 6578 §3.3). */
  syncTraversalSupported: () => el(dav('sync-traversal-supported')),
  /** 507 response / 403 body: the result was cut at the client's or the server's limit (RFC 6578 §3.6, RFC 5323). */
  numberOfMatchesWithinLimits: () => el(dav('number-of-matches-within-limits')),
  /** 403: the extended MKCOL body asked for something unsupported (RFC 5689 §3.3). */
  validResourcetype: () => el(dav('valid-resourcetype')),

  // --- CalDAV (RFC 4791 §5.3.2.1, §5.3.1, §7.x)
  caldav: {
    /** 409 (Almanac: UidConflictError): the UID is already used by the resource at `href`. */
    noUidConflict: (href: string) => el(caldav('no-uid-conflict'), hrefEl(href)),
    /** 403/422: the body is not valid iCalendar. */
    validCalendarData: () => el(caldav('valid-calendar-data')),
    /** 403: iCalendar is valid but breaks the calendar object resource rules (RFC 4791 §4.1). */
    validCalendarObjectResource: () => el(caldav('valid-calendar-object-resource')),
    /** 403/415: unsupported media type or version of calendar data. */
    supportedCalendarData: () => el(caldav('supported-calendar-data')),
    /** 403: a component type the collection does not accept. */
    supportedCalendarComponent: () => el(caldav('supported-calendar-component')),
    /** 403: MKCALENDAR / calendar creation not allowed at this location. */
    calendarCollectionLocationOk: () => el(caldav('calendar-collection-location-ok')),
    /** 403: MKCALENDAR could not apply the properties. */
    initializeCalendarCollection: () => el(caldav('initialize-calendar-collection')),
    /** 403: resource larger than `max-resource-size`. */
    maxResourceSize: () => el(caldav('max-resource-size')),
    /** 403: date out of range. */
    minDateTime: () => el(caldav('min-date-time')),
    maxDateTime: () => el(caldav('max-date-time')),
    maxInstances: () => el(caldav('max-instances')),
    maxAttendeesPerInstance: () => el(caldav('max-attendees-per-instance')),
    /** 403: calendar-query filter invalid (bad time-range, wrong root comp-filter). */
    validFilter: () => el(caldav('valid-filter')),
    /** 403: filter valid but unsupported; may list the offending comp-filter/prop-filter/param-filter. */
    supportedFilter: (...offending: XmlContent[]) => el(caldav('supported-filter'), ...offending),
    /** 403: text-match collation not supported. */
    supportedCollation: () => el(caldav('supported-collation')),
    /** 403: the `calendar-timezone` value is not one valid VTIMEZONE. */
    validCalendarTimezone: () => el(caldav('valid-calendar-timezone')),
  },

  // --- CardDAV (RFC 6352 §6.3.2.1, §8.x)
  carddav: {
    /** 409: the UID is already used by the resource at `href`. */
    noUidConflict: (href: string) => el(carddav('no-uid-conflict'), hrefEl(href)),
    /** 403/422: the body is not valid vCard. */
    validAddressData: () => el(carddav('valid-address-data')),
    /** 403/415: unsupported vCard media type or version. */
    supportedAddressData: () => el(carddav('supported-address-data')),
    /** 403: the conversion asked in `address-data` is not supported. */
    supportedAddressDataConversion: () => el(carddav('supported-address-data-conversion')),
    /** 403: address book creation not allowed at this location. */
    addressbookCollectionLocationOk: () => el(carddav('addressbook-collection-location-ok')),
    maxResourceSize: () => el(carddav('max-resource-size')),
    /** 403: filter unsupported; may list the offending prop-filter/param-filter. */
    supportedFilter: (...offending: XmlContent[]) => el(carddav('supported-filter'), ...offending),
    supportedCollation: () => el(carddav('supported-collation')),
  },
} as const;

/**
 * The condition element for an {@link XmlError}-like value, or `undefined` when it has none
 * (plain 400/413/415: send an empty body or a short text).
 */
export function preconditionOf(error: { readonly precondition?: QName }): XmlElement | undefined {
  return error.precondition ? el(error.precondition) : undefined;
}
