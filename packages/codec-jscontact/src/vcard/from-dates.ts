import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { attachVCardParams, placeObject, type FromContext } from './from-context.js';
import { table } from '../table.js';

/** RFC 9555 §2.4.1: date properties and the Anniversary kind they make. */
export const DATE_KINDS: Readonly<Record<string, string>> = table<string>({ bday: 'birth', anniversary: 'wedding', deathdate: 'death' });
/** RFC 9555 §2.4.1: place properties (RFC 6474) and the Anniversary they join. */
export const PLACE_KINDS: Readonly<Record<string, string>> = table<string>({ birthplace: 'birth', deathplace: 'death' });

/**
 * A jCard date (RFC 7095 §3.5: `1996-04-15`, `--04-15`, `1996-04`, `1996`, `---15`, or the basic
 * forms) as a PartialDate, a UTC date-time with seconds as a Timestamp (RFC 9555 §2.2.2);
 * `undefined` for anything else (local or offset times, text), which JSContact cannot hold.
 */
export function parseAnniversaryDate(value: string): JsonObject | undefined {
  let m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})Z$/.exec(value);
  if (m) return { '@type': 'Timestamp', utc: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return partial(m[1], m[2], m[3]);
  m = /^--(\d{2})-?(\d{2})$/.exec(value);
  if (m) return partial(undefined, m[1], m[2]);
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return partial(m[1], m[2], undefined);
  m = /^(\d{4})$/.exec(value);
  if (m) return partial(m[1], undefined, undefined);
  m = /^---(\d{2})$/.exec(value);
  if (m) return partial(undefined, undefined, m[1]);
  return undefined;
}

function partial(year: string | undefined, month: string | undefined, day: string | undefined): JsonObject | undefined {
  const out: JsonObject = {};
  if (year !== undefined) out['year'] = Number(year);
  if (month !== undefined) {
    const mo = Number(month);
    if (mo < 1 || mo > 12) return undefined;
    out['month'] = mo;
  }
  if (day !== undefined) {
    const d = Number(day);
    if (d < 1 || d > 31) return undefined;
    out['day'] = d;
  }
  return out;
}

/** The jCard form of an Anniversary date (the reverse of {@link parseAnniversaryDate}). */
export function formatAnniversaryDate(date: unknown): string | undefined {
  if (date === null || typeof date !== 'object') return undefined;
  const d = date as JsonObject;
  if (d['@type'] === 'Timestamp' || d['utc'] !== undefined) {
    return typeof d['utc'] === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(d['utc']) ? d['utc'] : undefined;
  }
  const { year, month, day } = d;
  const two = (n: unknown): string | undefined => (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 31 ? String(n).padStart(2, '0') : undefined);
  const y = typeof year === 'number' && Number.isInteger(year) && year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : undefined;
  const mo = month === undefined ? undefined : two(month);
  const da = day === undefined ? undefined : two(day);
  if ((year !== undefined && y === undefined) || (month !== undefined && mo === undefined) || (day !== undefined && da === undefined)) return undefined;
  if (y && mo && da) return `${y}-${mo}-${da}`;
  if (!y && mo && da) return `--${mo}-${da}`;
  if (y && mo && !da) return `${y}-${mo}`;
  if (y && !mo && !da) return y;
  if (!y && !mo && da) return `---${da}`;
  return undefined;
}

/**
 * RFC 9555 §2.4.1: BDAY, ANNIVERSARY and DEATHDATE make Anniversaries of kind birth, wedding
 * and death. CALSCALE becomes the date's `calendarScale`. A second one of a kind, or a date
 * JSContact cannot express, is not converted.
 */
export function convertDate(prop: JCardProperty, ctx: FromContext): boolean {
  const kind = DATE_KINDS[prop[0]]!;
  if (ctx.anniversaries.has(kind) || prop.length !== 4 || typeof prop[3] !== 'string' || prop[2] === 'unknown' || prop[2] === 'text') return false;
  const date = parseAnniversaryDate(prop[3]);
  if (!date || formatAnniversaryDate(date) !== prop[3]) return false;
  const obj: JsonObject = { kind, date };
  const leftover: JCardParams = {};
  for (const key of Object.keys(prop[1])) {
    const value = prop[1][key]!;
    if (key === 'prop-id' || key === 'altid') continue;
    if (key === 'calscale' && typeof value === 'string' && date['@type'] === undefined) date['calendarScale'] = value;
    else leftover[key] = value;
  }
  if (prop[2] !== 'date-and-or-time') leftover['value'] = prop[2];
  attachVCardParams(obj, leftover);
  const propId = prop[1]['prop-id'];
  const id = placeObject(ctx, ['anniversaries'], propId, obj);
  ctx.anniversaries.set(kind, { id, obj, propId: typeof propId === 'string' ? propId : undefined });
  return true;
}

/**
 * RFC 9555 §2.4.1: BIRTHPLACE and DEATHPLACE become the `place` of the birth or death
 * Anniversary: `full` for text, `coordinates` for a `geo:` URI. Not converted (kept in
 * vCardProps) when there is no such Anniversary, it already has a place, or the property has
 * parameters the Anniversary cannot hold for it.
 */
export function convertPlace(prop: JCardProperty, ctx: FromContext): boolean {
  const slot = ctx.anniversaries.get(PLACE_KINDS[prop[0]]!);
  if (!slot || slot.obj['place'] !== undefined || prop.length !== 4 || typeof prop[3] !== 'string') return false;
  const params = prop[1];
  for (const key of Object.keys(params)) {
    if (key === 'altid') continue;
    if (key === 'prop-id' && params[key] === slot.id) continue;
    if (key === 'group' && (slot.obj['vCardParams'] as JCardParams | undefined)?.['group'] === params[key]) continue;
    return false;
  }
  // The place is written in the date's group: both in the same group, or both in none.
  if (params['group'] !== (slot.obj['vCardParams'] as JCardParams | undefined)?.['group']) return false;
  const value = prop[3];
  if (prop[2] === 'text') slot.obj['place'] = { full: value };
  else if (prop[2] === 'uri' && /^geo:/i.test(value)) slot.obj['place'] = { coordinates: value };
  else return false;
  return true;
}
