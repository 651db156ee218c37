import type { DavApp } from '../dav/dav-app.js';
import { DavPreconditionError } from '../dav/errors.js';
import { findMediaType } from '../dav/media-types.js';
import type { AddressDataRequest } from '../xml/requests/address-data.js';
import type { CalendarDataRequest } from '../xml/requests/calendar-data.js';
import { preconditions } from '../xml/write/preconditions.js';

/**
 * Refuses a REPORT whose `calendar-data` / `address-data` element asks for a media type or version
 * the app does not produce (RFC 4791 §7.8/§7.9 `CALDAV:supported-calendar-data`, RFC 6352
 * §8.6/§8.7 `CARDDAV:supported-address-data`: 403), before any response is written. Legacy aliases
 * (`text/x-vcard`) count as their type. Nothing to check without an app or a data element.
 * @throws DavPreconditionError
 */
export function checkDataRequest(app: DavApp | undefined, request: CalendarDataRequest | AddressDataRequest | undefined): void {
  if (!app || !request || app.mediaTypes.length === 0) return;
  if (findMediaType(app.mediaTypes, request.contentType, request.version)) return;
  const condition = app.dataProperty === 'calendar-data' ? preconditions.caldav.supportedCalendarData() : preconditions.carddav.supportedAddressData();
  const offered = app.mediaTypes.map((m) => `${m.contentType} ${m.version}`).join(', ');
  throw new DavPreconditionError(403, condition, `${request.contentType} ${request.version} is not available here; this collection offers ${offered}`);
}
