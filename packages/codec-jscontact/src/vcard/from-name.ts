import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { attachVCardParams, keepProperty, objectAt, readParams, type FromContext } from './from-context.js';
import { parseJscomps, type Jscomps } from './jscomps.js';
import { N_KINDS, nonEmpty, structuredValues } from './name-parts.js';

const NO_SPEC = { contextual: false } as const;

/**
 * RFC 9555 §2.4.4: N converts to `name.components` (Table 1; a secondary surname or generation
 * repeated in the family name or honorific suffix component counts once); JSCOMPS (§3.3.1) sets
 * the order, separators and `isOrdered`; SORT-AS sets `sortAs`. A second N (not an ALTID
 * alternate) is not converted.
 */
export function convertN(prop: JCardProperty, ctx: FromContext): boolean {
  if (prop[2] !== 'text' || prop.length !== 4) return false;
  const name = objectAt(ctx.card, ['name']);
  if (name['components'] !== undefined) return false;
  const comps = structuredValues(prop[3]);
  const params = prop[1];
  const leftover: JCardParams = readParams(withoutKeys(params, ['jscomps', 'sort-as', 'phonetic', 'script']), NO_SPEC, name);

  const jscompsText = params['jscomps'];
  const jscomps = typeof jscompsText === 'string' ? parseJscomps(jscompsText) : undefined;
  const components = jscomps ? orderedComponents(comps, jscomps) : undefined;
  if (components) {
    name['components'] = components;
    name['isOrdered'] = true;
    if (jscomps!.defaultSeparator !== undefined) name['defaultSeparator'] = jscomps!.defaultSeparator;
  } else {
    name['components'] = defaultComponents(comps);
    if (jscompsText !== undefined) leftover['jscomps'] = jscompsText;
  }

  const sortAs = params['sort-as'];
  if (sortAs !== undefined) {
    const read = typeof sortAs === 'string' ? readSortAs(sortAs) : undefined;
    if (read && writeSortAs(read) === sortAs) name['sortAs'] = read;
    else leftover['sort-as'] = sortAs;
  }
  for (const key of ['phonetic', 'script', 'prop-id'] as const) if (params[key] !== undefined) leftover[key] = params[key]!;
  attachVCardParams(name, leftover);
  ctx.lastTarget = ['name'];
  return true;
}

function withoutKeys(params: JCardParams, keys: readonly string[]): JCardParams {
  const out: JCardParams = {};
  for (const key of Object.keys(params)) if (!keys.includes(key)) out[key] = params[key]!;
  return out;
}

/** The component values that count (RFC 9555 §3.3.1 deduplication), in N order. */
function defaultComponents(comps: string[][]): JsonObject[] {
  const surname2 = new Set(nonEmpty(comps[5]));
  const generation = new Set(nonEmpty(comps[6]));
  const out: JsonObject[] = [];
  comps.forEach((values, pos) => {
    const kind = N_KINDS[pos];
    if (kind === undefined) return;
    for (const value of nonEmpty(values)) {
      if ((pos === 0 && surname2.has(value)) || (pos === 4 && generation.has(value))) continue;
      out.push({ kind, value });
    }
  });
  return out;
}

/**
 * Components in JSCOMPS order; `undefined` when the parameter is not valid for this value (an
 * index out of range, or not exactly one positional per counted value, RFC 9555 §3.3.1).
 */
function orderedComponents(comps: string[][], jscomps: Jscomps): JsonObject[] | undefined {
  const out: JsonObject[] = [];
  let positionals = 0;
  for (const e of jscomps.entries) {
    if (e.kind === 'sep') {
      out.push({ kind: 'separator', value: e.value });
      continue;
    }
    const value = comps[e.component]?.[e.index];
    const kind = N_KINDS[e.component];
    if (value === undefined || value === '' || kind === undefined) return undefined;
    out.push({ kind, value });
    positionals++;
  }
  return positionals === defaultComponents(comps).length ? out : undefined;
}

