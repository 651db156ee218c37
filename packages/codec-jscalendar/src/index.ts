/**
 * `@almanac/codec-jscalendar`: JSCalendar (RFC 8984) types, JSON Schemas,
 * normalisation and the `rfc` ⇄ `egroupware` profiles. The iCalendar
 * conversion is the subpath `./icalendar`; recurrence expansion `./recurrence`.
 */
export type { Issue, Parsed } from './issues.js';
export type * from './types/jscalendar.js';
export { parseJSCalendarInput, formatJSCalendar, type ParseJSCalendarInputOptions, type FormatJSCalendarOptions } from './input.js';
export { validateJSCalendar, type ValidateOptions, type Profile } from './schema/validate.js';
export { rfc8984Schema } from './schema/rfc8984.js';
export { egroupwareSchema } from './schema/egroupware.js';
export { normalizeJSCalendar, secondsToDuration, type NormalizeOptions } from './normalize.js';
export { egroupwareToRfc, rfcToEgroupware, quantisePriority, type JSCalendarProfile } from './profiles/egroupware.js';
export { nestedToPatch, patchToNested } from './profiles/overrides.js';
export { isLocalDateTime, isUtcDateTime, parseDuration, formatDuration } from './datetime.js';
