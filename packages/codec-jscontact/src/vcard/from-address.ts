import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { attachVCardParams, placeObject, readParams, registerGroup, type FromContext } from './from-context.js';
import { parseJscomps, type Jscomps } from './jscomps.js';
import { ADR_KINDS, nonEmpty, structuredValues } from './name-parts.js';
import type { ParamMember } from './object-specs.js';
import { GENERATED_GROUP } from './to-context.js';
import { table } from '../table.js';

const text: Omit<ParamMember, 'member'> = { read: (v) => v, write: (v) => (typeof v === 'string' ? v : undefined) };

/** RFC 9555 §2.5.1: ADR parameters that are Address members (LABEL, GEO, TZ, CC). */
const ADR_PARAMS: Readonly<Record<string, ParamMember>> = table<ParamMember>({
  label: { member: ['full'], ...text },
  geo: { member: ['coordinates'], ...text },
  tz: { member: ['timeZone'], ...text },
  cc: { member: ['countryCode'], ...text },
});
/** A grouped ADR keeps GEO/TZ parameters verbatim: its group's GEO/TZ properties set those members. */
const GROUPED_ADR_PARAMS: Readonly<Record<string, ParamMember>> = table<ParamMember>({ label: ADR_PARAMS['label']!, cc: ADR_PARAMS['cc']! });
/** RFC 9554 §5: ADR TYPE billing and delivery are Address contexts. */
const ADR_CONTEXTS: Readonly<Record<string, string>> = table<string>({ billing: 'billing', delivery: 'delivery' });

/** Whether an ADR value uses the RFC 9554 components (then street and extended are derived). */
export function isRfc9554Adr(comps: string[][]): boolean {
  return comps.length > 7 && comps.slice(7).some((c) => nonEmpty(c).length > 0);
}

/**
 * RFC 9555 §2.5.1: ADR converts to an Address; components per Table 2, read left to right (the
 * legacy street and extended components are ignored when the RFC 9554 components are used);
 * JSCOMPS orders them; LABEL, GEO, TZ and CC parameters become `full`, `coordinates`,
 * `timeZone` and `countryCode`.
 */
export function convertAdr(prop: JCardProperty, ctx: FromContext): boolean {
  if (prop[2] !== 'text' || prop.length !== 4) return false;
  const comps = structuredValues(prop[3]);
  const modern = isRfc9554Adr(comps);
  const params = prop[1];
  const grouped = typeof params['group'] === 'string';
  const obj: JsonObject = {};
  const leftover: JCardParams = readParams(
    withoutKeys(params, ['jscomps', 'phonetic', 'script']),
    { contextual: true, params: grouped ? GROUPED_ADR_PARAMS : ADR_PARAMS },
    obj,
    ADR_CONTEXTS,
  );
  const jscompsText = params['jscomps'];
  const jscomps = typeof jscompsText === 'string' ? parseJscomps(jscompsText) : undefined;
  const ordered = jscomps ? orderedComponents(comps, modern, jscomps) : undefined;
  if (ordered) {
    obj['components'] = ordered;
    obj['isOrdered'] = true;
    if (jscomps!.defaultSeparator !== undefined) obj['defaultSeparator'] = jscomps!.defaultSeparator;
  } else {
    const components = defaultComponents(comps, modern);
    if (components.length > 0) obj['components'] = components;
    if (jscompsText !== undefined) leftover['jscomps'] = jscompsText;
  }
  for (const key of ['phonetic', 'script'] as const) if (params[key] !== undefined) leftover[key] = params[key]!;
  attachVCardParams(obj, leftover);
  const id = placeObject(ctx, ['addresses'], params['prop-id'], obj);
  if (typeof params['group'] === 'string') registerGroup(ctx, params['group'], { name: 'adr', at: ['addresses'], id, obj, labelled: false });
  return true;
}

function withoutKeys(params: JCardParams, keys: readonly string[]): JCardParams {
  const out: JCardParams = {};
  for (const key of Object.keys(params)) if (!keys.includes(key)) out[key] = params[key]!;
  return out;
}

