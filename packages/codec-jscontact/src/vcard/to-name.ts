import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { deriveFullName, writeSortAs } from './from-name.js';
import { formatJscomps, type JscompsEntry } from './jscomps.js';
import { N_KINDS, toStructured } from './name-parts.js';
import { addJsprop, isObject, vcardParamsOf, vcardParamsValid, type ToContext } from './to-context.js';
import { writeUnknownMembers } from './to-objects.js';
import { table } from '../table.js';

/** N positions of each NameComponent kind (RFC 9555 Table 1). */
const N_POSITION: Readonly<Record<string, number>> = table<number>(Object.fromEntries(N_KINDS.map((k, i) => [k, i])));

export interface NameProps {
  n: JCardProperty | undefined;
  fn: JCardProperty | undefined;
  phonetic: JCardProperty | undefined;
}

/**
 * The N value of a list of components (RFC 9555 Table 1): surname2 values are also added after
 * the family names and generation values before the honorific suffixes, for readers of RFC
 * 6350. Returns
 * the 7 components and, per component, where its value went (for JSCOMPS), or `undefined` when a
 * component has an unknown kind or no string value.
 */
export function nameValue(components: unknown[], valueOf: (c: JsonObject) => unknown): { comps: string[][]; where: Array<[number, number] | undefined> } | undefined {
  const comps: string[][] = N_KINDS.map(() => []);
  const where: Array<[number, number] | undefined> = [];
  for (const c of components) {
    if (!isObject(c)) return undefined;
    if (c['kind'] === 'separator') {
      where.push(undefined);
      continue;
    }
    const pos = N_POSITION[String(c['kind'])];
    const value = valueOf(c);
    if (pos === undefined || typeof value !== 'string') return undefined;
    where.push([pos, comps[pos]!.length]);
    comps[pos]!.push(value);
  }
  for (const v of comps[5]!) comps[0]!.push(v);
  // Generations lead the honorific suffixes, as RFC 9555's examples write them ("Jr.,M.D.").
  const generations = comps[6]!.length;
  if (generations > 0) {
    comps[4]!.unshift(...comps[6]!);
    for (const w of where) if (w && w[0] === 4) w[1] += generations;
  }
  return { comps, where };
}

/**
 * RFC 9555 §3.1: N from `name.components` (with JSCOMPS when `isOrdered`, SORT-AS from
 * `sortAs`), FN from `name.full` or, failing that, derived from the components with DERIVED=TRUE
 * (empty when there is nothing to derive from), and a phonetic N alternate (PHONETIC/SCRIPT,
 * RFC 9555 §2.3.13) when components have `phonetic`. Members with no vCard spelling go to JSPROP.
 */
export function writeName(ctx: ToContext, name: unknown): NameProps {
  const out: NameProps = { n: undefined, fn: undefined, phonetic: undefined };
  if (name !== undefined && !isObject(name)) {
    addJsprop(ctx, ['name'], name);
    name = undefined;
  }
  if (isObject(name) && Object.keys(name).length === 0) addJsprop(ctx, ['name'], name);
  const n = (name ?? {}) as JsonObject;
  const known = new Set(['@type', 'vCardParams', 'full']);
  const components = n['components'];
  if (components !== undefined) {
    known.add('components');
    const built = Array.isArray(components) ? nameValue(components, (c) => c['value']) : undefined;
    const componentsOk = built !== undefined && (components as unknown[]).every((c) => isObject(c) && onlyComponentMembers(c));
    if (!built || !componentsOk) addJsprop(ctx, ['name', 'components'], components);
    if (built) {
      const params: JCardParams = {};
      if (n['isOrdered'] === true) {
        known.add('isOrdered');
        if (typeof n['defaultSeparator'] === 'string') known.add('defaultSeparator');
        params['jscomps'] = formatJscomps({ defaultSeparator: typeof n['defaultSeparator'] === 'string' ? n['defaultSeparator'] : undefined, entries: jscompsEntries(components as JsonObject[], built.where) });
      } else if (n['isOrdered'] === false) {
        known.add('isOrdered');
      }
      if (n['sortAs'] !== undefined) {
        const text = writeSortAs(n['sortAs']);
        if (text !== undefined) {
          known.add('sortAs');
          params['sort-as'] = text;
        }
      }
      if (!vcardParamsValid(n)) addJsprop(ctx, ['name', 'vCardParams'], n['vCardParams']);
      Object.assign(params, vcardParamsOf(n));
      out.n = ['n', params, 'text', toStructured(built.comps)];
      ctx.props.push(out.n);
      const phonetic = nameValue(components as unknown[], (c) => c['phonetic'] ?? '');
      if (phonetic && (components as JsonObject[]).some((c) => isObject(c) && typeof c['phonetic'] === 'string')) {
        const pp: JCardParams = {};
        if (typeof n['phoneticSystem'] === 'string') pp['phonetic'] = n['phoneticSystem'];
        else pp['phonetic'] = 'script';
        if (typeof n['phoneticScript'] === 'string') pp['script'] = n['phoneticScript'];
        // The phonetic spelling has the same component order (JSCOMPS is optional there).
        if (typeof params['jscomps'] === 'string') pp['jscomps'] = params['jscomps'];
        known.add('phoneticSystem').add('phoneticScript');
        out.phonetic = ['n', pp, 'text', toStructured(phonetic.comps)];
        ctx.props.push(out.phonetic);
      }
    }
  }
  writeUnknownMembers(ctx, n, ['name'], known);
  out.fn = writeFullName(ctx, n);
  return out;
}

function onlyComponentMembers(c: JsonObject): boolean {
  // An empty value has no place in N (empty components are no value); JSPROP keeps it.
  return c['value'] !== '' && Object.keys(c).every((k) => k === 'kind' || k === 'value' || k === 'phonetic' || k === '@type');
}

function jscompsEntries(components: JsonObject[], where: Array<[number, number] | undefined>): JscompsEntry[] {
  return components.map((c, i) => {
    const w = where[i];
    return w === undefined ? { kind: 'sep', value: String(c['value'] ?? '') } : { kind: 'pos', component: w[0], index: w[1] };
  });
}

/**
 * FN (RFC 9555 §3.1): `name.full`; else the derived name with DERIVED=TRUE; else empty. Not
 * written when vCardProps holds an FN with that value (kept there because of its parameters).
 */
function writeFullName(ctx: ToContext, n: JsonObject): JCardProperty | undefined {
  const full = typeof n['full'] === 'string' && n['full'] !== '' ? n['full'] : undefined;
  if (n['full'] !== undefined && full === undefined) addJsprop(ctx, ['name', 'full'], n['full']);
  const keptFns = ctx.kept.filter((p) => p[0] === 'fn');
  if (full !== undefined) {
    const kept = keptFns.find((p) => p[3] === full);
    if (kept) return kept;
    const fn: JCardProperty = ['fn', {}, 'text', full];
    ctx.props.push(fn);
    return fn;
  }
  const derived = deriveFullName(n);
  if (derived === '' && keptFns.length > 0) return undefined;
  if (keptFns.some((p) => p[3] === derived)) return undefined;
  const fn: JCardProperty = derived === '' ? ['fn', {}, 'text', ''] : ['fn', { derived: 'TRUE' }, 'text', derived];
  ctx.props.push(fn);
  return fn;
}
