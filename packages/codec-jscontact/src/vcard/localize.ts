import { escapePointerSegment, jsonEqual } from '@almanac/codec-patchobject';
import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { JCardProp, JsonObject } from '../types.js';
import { keepProperty, objectAt, type FromContext } from './from-context.js';
import { IdAllocator } from './ids.js';
import { N_KINDS, nonEmpty, structuredValues } from './name-parts.js';

/**
 * Finds the ALTID alternates (RFC 6350 §5.4): among properties of one name sharing an ALTID, the
 * main one has no LANGUAGE (or the card's LANGUAGE, or is simply first); the others are
 * alternates converted into `localizations` (RFC 9555 §2.3.10), or phonetic spellings (§2.3.13).
 */
export function splitAlternates(
  props: readonly JCardProperty[],
  cardLanguage: string | undefined,
): { alternates: Set<JCardProperty>; mainOf: Map<JCardProperty, JCardProperty> } {
  if (!props.some((p) => p[1]['altid'] !== undefined)) return NO_ALTERNATES;
  const groups = new Map<string, JCardProperty[]>();
  for (const p of props) {
    const altid = p[1]['altid'];
    if (typeof altid !== 'string' || p[0] === 'version') continue;
    const key = p[0] + '\u0000' + altid;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const alternates = new Set<JCardProperty>();
  const mainOf = new Map<JCardProperty, JCardProperty>();
  const lang = cardLanguage?.toLowerCase();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const plain = group.filter((p) => p[1]['phonetic'] === undefined && p[1]['script'] === undefined);
    const main =
      plain.find((p) => p[1]['language'] === undefined) ??
      plain.find((p) => typeof p[1]['language'] === 'string' && p[1]['language'].toLowerCase() === lang) ??
      plain[0] ??
      group[0]!;
    for (const p of group) {
      if (p === main) continue;
      alternates.add(p);
      mainOf.set(p, main);
    }
  }
  return { alternates, mainOf };
}

const NO_ALTERNATES: { alternates: Set<JCardProperty>; mainOf: Map<JCardProperty, JCardProperty> } = { alternates: new Set(), mainOf: new Map() };

type Convert = (p: JCardProperty, ctx: FromContext) => boolean;

/**
 * Converts each alternate into a patch of `localizations[<its LANGUAGE>]`: the members of the
 * object its main property converted to that differ in the alternate (e.g.
 * `titles/k1/name`). Alternates that cannot be expressed that way (no LANGUAGE, parameters of
 * their own, a clash with another patch) stay in vCardProps.
 */
export function applyAlternates(
  alternates: ReadonlySet<JCardProperty>,
  mainOf: ReadonlyMap<JCardProperty, JCardProperty>,
  targets: ReadonlyMap<JCardProperty, string[]>,
  ctx: FromContext,
  convert: Convert,
): void {
  for (const alt of alternates) {
    const main = mainOf.get(alt)!;
    const target = targets.get(main);
    const ok = target !== undefined && (alt[1]['phonetic'] !== undefined || alt[1]['script'] !== undefined
      ? alt[0] === 'n' && phoneticN(alt, main, ctx)
      : localize(alt, main, target, ctx, convert));
    if (!ok) {
      keepProperty(ctx, alt);
      if (target) keepAltid(main, target, ctx);
    }
  }
}

/**
 * An alternate kept in vCardProps still names its main property by ALTID: the main keeps its
 * ALTID (in vCardParams, or as a kept copy for FN) so the link survives the way back.
 */
function keepAltid(main: JCardProperty, target: string[], ctx: FromContext): void {
  const altid = main[1]['altid'];
  if (typeof altid !== 'string') return;
  if (main[0] === 'fn') {
    if (!ctx.vCardProps.includes(main as unknown as JCardProp)) keepProperty(ctx, main);
    return;
  }
  const obj = objectAt(ctx.card, target);
  obj['vCardParams'] = { ...(obj['vCardParams'] as JCardParams | undefined), altid };
}

