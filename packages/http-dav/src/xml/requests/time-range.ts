import { XmlError } from '../errors.js';
import { caldav } from '../names.js';
import { attr, type XmlElement } from '../tree.js';

/** A time range: `start` inclusive, `end` exclusive (RFC 4791 §9.9); either may be open. */
export interface TimeRange {
  readonly start?: Date;
  readonly end?: Date;
}

const UTC_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

/**
 * Parses the "date with UTC time" of RFC 4791 §9.9 (`20060104T000000Z`). Lenient with what
 * clients send in practice: a missing `Z` is read as UTC, a bare date as its midnight UTC.
 * `undefined` for anything else (an impossible date such as Feb 30 included).
 * @example parseUtcDateTime('20060104T140000Z') // 2006-01-04T14:00:00.000Z
 */
export function parseUtcDateTime(text: string): Date | undefined {
  const match = UTC_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(year as number, month - 1, day, hour, minute, Math.min(second, 59));
  const date = new Date(ms);
  // Date.UTC rolls Feb 30 over to March: refuse instead.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  return date;
}

/** How a bad range is reported: which reason/precondition (filters and calendar-data differ). */
interface RangeRules {
  /** At least one of start/end must be there (filters) or both (expand, limit-*). */
  readonly require: 'one' | 'both';
  readonly onError: (message: string) => XmlError;
}

/** Refused time-ranges in filters: `403` with `CALDAV:valid-filter` (RFC 4791 §7.7, §9.9). */
export const FILTER_RANGE: RangeRules = {
  require: 'one',
  onError: (message) => new XmlError('invalid-filter', message, { precondition: caldav('valid-filter') }),
};

/** Refused ranges in `calendar-data` (expand, limit-recurrence-set, limit-freebusy-set): plain 400. */
export const DATA_RANGE: RangeRules = {
  require: 'both',
  onError: (message) => new XmlError('invalid-body', message),
};

/**
 * Reads the `start`/`end` attributes of a `time-range`, `expand`, `limit-recurrence-set` or
 * `limit-freebusy-set` element. `end` must be after `start` (RFC 4791 §9.6.5, §9.9).
 * @throws XmlError as `rules.onError` makes it.
 */
export function readTimeRange(element: XmlElement, rules: RangeRules = FILTER_RANGE): TimeRange {
  const read = (name: 'start' | 'end'): Date | undefined => {
    const raw = attr(element, name);
    if (raw === undefined) return undefined;
    const date = parseUtcDateTime(raw);
    if (date === undefined) throw rules.onError(`<${element.local}> ${name}="${raw.slice(0, 40)}" is not a UTC date-time such as 20060104T000000Z`);
    return date;
  };
  const start = read('start');
  const end = read('end');
  if (rules.require === 'both' ? start === undefined || end === undefined : start === undefined && end === undefined) {
    throw rules.onError(`<${element.local}> needs ${rules.require === 'both' ? 'start and end' : 'start or end'}`);
  }
  if (start !== undefined && end !== undefined && end.getTime() <= start.getTime()) {
    throw rules.onError(`<${element.local}> end must be after start`);
  }
  return { ...(start && { start }), ...(end && { end }) };
}
