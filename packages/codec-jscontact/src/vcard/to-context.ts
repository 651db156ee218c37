import { escapePointerSegment } from '@almanac/codec-patchobject';
import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { Issue, JsonObject } from '../types.js';

/** State of one JSContact → vCard conversion. */
export interface ToContext {
  props: JCardProperty[];
  warnings: Issue[];
  /** 3.0 output: ADR in its 7 RFC 2426 components. */
  legacy: boolean;
  /**
   * Group names in use (vCardParams and vCardProps), so generated ones never collide; collected
   * from `card` when the first group is generated.
   */
  usedGroups: Set<string> | undefined;
  card: JsonObject;
  nextGroup: number;
  nextAltId: number;
  /** The property each map entry became, by JSON path (`titles/k1`), for ALTID links (only with localizations). */
  byPath: Map<string, JCardProperty> | undefined;
  /** vCardProps entries, which singular properties defer to when they say the same. */
  kept: JCardProperty[];
}

/** A JSON pointer path (without leading `/`) from segments. */
export function pathOf(segments: readonly string[]): string {
  return segments.map(escapePointerSegment).join('/');
}

/**
 * RFC 9555 §3.2.1 JSPROP: a JSContact value with no vCard counterpart, at `path` (relative to
 * the Card, never into an array), JSON-encoded without insignificant whitespace.
 */
export function addJsprop(ctx: ToContext, path: readonly string[], value: unknown): void {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    ctx.warnings.push({ code: 'jscontact/not-json', path: '/' + pathOf(path), message: 'value is not JSON; left out' });
    return;
  }
  ctx.props.push(['jsprop', { jsptr: pathOf(path) }, 'text', text]);
}

/**
 * Group names this conversion makes up (to link an X-ABLabel or a TITLE/ORG pair, RFC 9555
 * §2.3.9: group names need not be kept): reading a vCard does not keep them in vCardParams, so
 * a Card converted to vCard and back is unchanged.
 */
export const GENERATED_GROUP = /^jsg\d+$/;

/** A group name not used anywhere in the card (`jsg1`, `jsg2`, …). */
export function newGroup(ctx: ToContext): string {
  const used = usedGroupsOf(ctx);
  let name = 'jsg' + ctx.nextGroup++;
  while (used.has(name)) name = 'jsg' + ctx.nextGroup++;
  used.add(name);
  return name;
}

/** Every group name the card already uses (collected once, when first needed). */
export function usedGroupsOf(ctx: ToContext): Set<string> {
  if (ctx.usedGroups) return ctx.usedGroups;
  const out = new Set<string>();
  for (const p of ctx.kept) if (typeof p[1]['group'] === 'string') out.add(p[1]['group']);
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const obj = value as JsonObject;
    const params = obj['vCardParams'];
    if (isObject(params) && typeof params['group'] === 'string') out.add(params['group']);
    for (const key of Object.keys(obj)) if (key !== 'vCardProps') visit(obj[key], depth + 1);
  };
  visit(ctx.card, 0);
  return (ctx.usedGroups = out);
}

/** The group of a property, assigning a new one when it has none. */
export function groupOf(ctx: ToContext, prop: JCardProperty): string {
  const g = prop[1]['group'];
  if (typeof g === 'string' && g !== '') return g;
  const name = newGroup(ctx);
  prop[1]['group'] = name;
  return name;
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The vCardParams of a JSContact object, as a fresh parameter object (invalid entries skipped). */
export function vcardParamsOf(obj: JsonObject): JCardParams {
  const out: JCardParams = {};
  const params = obj['vCardParams'];
  if (!isObject(params)) return out;
  for (const key of Object.keys(params)) {
    const v = params[key];
    const lower = key.toLowerCase();
    if (typeof v === 'string') out[lower] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[lower] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[lower] = v as string[];
  }
  return out;
}

/** Whether the object's vCardParams are all writable (else the object also needs a JSPROP). */
export function vcardParamsValid(obj: JsonObject): boolean {
  const params = obj['vCardParams'];
  if (params === undefined) return true;
  if (!isObject(params)) return false;
  return Object.values(params).every((v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
}

/** Adds TYPE values to a parameter object, after the ones already there. */
export function addTypes(params: JCardParams, types: readonly string[]): void {
  if (types.length === 0) return;
  const existing = params['type'];
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  const merged = [...types, ...list];
  params['type'] = merged.length === 1 ? merged[0]! : merged;
}

/**
 * An empty map or set (`"members": {}`) has no vCard property to carry it; it is kept as a
 * JSPROP so that converting back gives the empty member again. Returns whether it was empty.
 */
export function keepEmpty(ctx: ToContext, path: readonly string[], value: unknown): boolean {
  if (!isObject(value) || Object.keys(value).length > 0) return false;
  addJsprop(ctx, path, value);
  return true;
}
