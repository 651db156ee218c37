import { caldav, carddav, dav, DAV_NS } from '../names.js';
import { childNamed, hasName, type XmlElement } from '../tree.js';
import { readAddressDataRequest, type AddressDataRequest } from './address-data.js';
import { readCalendarDataRequest, type CalendarDataRequest } from './calendar-data.js';
import { readPropSelection, type PropSelection } from './common.js';

/** The property part of a REPORT: the selection plus the calendar-data/address-data details. */
export interface ReportProps {
  /** Absent `prop`/`allprop`/`propname` means allprop (RFC 4791 §7.8, RFC 6352 §8.6). */
  readonly select: PropSelection;
  /** Set when `DAV:prop` holds `CALDAV:calendar-data` (with or without children). */
  readonly calendarData?: CalendarDataRequest;
  /** Set when `DAV:prop` holds `CARDDAV:address-data`. */
  readonly addressData?: AddressDataRequest;
}

/**
 * Reads the selection and the data element options among `report`'s children; `fallback` is the
 * selection when there is no `prop`/`allprop`/`propname` (allprop unless said otherwise).
 */
export function readReportProps(report: XmlElement, fallback?: PropSelection): ReportProps {
  const select = readPropSelection(report, fallback);
  const prop = report.children.find((child) => child.ns === DAV_NS && child.local === 'prop');
  if (prop === undefined) return { select };
  const calendarData = childNamed(prop, caldav('calendar-data'));
  const addressData = childNamed(prop, carddav('address-data'));
  return {
    select,
    ...(calendarData && { calendarData: readCalendarDataRequest(calendarData) }),
    ...(addressData && { addressData: readAddressDataRequest(addressData) }),
  };
}

/** The `DAV:href` texts among `report`'s children, trimmed, empty ones dropped, order kept. */
export function readHrefs(report: XmlElement): string[] {
  return report.children.filter((child) => hasName(child, dav('href'))).map((href) => href.text.trim()).filter((href) => href !== '');
}
