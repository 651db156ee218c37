import type { JCard, JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { CardFilter, CardParamFilter, CardPropFilter } from '../../xml/requests/addressbook-query.js';
import { type TextMatch, textMatches } from '../../xml/requests/text-match.js';

/**
 * The texts a text-match is tried on for one property value: the value as a whole (structured
 * components joined with `;`, list items with `,`, as vCard writes them unescaped) and each
 * component and item alone, so that `N` matches "Daboo" and `CATEGORIES` matches one category.
 */
function candidatesOf(values: readonly unknown[]): string[] {
  const out = new Set<string>();
  const flat = (v: unknown): string => (Array.isArray(v) ? v.map(flat).join(',') : String(v ?? ''));
  const parts = values.map((v) => (Array.isArray(v) ? v.map(flat).join(';') : flat(v)));
  out.add(parts.join(','));
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && v !== undefined && String(v) !== '') out.add(String(v));
  };
  values.forEach(walk);
  return [...out];
}

/**
 * One text-match on one value (RFC 6352 §10.5.4): the match is tried on every candidate text, and
 * `negate-condition` inverts the outcome for the value as a whole (so "N does not contain Daboo"
 * is false for `Daboo;Cyrus`, though the candidate `Cyrus` lacks it).
 */
function valueMatches(candidates: readonly string[], match: TextMatch): boolean {
  const positive = { ...match, negate: false };
  const found = candidates.some((c) => textMatches(c, positive));
  return match.negate ? !found : found;
}

const paramValues = (params: JCardParams, name: string): string[] | undefined => {
  const value = params[name.toLowerCase()];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
};

/** RFC 6352 §10.5.2: a param-filter on one property instance. */
function paramMatches(p: JCardProperty, filter: CardParamFilter): boolean {
  const values = filter.name === 'GROUP' ? undefined : paramValues(p[1], filter.name);
  if (filter.isNotDefined) return values === undefined;
  if (values === undefined) return false;
  return filter.textMatch ? values.some((v) => valueMatches([v], filter.textMatch!)) : true;
}

/** Whether a property carries the filter's name: `EMAIL` matches `item1.EMAIL` too; `ITEM1.EMAIL` only that group's. */
function named(p: JCardProperty, name: string): boolean {
  const dot = name.lastIndexOf('.');
  const wanted = (dot < 0 ? name : name.slice(dot + 1)).toLowerCase();
  if (p[0].toLowerCase() !== wanted) return false;
  if (dot < 0) return true;
  const group = p[1]['group'];
  return typeof group === 'string' && group.toLowerCase() === name.slice(0, dot).toLowerCase();
}

/**
 * RFC 6352 §10.5.1: a prop-filter. `is-not-defined` holds when no such property exists; an empty
 * filter when one does; otherwise each text-match and param-filter holds when some instance of the
 * property satisfies it (an undefined property satisfies none), and `test` combines them (anyof
 * by default, allof on request), as SabreDAV and the reference evaluate it.
 */
export function propFilterMatches(props: readonly JCardProperty[], filter: CardPropFilter): boolean {
  const instances = props.filter((p) => named(p, filter.name));
  if (filter.isNotDefined) return instances.length === 0;
  if (instances.length === 0) return false;
  const tests = [
    ...filter.textMatches.map((m) => instances.some((p) => valueMatches(candidatesOf(p.slice(3)), m))),
    ...filter.paramFilters.map((f) => instances.some((p) => paramMatches(p, f))),
  ];
  if (tests.length === 0) return true;
  return filter.test === 'allof' ? tests.every(Boolean) : tests.some(Boolean);
}

/**
 * Whether a card matches an `addressbook-query` filter (RFC 6352 §10.5): its prop-filters combined
 * by `test` (anyof by default). A filter without prop-filters matches every card.
 *
 * @example cardMatches(jcard, { test: 'anyof', propFilters: [{ name: 'EMAIL', test: 'anyof', isNotDefined: false,
 *   textMatches: [{ value: 'daboo', collation: 'i;unicode-casemap', matchType: 'contains', negate: false }], paramFilters: [] }] })
 */
export function cardMatches(jcard: JCard, filter: CardFilter): boolean {
  if (filter.propFilters.length === 0) return true;
  const props = jcard[1];
  return filter.test === 'allof'
    ? filter.propFilters.every((f) => propFilterMatches(props, f))
    : filter.propFilters.some((f) => propFilterMatches(props, f));
}