function localize(alt: JCardProperty, main: JCardProperty, target: string[], ctx: FromContext, convert: Convert): boolean {
  const lang = alt[1]['language'];
  if (typeof lang !== 'string' || lang === '') return false;
  const patch = alternatePatch(main, alt, target, ctx.card, convert);
  return patch !== undefined && addPatch(ctx, lang, patch);
}

/**
 * The localization patch an alternate makes: the members of the object `main` converts to (at
 * `target`) that differ when converting `alt` instead, as `target/member` paths. `undefined`
 * when the alternate cannot be expressed so (parameters of its own, nothing differs).
 */
export function alternatePatch(
  main: JCardProperty,
  alt: JCardProperty,
  target: string[],
  card: JsonObject,
  convert: Convert,
): Record<string, unknown> | undefined {
  const base = scratch(main, target, card, convert);
  const other = scratch(alt, target, card, convert);
  if (!base || !other) return undefined;
  if (!jsonEqual(withoutLanguage(base['vCardParams']), withoutLanguage(other['vCardParams']))) return undefined;
  const prefix = target.map(escapePointerSegment).join('/');
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(other)])) {
    if (key === 'vCardParams' || jsonEqual(base[key], other[key])) continue;
    patch[prefix + '/' + escapePointerSegment(key)] = other[key] ?? null;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

function addPatch(ctx: FromContext, lang: string, patch: Record<string, unknown>): boolean {
  const keys = Object.keys(patch);
  if (keys.length === 0) return false;
  const existing = (ctx.card['localizations'] as Record<string, JsonObject> | undefined)?.[lang];
  if (existing && keys.some((k) => existing[k] !== undefined)) return false;
  Object.assign(objectAt(ctx.card, ['localizations', lang]), patch);
  return true;
}

function withoutLanguage(params: unknown): JCardParams {
  const out: JCardParams = { ...(params as JCardParams | undefined) };
  delete out['language'];
  delete out['prop-id'];
  return out;
}

/** What one property alone converts to, at `target` (the main's object path). */
function scratch(p: JCardProperty, target: string[], card: JsonObject, convert: Convert): JsonObject | undefined {
  if (p[0] === 'fn') {
    if (p.length !== 4 || typeof p[3] !== 'string' || p[2] !== 'text') return undefined;
    const params: JCardParams = {};
    for (const key of Object.keys(p[1])) if (key !== 'altid') params[key] = p[1][key]!;
    return Object.keys(params).length > 0 ? { full: p[3], vCardParams: params } : { full: p[3] };
  }
  const local: FromContext = {
    card: {},
    ids: new IdAllocator(),
    warnings: [],
    vCardProps: [],
    byGroup: new Map(),
    forcedId: target.length > 1 ? target[target.length - 1] : undefined,
    anniversaries: new Map(),
    lastTarget: undefined,
    trackTargets: true,
  };
  if (target[0] === 'anniversaries') {
    const real = objectAt(card, target);
    const slot: JsonObject = { kind: real['kind'] };
    if (real['vCardParams'] !== undefined) slot['vCardParams'] = real['vCardParams'];
    objectAt(local.card, ['anniversaries'])[target[1]!] = slot;
    local.anniversaries.set(String(real['kind']), { id: target[1]!, obj: slot, propId: target[1] });
  }
  if (!convert(p, local)) return undefined;
  const obj = objectAt(local.card, target);
  return Object.keys(obj).length > 0 ? obj : undefined;
}

/**
 * RFC 9555 §2.3.13: an N alternate with PHONETIC (or SCRIPT) spells the components of the main
 * N: `phonetic` of each component, `phoneticSystem`/`phoneticScript` of the Name; in the card
 * itself, or as localizations when it has a LANGUAGE of its own.
 */
function phoneticN(alt: JCardProperty, main: JCardProperty, ctx: FromContext): boolean {
  const name = ctx.card['name'] as JsonObject | undefined;
  const result = name ? phoneticPatch(alt, main, name) : undefined;
  if (!result) return false;
  if (result.language === undefined) {
    const components = name!['components'] as JsonObject[];
    for (const [path, value] of Object.entries(result.patch)) {
      const m = /^name\/components\/(\d+)\/phonetic$/.exec(path);
      if (m) {
        if (components[Number(m[1])]!['phonetic'] !== undefined) return false;
      } else if (name![path.slice(5)] !== undefined) {
        return false;
      }
      void value;
    }
    for (const [path, value] of Object.entries(result.patch)) {
      const m = /^name\/components\/(\d+)\/phonetic$/.exec(path);
      if (m) components[Number(m[1])]!['phonetic'] = value;
      else name![path.slice(5)] = value;
    }
    return true;
  }
  return addPatch(ctx, result.language, result.patch);
}

/**
 * What a phonetic N alternate says about `name`: a patch of `name/phoneticSystem`,
 * `name/phoneticScript` and `name/components/<i>/phonetic`, for the card itself (`language`
 * undefined: no LANGUAGE, or the main's) or for `localizations[language]`.
 */
export function phoneticPatch(alt: JCardProperty, main: JCardProperty, name: JsonObject): { language: string | undefined; patch: Record<string, unknown> } | undefined {
  for (const key of Object.keys(alt[1])) if (!['altid', 'language', 'phonetic', 'script', 'jscomps', 'prop-id'].includes(key)) return undefined;
  // The phonetic spelling follows the main N's order: a JSCOMPS of its own must be the same.
  if (alt[1]['jscomps'] !== undefined && alt[1]['jscomps'] !== main[1]['jscomps']) return undefined;
  const components = name['components'] as JsonObject[] | undefined;
  if (!Array.isArray(components) || alt.length !== 4 || main.length !== 4) return undefined;
  const spelled = countedValues(structuredValues(alt[3]));
  const occurrence = new Map<string, number>();
  const patch: Record<string, unknown> = {};
  const system = typeof alt[1]['phonetic'] === 'string' && alt[1]['phonetic'].toLowerCase() !== 'script' ? alt[1]['phonetic'] : undefined;
  const script = typeof alt[1]['script'] === 'string' ? alt[1]['script'] : undefined;
  if (system !== undefined) patch['name/phoneticSystem'] = system;
  if (script !== undefined) patch['name/phoneticScript'] = script;
  let spelledCount = 0;
  for (let i = 0; i < components.length; i++) {
    const kind = String(components[i]?.['kind']);
    if (kind === 'separator') continue;
    const n = occurrence.get(kind) ?? 0;
    occurrence.set(kind, n + 1);
    const value = spelled.get(kind)?.[n];
    if (value === undefined) return undefined;
    spelledCount++;
    if (value !== '') patch[`name/components/${i}/phonetic`] = value;
  }
  const total = [...spelled.values()].reduce((sum, list) => sum + list.length, 0);
  if (total !== spelledCount || !Object.keys(patch).some((k) => k.startsWith('name/components/'))) return undefined;
  const lang = alt[1]['language'];
  const mainLang = main[1]['language'];
  if (lang === undefined || (typeof lang === 'string' && typeof mainLang === 'string' && lang.toLowerCase() === mainLang.toLowerCase())) {
    return { language: undefined, patch };
  }
  return typeof lang === 'string' ? { language: lang, patch } : undefined;
}

/** The counted values of an N value per kind (RFC 9555 §3.3.1 deduplication). */
function countedValues(comps: string[][]): Map<string, string[]> {
  const surname2 = new Set(nonEmpty(comps[5]));
  const generation = new Set(nonEmpty(comps[6]));
  const out = new Map<string, string[]>();
  comps.forEach((values, pos) => {
    const kind = N_KINDS[pos];
    if (kind === undefined) return;
    for (const value of values) {
      if (value === '') continue;
      if ((pos === 0 && surname2.has(value)) || (pos === 4 && generation.has(value))) continue;
      const list = out.get(kind) ?? [];
      list.push(value);
      out.set(kind, list);
    }
  });
  return out;
}
