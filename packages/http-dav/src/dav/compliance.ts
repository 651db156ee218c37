/**
 * The `DAV` header (RFC 4918 §10.1, behaviour §6.2): the compliance classes Almanac implements.
 * Not class 2 (no LOCK) and not calendar-auto-schedule (no server-side scheduling yet), so that
 * clients do not rely on either.
 */
export const DAV_COMPLIANCE = '1, 3, access-control, calendar-access, addressbook, extended-mkcol, sync-collection, calendarserver-principal-property-search';

/** The DAV methods the router serves, besides GET, HEAD, PUT, DELETE and OPTIONS. */
export const DAV_METHODS = ['PROPFIND', 'PROPPATCH', 'REPORT', 'MKCOL', 'MKCALENDAR'] as const;

/** `Allow` for DAV requests the router refuses with 405. */
export const DAV_ALLOW = `OPTIONS, GET, HEAD, PUT, DELETE, ${DAV_METHODS.join(', ')}`;
