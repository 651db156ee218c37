import type { JCalProperty } from './types.js';

const TOKEN = /^[a-z0-9-]+$/;
const JCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$/;
const JCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const JCAL_UTC_OFFSET = /^[+-]\d{2}:\d{2}(:\d{2})?$/;

/**
 * Checks that the values ical.js produced match the property's value type;
 * fixes DATE values of properties whose default is DATE-TIME (and back).
 * Returns false when the property must be kept as raw text instead.
 */
export function checkValueTypes(prop: JCalProperty): boolean {
  const type = prop[2];
  const n = prop.length;
  switch (type) {
    case 'date-time':
    case 'date': {
      let dates = 0;
      for (let i = 3; i < n; i++) {
        const v = prop[i];
        if (typeof v !== 'string') return false;
        if (JCAL_DATE.test(v) && validDate(v)) dates++;
        else if (!JCAL_DATE_TIME.test(v) || !validDate(v) || !validTime(v)) return false;
      }
      if (dates === n - 3) prop[2] = 'date';
      else if (dates === 0) prop[2] = 'date-time';
      else return false;
      return true;
    }
    case 'integer':
    case 'float':
      for (let i = 3; i < n; i++) {
        const v = prop[i];
        // Structured values (GEO) are arrays of numbers.
        if (typeof v !== 'number' && !(Array.isArray(v) && v.every((x) => typeof x === 'number'))) return false;
      }
      return true;
    case 'boolean':
      for (let i = 3; i < n; i++) if (typeof prop[i] !== 'boolean') return false;
      return true;
    case 'utc-offset':
      for (let i = 3; i < n; i++) if (typeof prop[i] !== 'string' || !JCAL_UTC_OFFSET.test(prop[i] as string)) return false;
      return true;
    case 'period':
      for (let i = 3; i < n; i++) {
        const v = prop[i];
        if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || !JCAL_DATE_TIME.test(v[0]) || typeof v[1] !== 'string') return false;
        if (!v[1].startsWith('P') && !v[1].startsWith('+P') && !v[1].startsWith('-P') && !JCAL_DATE_TIME.test(v[1])) return false;
      }
      return true;
    case 'recur':
      for (let i = 3; i < n; i++) {
        const v = prop[i];
        if (typeof v !== 'object' || v === null || !('freq' in v)) return false;
        // Parts without "=" or with odd names (RRULE:RRULE:x;FREQ=…) are not a RECUR.
        for (const key in v) if (!TOKEN.test(key) || (v as Record<string, unknown>)[key] === undefined) return false;
        if (!isSaneRecur(v as Record<string, unknown>)) return false;
        // ical.js builds recur values on null-prototype objects; hand out plain ones.
        prop[i] = { ...v };
      }
      return true;
    default:
      // VALUE=<junk> must not become a value type that cannot be written back.
      return TOKEN.test(type);
  }
}

const RECUR_RANGES: Record<string, [number, number]> = {
  bysecond: [0, 60], byminute: [0, 59], byhour: [0, 23], bymonthday: [-31, 31], byyearday: [-366, 366],
  byweekno: [-53, 53], bymonth: [1, 12], bysetpos: [-366, 366], count: [0, Number.MAX_SAFE_INTEGER], interval: [1, Number.MAX_SAFE_INTEGER],
};
const BYDAY = /^[+-]?\d{0,2}(SU|MO|TU|WE|TH|FR|SA)$/;

/**
 * RFC 5545 §3.3.10 ranges. ical.js lets some out-of-range parts through
 * (it compares the raw text, `"20050422T0900" > 12` is false), which then
 * fail on the next parse; such rules are kept as raw text instead.
 */
function isSaneRecur(recur: Record<string, unknown>): boolean {
  for (const key in recur) {
    const v = recur[key];
    const range = RECUR_RANGES[key];
    if (range) {
      for (const n of Array.isArray(v) ? v : [v]) if (!Number.isInteger(n) || (n as number) < range[0] || (n as number) > range[1]) return false;
    } else if (key === 'until') {
      if (typeof v !== 'string' || !(JCAL_DATE.test(v) || (JCAL_DATE_TIME.test(v) && validTime(v))) || !validDate(v)) return false;
    } else if (key === 'byday') {
      for (const d of Array.isArray(v) ? v : [v]) if (typeof d !== 'string' || !BYDAY.test(d)) return false;
    } else if (typeof v !== 'string' && typeof v !== 'number') {
      return false;
    }
  }
  return true;
}


/** A real calendar date (RFC 5545 §3.3.4): month 1-12, day within the month. */
function validDate(v: string): boolean {
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

/** RFC 5545 §3.3.12: hour 0-23, minute 0-59, second 0-60 (leap second). */
function validTime(v: string): boolean {
  return Number(v.slice(11, 13)) <= 23 && Number(v.slice(14, 16)) <= 59 && Number(v.slice(17, 19)) <= 60;
}
