import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { naturalTzType, zoneToOffset } from './from-address.js';
import { formatJscomps, type JscompsEntry } from './jscomps.js';
import { ADR_LEGACY_EXTENDED, ADR_LEGACY_STREET, ADR_POSITION, toStructured } from './name-parts.js';
import { addJsprop, addTypes, groupOf, isObject, keepEmpty, pathOf, vcardParamsOf, vcardParamsValid, type ToContext } from './to-context.js';
import { writeSet, writeUnknownMembers } from './to-objects.js';
import { table } from '../table.js';

const ADR_CONTEXT_TYPES: Readonly<Record<string, string>> = table<string>({ private: 'home', work: 'work', billing: 'billing', delivery: 'delivery' });
const STANDALONE: ReadonlySet<string> = new Set(['@type', 'coordinates', 'timeZone', 'vCardParams']);

/** Writes every Address (RFC 9555 §2.5.1, §2.6, reversed). */
export function writeAddresses(ctx: ToContext, addresses: unknown): void {
  if (addresses === undefined) return;
  if (keepEmpty(ctx, ['addresses'], addresses)) return;
  if (!isObject(addresses)) {
    addJsprop(ctx, ['addresses'], addresses);
    return;
  }
  for (const id of Object.keys(addresses)) writeAddress(ctx, id, addresses[id]);
}

/**
 * An Address with only `coordinates` and/or `timeZone` is a GEO and/or TZ property (sharing a
 * group); any other Address is an ADR with LABEL, CC, GEO and TZ parameters, except that a
 * grouped ADR gets its coordinates and time zone as GEO/TZ properties of its group (as read).
 * ADR has the 18 components of RFC 9554 §2.1 (the legacy street and extended address hold
 * the RFC 9555 Table 2 values); for vCard 3.0 the 7 of RFC 2426, street parts joined by spaces.
 */
export function writeAddress(ctx: ToContext, id: string, a: unknown): void {
  const path = ['addresses', id];
  if (!isObject(a)) {
    addJsprop(ctx, path, a);
    return;
  }
  const params: JCardParams = vcardParamsOf(a);
  if (!vcardParamsValid(a)) addJsprop(ctx, [...path, 'vCardParams'], a['vCardParams']);
  const hasGeo = typeof a['coordinates'] === 'string';
  const hasTz = typeof a['timeZone'] === 'string';
  if ((hasGeo || hasTz) && Object.keys(a).every((k) => STANDALONE.has(k))) {
    writeStandalone(ctx, id, a, params);
    return;
  }
  const known = new Set(['@type', 'vCardParams']);
  const types: string[] = [];
  const value = components(ctx, a, path, known, params);
  if (a['contexts'] !== undefined) {
    known.add('contexts');
    writeSet(ctx, path, 'contexts', a['contexts'], ADR_CONTEXT_TYPES, types);
  }
  if (a['pref'] !== undefined) {
    known.add('pref');
    if (typeof a['pref'] === 'number' && Number.isInteger(a['pref']) && a['pref'] >= 1 && a['pref'] <= 100) params['pref'] = String(a['pref']);
    else addJsprop(ctx, [...path, 'pref'], a['pref']);
  }
  for (const [member, param] of [['full', 'label'], ['countryCode', 'cc']] as const) {
    if (a[member] === undefined) continue;
    known.add(member);
    if (typeof a[member] === 'string') params[param] = a[member];
    else addJsprop(ctx, [...path, member], a[member]);
  }
  const grouped = typeof params['group'] === 'string';
  const extra: JCardProperty[] = [];
  for (const [member, param] of [['coordinates', 'geo'], ['timeZone', 'tz']] as const) {
    if (a[member] === undefined) continue;
    known.add(member);
    const v = a[member];
    if (typeof v !== 'string') addJsprop(ctx, [...path, member], v);
    else if (!grouped) params[param] = v;
    else extra.push(member === 'coordinates' ? ['geo', {}, 'uri', v] : tzProperty(v, {}));
  }
  writeUnknownMembers(ctx, a, path, known);
  addTypes(params, types);
  const type = typeof params['value'] === 'string' ? params['value'] : 'text';
  delete params['value'];
  if (params['prop-id'] === undefined) params['prop-id'] = id;
  const prop: JCardProperty = ['adr', params, type, value];
  ctx.props.push(prop);
  ctx.byPath?.set(pathOf(path), prop);
  for (const p of extra) {
    p[1]['group'] = groupOf(ctx, prop);
    ctx.props.push(p);
  }
}

