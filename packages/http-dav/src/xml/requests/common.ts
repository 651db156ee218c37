import { invalidBody, XmlError } from '../errors.js';
import { clark, dav, DAV_NS, type QName } from '../names.js';
import { attr, childNamed, hasName, nameOf, type XmlElement } from '../tree.js';

/**
 * Which properties a PROPFIND or REPORT asks for (RFC 4918 §14.20: `propname | (allprop,
 * include?) | prop`).
 */
export type PropSelection =
  | { readonly kind: 'allprop'; readonly include: readonly QName[] }
  | { readonly kind: 'propname' }
  | { readonly kind: 'prop'; readonly props: readonly QName[] };

/**
 * Checks that the body's root is `name`.
 * @throws XmlError `empty` when there is no body, `unexpected-root` for another root element.
 */
export function expectRoot(root: XmlElement | undefined, name: QName): XmlElement {
  if (root === undefined) throw new XmlError('empty', `a <${name.local}> body is required`);
  if (!hasName(root, name)) {
    throw new XmlError('unexpected-root', `expected ${clark(name)} as the root element, got ${clark(root).slice(0, 120)}`);
  }
  return root;
}

/** The element names inside a `DAV:prop`, in order, without duplicates. */
export function propNames(prop: XmlElement): QName[] {
  const seen = new Set<string>();
  const names: QName[] = [];
  for (const child of prop.children) {
    const key = clark(child);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(nameOf(child));
  }
  return names;
}

/**
 * Reads `allprop` (+ `include`), `propname` or `prop` among the children of `parent`. When none
 * is there, `fallback` is returned (PROPFIND and the REPORTs treat that as allprop); with two
 * of them the first in document order wins (RFC 4918 §17: be liberal).
 */
export function readPropSelection(parent: XmlElement, fallback: PropSelection = { kind: 'allprop', include: [] }): PropSelection {
  for (const child of parent.children) {
    if (child.ns !== DAV_NS) continue;
    if (child.local === 'prop') return { kind: 'prop', props: propNames(child) };
    if (child.local === 'propname') return { kind: 'propname' };
    if (child.local === 'allprop') {
      const include = childNamed(parent, dav('include'));
      return { kind: 'allprop', include: include ? propNames(include) : [] };
    }
  }
  return fallback;
}

/** The text content of an element, trimmed. */
export function trimmedText(element: XmlElement): string {
  return element.text.trim();
}

/** A `yes`/`no` attribute (RFC 4791 `negate-condition`, `novalue`); absent gives `fallback`. */
export function yesNo(element: XmlElement, name: string, fallback: boolean): boolean {
  const value = attr(element, name)?.trim();
  if (value === undefined || value === '') return fallback;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  throw invalidBody(`attribute ${name} of <${element.local}> must be "yes" or "no"`);
}

/** A required, non-empty `name` attribute (comp, prop-filter, …). */
export function requiredName(element: XmlElement, precondition?: QName): string {
  const name = attr(element, 'name')?.trim();
  if (!name) throw invalidBody(`<${element.local}> needs a name attribute`, precondition);
  return name;
}

/** `DAV:limit/DAV:nresults` (RFC 5323 §5.17, reused by RFC 6578 §6.4) or the CardDAV one. */
export function readNresults(limit: XmlElement | undefined, nresultsName: QName): number | undefined {
  if (limit === undefined) return undefined;
  const nresults = childNamed(limit, nresultsName);
  if (nresults === undefined) throw invalidBody('<limit> needs an <nresults> element');
  const text = trimmedText(nresults);
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw invalidBody('<nresults> must be a positive integer');
  return Number(text);
}

/** `anyof` / `allof` test attributes (RFC 6352 §10.5, RFC 3744 §9.4 extension). */
export function readTest(element: XmlElement, fallback: 'anyof' | 'allof'): 'anyof' | 'allof' {
  const value = attr(element, 'test')?.trim();
  if (value === undefined || value === '') return fallback;
  if (value === 'anyof' || value === 'allof') return value;
  throw invalidBody(`attribute test of <${element.local}> must be "anyof" or "allof"`);
}
