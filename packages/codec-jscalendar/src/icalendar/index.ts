/**
 * `@almanac/codec-jscalendar/icalendar`: conversion between iCalendar
 * (RFC 5545) and JSCalendar (RFC 8984) following
 * draft-ietf-calext-jscalendar-icalendar-12, lossless in both directions.
 */
export { icalendarToJSCalendar, icalendarToJSCalendarGroups, type ICalendarToJSCalendarOptions } from './from-ical/api.js';
export { jscalendarToICalendar, jscalendarToICalendarText, type JSCalendarToICalendarOptions } from './to-ical/api.js';
export { convertCalendarData, type ConvertOptions, type CalendarFormat } from './convert.js';
export { resolveTzid, type ResolvedZone } from './zones/resolve.js';
export { ianaToVtimezone } from './zones/vtimezone.js';