function tzProperty(zone: string, params: JCardParams): JCardProperty {
  const type = typeof params['value'] === 'string' ? params['value'] : naturalTzType(zone);
  delete params['value'];
  const offset = type === 'utc-offset' ? zoneToOffset(zone) : undefined;
  return ['tz', params, offset !== undefined ? 'utc-offset' : type === 'utc-offset' ? 'text' : type, offset ?? zone];
}

function writeStandalone(ctx: ToContext, id: string, a: JsonObject, params: JCardParams): void {
  const geo = typeof a['coordinates'] === 'string' ? a['coordinates'] : undefined;
  const tz = typeof a['timeZone'] === 'string' ? a['timeZone'] : undefined;
  const first: JCardProperty =
    geo !== undefined ? ['geo', { ...params }, 'uri', geo] : tzProperty(tz!, { ...params });
  if (geo !== undefined) delete first[1]['value'];
  if (first[1]['prop-id'] === undefined) first[1]['prop-id'] = id;
  ctx.props.push(first);
  ctx.byPath?.set(pathOf(['addresses', id]), first);
  if (geo !== undefined && tz !== undefined) {
    // Read back into the same Address: same group, no PROP-ID of its own.
    ctx.props.push(['tz', { group: groupOf(ctx, first) }, zoneToOffset(tz) ? 'utc-offset' : 'text', zoneToOffset(tz) ?? tz]);
  }
}

/** Kinds a 7-component ADR (RFC 6350, RFC 2426) holds exactly: extended address, street, …. */
const LEGACY_KINDS: Readonly<Record<string, number>> = table<number>({ postOfficeBox: 0, apartment: 1, name: 2, locality: 3, region: 4, postcode: 5, country: 6 });

/**
 * The ADR structured value, and JSCOMPS when the components are ordered. 18 components
 * (RFC 9554 §2.1, the legacy street and extended address derived per RFC 9555 Table 2); for
 * vCard 3.0 the 7 of RFC 2426 when the components fit them exactly.
 */
function components(ctx: ToContext, a: JsonObject, path: string[], known: Set<string>, params: JCardParams): Array<string | string[]> {
  const list = a['components'];
  if (list === undefined) return toStructured(Array.from({ length: ctx.legacy ? 7 : 18 }, () => []));
  known.add('components');
  const valid = Array.isArray(list) ? (list as unknown[]).filter(isComponent) : [];
  const ok = Array.isArray(list) && valid.length === list.length;
  if (!ok) addJsprop(ctx, [...path, 'components'], list);
  const legacy = ctx.legacy && valid.every((c) => c['kind'] === 'separator' || LEGACY_KINDS[c['kind']] !== undefined);
  const positions: Readonly<Record<string, number>> = legacy ? LEGACY_KINDS : ADR_POSITION;
  const comps: string[][] = Array.from({ length: legacy ? 7 : 18 }, () => []);
  const where: Array<[number, number] | undefined> = [];
  const byKind = new Map<string, string[]>();
  for (const c of valid) {
    if (c['kind'] === 'separator') {
      where.push(undefined);
      continue;
    }
    const pos = positions[c['kind']]!;
    where.push([pos, comps[pos]!.length]);
    comps[pos]!.push(c['value']);
    const same = byKind.get(c['kind']);
    if (same) same.push(c['value']);
    else byKind.set(c['kind'], [c['value']]);
  }
  if (!legacy) {
    for (const k of ADR_LEGACY_EXTENDED) for (const v of byKind.get(k) ?? []) comps[1]!.push(v);
    for (const k of ADR_LEGACY_STREET) for (const v of byKind.get(k) ?? []) comps[2]!.push(v);
  }
  if (a['isOrdered'] === true && ok) {
    known.add('isOrdered');
    if (typeof a['defaultSeparator'] === 'string') known.add('defaultSeparator');
    const entries: JscompsEntry[] = valid.map((c, i) =>
      where[i] === undefined ? { kind: 'sep', value: c['value'] } : { kind: 'pos', component: where[i]![0], index: where[i]![1] },
    );
    params['jscomps'] = formatJscomps({ defaultSeparator: typeof a['defaultSeparator'] === 'string' ? a['defaultSeparator'] : undefined, entries });
  } else if (a['isOrdered'] === false) {
    known.add('isOrdered');
  }
  return toStructured(comps);
}

function isComponent(c: unknown): c is { kind: string; value: string } {
  if (!isObject(c) || typeof c['value'] !== 'string' || c['value'] === '' || typeof c['kind'] !== 'string') return false;
  if (Object.keys(c).some((k) => k !== 'kind' && k !== 'value' && k !== '@type')) return false;
  return c['kind'] === 'separator' || ADR_POSITION[c['kind']] !== undefined;
}
