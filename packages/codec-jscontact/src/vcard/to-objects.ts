import { escapeText, type JCardParams, type JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { naturalTypeOf } from './from-objects.js';
import { TEL_FEATURES, specForObject, type ObjectSpec, type ParamMember } from './object-specs.js';
import { addJsprop, addTypes, groupOf, isObject, keepEmpty, pathOf, vcardParamsOf, vcardParamsValid, type ToContext } from './to-context.js';
import { own, table } from '../table.js';

const FEATURE_TYPES: Readonly<Record<string, string>> = table<string>(Object.fromEntries(Object.entries(TEL_FEATURES).map(([t, f]) => [f, t])));
const CONTEXT_TYPES: Readonly<Record<string, string>> = table<string>({ private: 'home', work: 'work' });

/**
 * Writes the contexts (or another boolean set) of an object as TYPE values; keys with no TYPE
 * spelling, and values other than `true`, go to JSPROP so they are not lost.
 */
export function writeSet(
  ctx: ToContext,
  path: readonly string[],
  member: string,
  set: unknown,
  spelling: Readonly<Record<string, string>>,
  types: string[],
  emptyReadsBack = false,
): void {
  if (set === undefined) return;
  // An empty set reads back as an absent member, unless the reader always creates it (relation).
  if (!isObject(set) || (!emptyReadsBack && Object.keys(set).length === 0)) {
    addJsprop(ctx, [...path, member], set);
    return;
  }
  for (const key of Object.keys(set)) {
    const type = own(spelling, key);
    if (type !== undefined && set[key] === true) types.push(type);
    else addJsprop(ctx, [...path, member, key], set[key]);
  }
}

/**
 * One map entry (EMAIL, TEL, PHOTO, NOTE, … see OBJECT_SPECS) as a vCard property (RFC 9555 §3:
 * the reverse of §2). Members without a vCard spelling become JSPROP properties; an `label`
 * becomes an X-ABLabel in the property's group. The whole entry goes to JSPROP when it has no
 * value or no vCard property (a Media of an unknown kind).
 */
export function writeObject(ctx: ToContext, at: readonly string[], id: string, obj: unknown, extraContexts?: Readonly<Record<string, string>>): JCardProperty | undefined {
  const path = [...at, id];
  const collection = at[at.length - 1]!;
  const spec = isObject(obj) ? specForObject(collection, obj) : undefined;
  if (!isObject(obj) || !spec) {
    addJsprop(ctx, path, obj);
    return undefined;
  }
  const key = typeof obj[spec.valueKey] === 'string' ? spec.valueKey : spec.textValueKey && typeof obj[spec.textValueKey] === 'string' ? spec.textValueKey : undefined;
  if (key === undefined) {
    addJsprop(ctx, path, obj);
    return undefined;
  }
  const value = obj[key] as string;
  const params: JCardParams = {};
  const types: string[] = [];
  const known = new Set(['@type', 'vCardParams', key]);
  if (obj['kind'] === spec.kind) known.add('kind');
  if (spec.vCardName !== undefined) known.add('vCardName');
  if (spec.contextual) {
    known.add('contexts');
    writeSet(ctx, path, 'contexts', obj['contexts'], extraContexts ? table({ ...CONTEXT_TYPES, ...extraContexts }) : CONTEXT_TYPES, types);
    if (obj['pref'] !== undefined) {
      known.add('pref');
      const pref = obj['pref'];
      if (typeof pref === 'number' && Number.isInteger(pref) && pref >= 1 && pref <= 100) params['pref'] = String(pref);
      else addJsprop(ctx, [...path, 'pref'], pref);
    }
  }
  if (spec.typeSet) {
    known.add(spec.typeSet.member);
    writeSet(ctx, path, spec.typeSet.member, obj[spec.typeSet.member], FEATURE_TYPES, types);
  }
  for (const [param, pm] of paramEntries(spec).flat) {
    const member = pm.member[0]!;
    if (obj[member] === undefined || member === key) continue;
    known.add(member);
    if (pm.member.length === 1) {
      const text = pm.write(obj[member]);
      if (text !== undefined) params[param] = text;
      else addJsprop(ctx, [...path, member], obj[member]);
    }
  }
  writeNested(ctx, spec, obj, path, params, known);
  writeUnknownMembers(ctx, obj, path, known);
  if (!vcardParamsValid(obj)) addJsprop(ctx, [...path, 'vCardParams'], obj['vCardParams']);
  Object.assign(params, vcardParamsOf(obj));
  addTypes(params, types);
  const type = typeof params['value'] === 'string' ? params['value'] : naturalTypeOf(spec, obj);
  delete params['value'];
  if (params['prop-id'] === undefined) params['prop-id'] = id;
  const prop: JCardProperty = [spec.vcard, params, type, value];
  ctx.props.push(prop);
  ctx.byPath?.set(pathOf(path), prop);
  if (obj['label'] !== undefined) {
    if (spec.label && typeof obj['label'] === 'string') {
      ctx.props.push(['x-ablabel', { group: groupOf(ctx, prop) }, 'unknown', escapeText(obj['label'], false)]);
    } else {
      addJsprop(ctx, [...path, 'label'], obj['label']);
    }
  }
  return prop;
}

type ParamEntries = { flat: Array<[string, ParamMember]>; nested: Array<[string, ParamMember]> };
const PARAM_ENTRIES = new WeakMap<ObjectSpec, ParamEntries>();

/** The spec's parameters as entries (one level, and two levels deep), computed once per spec. */
function paramEntries(spec: ObjectSpec): ParamEntries {
  let entries = PARAM_ENTRIES.get(spec);
  if (!entries) {
    const all = Object.entries(spec.params ?? {});
    entries = { flat: all, nested: all.filter(([, pm]) => pm.member.length === 2) };
    PARAM_ENTRIES.set(spec, entries);
  }
  return entries;
}

/** Members two levels deep (NOTE's author name and URI). */
function writeNested(ctx: ToContext, spec: ObjectSpec, obj: JsonObject, path: readonly string[], params: JCardParams, known: Set<string>): void {
  const nested = paramEntries(spec).nested;
  if (nested.length === 0) return;
  const parent = nested[0]![1].member[0]!;
  const value = obj[parent];
  if (value === undefined) return;
  known.add(parent);
  if (!isObject(value)) {
    addJsprop(ctx, [...path, parent], value);
    return;
  }
  const handled = new Set<string>();
  for (const [param, pm] of nested) {
    const member = pm.member[1]!;
    if (value[member] === undefined) continue;
    const text = pm.write(value[member]);
    if (text !== undefined) {
      params[param] = text;
      handled.add(member);
    }
  }
  for (const key of Object.keys(value)) if (!handled.has(key) && key !== '@type') addJsprop(ctx, [...path, parent, key], value[key]);
}

/** Members the vCard property cannot hold become JSPROP properties (RFC 9555 §3.1.1). */
export function writeUnknownMembers(ctx: ToContext, obj: JsonObject, path: readonly string[], known: ReadonlySet<string>): void {
  for (const key of Object.keys(obj)) {
    if (known.has(key) || obj[key] === undefined) continue;
    if (key === 'label') continue;
    addJsprop(ctx, [...path, key], obj[key]);
  }
}

/** Writes every entry of a JSContact map (emails, phones, …). Not an object: all of it to JSPROP. */
export function writeMap(ctx: ToContext, at: readonly string[], map: unknown): void {
  if (map === undefined || keepEmpty(ctx, at, map)) return;
  if (!isObject(map)) {
    addJsprop(ctx, at, map);
    return;
  }
  for (const id of Object.keys(map)) writeObject(ctx, at, id, map[id]);
}