function counts(pos: number, modern: boolean): boolean {
  return !(modern && (pos === 1 || pos === 2));
}

function defaultComponents(comps: string[][], modern: boolean): JsonObject[] {
  const out: JsonObject[] = [];
  comps.forEach((values, pos) => {
    const kind = ADR_KINDS[pos];
    if (kind === undefined || !counts(pos, modern)) return;
    for (const value of nonEmpty(values)) out.push({ kind, value });
  });
  return out;
}

function orderedComponents(comps: string[][], modern: boolean, jscomps: Jscomps): JsonObject[] | undefined {
  const out: JsonObject[] = [];
  let positionals = 0;
  for (const e of jscomps.entries) {
    if (e.kind === 'sep') {
      out.push({ kind: 'separator', value: e.value });
      continue;
    }
    const value = comps[e.component]?.[e.index];
    const kind = ADR_KINDS[e.component];
    if (value === undefined || value === '' || kind === undefined || !counts(e.component, modern)) return undefined;
    out.push({ kind, value });
    positionals++;
  }
  return positionals === defaultComponents(comps, modern).length ? out : undefined;
}

/** RFC 9555 §2.6.2: a UTC offset of whole hours (-12…+14) is the zone `Etc/GMT∓h`. */
export function offsetToZone(offset: string): string | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m || m[3] !== '00') return undefined;
  const hours = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  if (hours < -12 || hours > 14) return undefined;
  if (hours === 0) return 'Etc/UTC';
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** The reverse of {@link offsetToZone}: the jCard UTC offset of an `Etc/GMT` zone. */
export function zoneToOffset(zone: string): string | undefined {
  if (zone === 'Etc/UTC') return '+00:00';
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  if (hours === 0 || hours > 14) return undefined;
  return `${m[1] === '+' ? '-' : '+'}${String(hours).padStart(2, '0')}:00`;
}

/** The value type the reverse conversion writes for a `timeZone`. */
export function naturalTzType(zone: string): string {
  return zoneToOffset(zone) !== undefined ? 'utc-offset' : 'text';
}

/**
 * RFC 9555 §2.6.1 GEO and §2.6.2 TZ: the coordinates or time zone of an Address. In the same
 * group as an Address without that member they join it (§2.6.3); otherwise, or when their
 * parameters would be lost, they make an Address of their own.
 */
export function convertGeoOrTz(prop: JCardProperty, ctx: FromContext): boolean {
  if (prop.length !== 4 || typeof prop[3] !== 'string') return false;
  const isGeo = prop[0] === 'geo';
  const type = prop[2];
  let value: string | undefined = prop[3];
  if (isGeo) {
    if (type !== 'uri') return false;
  } else if (type === 'utc-offset') {
    value = offsetToZone(value);
  } else if (type !== 'text') {
    return false;
  }
  if (value === undefined || value === '') return false;
  const member = isGeo ? 'coordinates' : 'timeZone';
  const params = prop[1];
  const leftover: JCardParams = {};
  const group = params['group'];
  for (const key of Object.keys(params)) {
    if (key === 'prop-id' || key === 'altid' || (key === 'group' && typeof group === 'string' && GENERATED_GROUP.test(group))) continue;
    leftover[key] = params[key]!;
  }
  const natural = isGeo ? 'uri' : naturalTzType(value);
  if (type !== natural) leftover['value'] = type;

  if (typeof group === 'string' && Object.keys(leftover).every((k) => k === 'group') && params['prop-id'] === undefined) {
    const target = ctx.byGroup.get(group)?.find((c) => c.at[0] === 'addresses' && c.obj[member] === undefined);
    if (target) {
      target.obj[member] = value;
      return true;
    }
  }
  const obj: JsonObject = { [member]: value };
  attachVCardParams(obj, leftover);
  const id = placeObject(ctx, ['addresses'], params['prop-id'], obj);
  if (typeof group === 'string') registerGroup(ctx, group, { name: prop[0], at: ['addresses'], id, obj, labelled: false });
  return true;
}
