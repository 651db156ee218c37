/**
 * @almanac/codec-icalendar: RFC 5545 iCalendar text to jCal (RFC 7265) and
 * back, on ical.js. Reads vCalendar 1.0 leniently; never throws on bad input.
 */
export type { Issue, Parsed, JCalComponent, JCalProperty, JCalParameters } from './types.js';
export { parseICalendar, type ParseICalendarOptions } from './parse.js';
export { stringifyICalendar, stringifyProperty, type StringifyICalendarOptions } from './stringify.js';
export { decodeICalendarBytes, type DecodedText } from './charset.js';
export { foldLine, FOLD_OCTETS } from './fold.js';
export { upgradeVCalendar10 } from './vcalendar10.js';
export { defaultValueType } from './design.js';
export { forEachContentLine } from './content-lines.js';
