import type { JCalProperty } from '@almanac/codec-icalendar';
import type { ICalProperty } from '../../types/jscalendar.js';

/** Parameters recorded in an ICalProperty, as jCal parameters (strings or string lists only). */
export function recordedParams(p: ICalProperty | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const params = p && typeof p === 'object' ? p.parameters : undefined;
  if (!params || typeof params !== 'object') return out;
  for (const [k, v] of Object.entries(params)) {
    const key = k.toLowerCase();
    if (!/^[a-z0-9-]+$/.test(key)) continue;
    if (typeof v === 'string') out[key] = v;
    else if (Array.isArray(v)) out[key] = v.map(String);
    else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
  }
  return out;
}

/** Adds recorded parameters to a generated property (recorded ones win). */
export function withRecorded(prop: JCalProperty, p: ICalProperty | undefined): JCalProperty {
  const rec = recordedParams(p);
  for (const k in rec) prop[1][k] = rec[k]!;
  return prop;
}

/** A JSON value as the text of a JSCAL-PROP (draft §4.1.2). */
export function jscalProp(path: string, value: unknown): JCalProperty | undefined {
  if (value === undefined || value === null) return undefined;
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return undefined;
  }
  if (json === undefined) return undefined;
  return ['jscal-prop', { 'jscal-path': path }, 'text', json];
}

/** RFC 6901 escaping of one pointer segment. */
export function pointerSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSCAL-PROP properties for the members of `obj` not in `known` (vendor and unmapped members). */
export function unknownMembers(obj: Record<string, unknown>, known: ReadonlySet<string>, prefix: string): JCalProperty[] {
  const out: JCalProperty[] = [];
  for (const key of Object.keys(obj)) {
    if (known.has(key)) continue;
    const p = jscalProp(prefix + pointerSegment(key), obj[key]);
    if (p) out.push(p);
  }
  return out;
}