/** SORT-AS on N: comma-separated values in N component order (RFC 9555 §2.3.16). */
function readSortAs(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  text.split(',').forEach((value, i) => {
    const kind = N_KINDS[i];
    if (kind !== undefined && value !== '') out[kind] = value;
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The SORT-AS text for `sortAs`; `undefined` when a value cannot be written (has a comma). */
export function writeSortAs(sortAs: unknown): string | undefined {
  if (sortAs === null || typeof sortAs !== 'object') return undefined;
  const values = N_KINDS.map((kind) => (sortAs as Record<string, unknown>)[kind]);
  if (values.some((v) => v !== undefined && (typeof v !== 'string' || v.includes(',')))) return undefined;
  const parts = values.map((v) => (v as string | undefined) ?? '');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.length > 0 ? parts.join(',') : undefined;
}

/**
 * The full name RFC 9555 §3.1 derives from name components: in order when `isOrdered` (separator
 * components verbatim, `defaultSeparator` or a space between others), else title, given names,
 * surnames, generation and credentials separated by spaces. Empty when there are none.
 */
export function deriveFullName(name: unknown): string {
  if (name === null || typeof name !== 'object') return '';
  const n = name as JsonObject;
  const components = Array.isArray(n['components']) ? (n['components'] as JsonObject[]) : [];
  const valid = components.filter((c) => c !== null && typeof c === 'object' && typeof c['value'] === 'string');
  if (n['isOrdered'] === true) {
    const sep = typeof n['defaultSeparator'] === 'string' ? n['defaultSeparator'] : ' ';
    let out = '';
    let previousWasValue = false;
    for (const c of valid) {
      if (c['kind'] === 'separator') {
        out += c['value'] as string;
        previousWasValue = false;
      } else {
        if (previousWasValue) out += sep;
        out += c['value'] as string;
        previousWasValue = true;
      }
    }
    return out;
  }
  const order = ['title', 'given', 'given2', 'surname', 'surname2', 'generation', 'credential'];
  const parts: string[] = [];
  for (const kind of order) for (const c of valid) if (c['kind'] === kind && c['value'] !== '') parts.push(c['value'] as string);
  return parts.join(' ');
}

/**
 * RFC 9555 §2.4.2 FN: the FN with the fewest parameters becomes `name.full`, the others stay in
 * vCardProps. An FN marked DERIVED=TRUE (RFC 9554 §4.4) that says what the components say is
 * dropped, as converting back derives it again. An FN whose parameters have no JSContact
 * counterpart is also kept verbatim in vCardProps, and converting back writes that copy
 * instead of a plain FN while `name.full` still matches it.
 */
export function convertFullNames(fns: JCardProperty[], ctx: FromContext): JCardProperty | undefined {
  const usable = fns.filter((p) => p[2] === 'text' && p.length === 4 && typeof p[3] === 'string');
  let chosen: JCardProperty | undefined;
  for (const p of usable) if (!chosen || Object.keys(p[1]).length < Object.keys(chosen[1]).length) chosen = p;
  for (const p of fns) if (p !== chosen) keepProperty(ctx, p);
  if (!chosen) return undefined;
  const value = chosen[3] as string;
  // An empty FN says nothing; converting back writes an empty FN again when nothing else applies.
  if (value === '' && Object.keys(chosen[1]).length === 0) return undefined;
  const derived = typeof chosen[1]['derived'] === 'string' && chosen[1]['derived'].toLowerCase() === 'true';
  if (derived && Object.keys(chosen[1]).length === 1 && value === deriveFullName(ctx.card['name'])) return undefined;
  if (value !== '') objectAt(ctx.card, ['name'])['full'] = value;
  const params = Object.keys(chosen[1]).filter((k) => k !== 'altid');
  if (params.length > 0 || value === '') keepProperty(ctx, chosen);
  return value !== '' ? chosen : undefined;
}
