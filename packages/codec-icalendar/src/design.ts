import ICAL from 'ical.js';

/** ical.js' design-set shape (value, param and property tables); kept loose on purpose. */
export interface DesignSet {
  name: string;
  value: Record<string, { fromICAL?: (v: string, s?: unknown) => unknown; toICAL?: (v: unknown, s?: unknown) => string }>;
  param: Record<string, { multiValue?: string; multiValueSeparateDQuote?: boolean; valueType?: string }>;
  property: Record<string, { defaultType: string; multiValue?: string; structuredValue?: string; allowedTypes?: string[]; detectType?: (v: string) => string }>;
  propertyGroups: boolean;
}

const base = ICAL.design.icalendar as unknown as DesignSet;

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const UTC_OFFSET = /^([+-])(\d{2})(\d{2})(\d{2})?$/;

/**
 * Value parsers that never invent data: a value that does not match its type
 * is returned as the raw string, and `parseICalendar` then retypes the whole
 * property as `unknown` so that it survives a round trip byte for byte
 * (ical.js would turn `PRIORITY:high` into `0`).
 */
const lenientValues: DesignSet['value'] = {
  'date-time': {
    fromICAL(value: string) {
      const v = value.trim();
      const m = DATE_TIME.exec(v);
      if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}`;
      // A bare date where a DATE-TIME is the default (DTSTART:20240101 without
      // VALUE=DATE) is common in the wild; the parser retypes it as `date`.
      const d = DATE.exec(v);
      return d ? `${d[1]}-${d[2]}-${d[3]}` : v;
    },
    toICAL: base.value['date-time']!.toICAL!,
  },
  date: {
    fromICAL(value: string) {
      const v = value.trim();
      const d = DATE.exec(v);
      if (d) return `${d[1]}-${d[2]}-${d[3]}`;
      const m = DATE_TIME.exec(v);
      return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}` : v;
    },
    toICAL: base.value.date!.toICAL!,
  },
  integer: {
    fromICAL: (v: string) => (INTEGER.test(v) ? Number.parseInt(v, 10) : v),
    toICAL: (v: unknown) => String(v),
  },
  float: {
    fromICAL: (v: string) => (FLOAT.test(v) ? Number.parseFloat(v) : v),
    toICAL: (v: unknown) => String(v),
  },
  boolean: {
    fromICAL(v: string) {
      const u = v.toUpperCase();
      return u === 'TRUE' ? true : u === 'FALSE' ? false : v;
    },
    toICAL: (v: unknown) => (v ? 'TRUE' : 'FALSE'),
  },
  'utc-offset': {
    fromICAL(v: string) {
      const m = UTC_OFFSET.exec(v);
      return m ? `${m[1]}${m[2]}:${m[3]}${m[4] ? `:${m[4]}` : ''}` : v;
    },
    toICAL: base.value['utc-offset']!.toICAL!,
  },
};

const text = { defaultType: 'text' };
const uri = { defaultType: 'uri' };

/**
 * Properties registered after RFC 5545 that ical.js 2.2 does not know
 * (RFC 7986, 7808, 7953, 9073, 9074, 9253, the task extensions draft and the
 * JSCalendar conversion draft). Without them their values would be `unknown`.
 */
const extraProperties: DesignSet['property'] = {
  // RFC 7986 §5
  name: text,
  'refresh-interval': { defaultType: 'duration' },
  source: uri,
  color: text,
  image: { defaultType: 'uri', allowedTypes: ['uri', 'binary'] },
  conference: uri,
  // RFC 7808 §7
  tzuntil: { defaultType: 'date-time' },
  'tzid-alias-of': text,
  // RFC 7953 §3.2
  busytype: text,
  // RFC 9073 §6
  'location-type': { defaultType: 'text', multiValue: ',' },
  'participant-type': text,
  'resource-type': text,
  'calendar-address': { defaultType: 'cal-address' },
  // STYLED-DESCRIPTION and STRUCTURED-DATA have no default type (VALUE= is
  // mandatory), so they are left out: VALUE=TEXT is then always written.
  // RFC 9074 §6-8
  acknowledged: { defaultType: 'date-time' },
  proximity: text,
  // RFC 9253 §8
  concept: uri,
  link: uri,
  refid: text,
  // draft-ietf-calext-ical-tasks
  'estimated-duration': { defaultType: 'duration' },
  // draft-ietf-calext-jscalendar-icalendar §4.1
  'jscal-prop': text,
  'jscal-id': text,
};

/** Parameters with comma-separated values (RFC 7986 §6.1, §6.3). */
const extraParams: DesignSet['param'] = {
  display: { multiValue: ',' },
  feature: { multiValue: ',' },
};

/** The design set every parse and stringify call of this package uses. */
export const ICALENDAR_DESIGN: DesignSet = {
  ...base,
  name: 'ical',
  value: { ...base.value, ...lenientValues },
  param: { ...base.param, ...extraParams },
  property: { ...base.property, ...extraProperties },
};

/** A design set that knows no property: every value stays the raw text. */
export const RAW_DESIGN: DesignSet = { ...ICALENDAR_DESIGN, property: {}, value: {} };

/** The default value type of a property name (lowercase), `unknown` if unregistered. */
export function defaultValueType(name: string): string {
  return ICALENDAR_DESIGN.property[name]?.defaultType ?? 'unknown';
}
