import { parseClark, type QName } from './names.js';

/**
 * A piece of markup inserted verbatim by the writers. Create it only with {@link rawXml} from text
 * this server produced itself (e.g. {@link serializeElement} output kept in the database): it is
 * not checked again.
 */
export class RawXml {
  constructor(readonly xml: string) {}
}

/**
 * Wraps a well-formed, self-contained XML fragment (one element that declares every namespace it
 * uses, as {@link serializeElement} writes it) for verbatim output. Unchecked: never pass client
 * input here; parse it with {@link parseXml} and pass the element instead.
 */
export function rawXml(xml: string): RawXml {
  return new RawXml(xml);
}

/** One node of element content in document order: a child element, text, or trusted raw markup. */
export type XmlNode = XmlElement | string | RawXml;

/**
 * A namespace-resolved element, as {@link parseXml} returns it and as the writers accept it.
 *
 * - `ns`/`local`: the expanded name (`ns` is `''` for no namespace); prefixes are resolved away.
 * - `prefix`: the prefix the author used (`''` = default namespace or none). Only a hint for
 *   re-serialisation; never compare it.
 * - `attrs`: attributes by Clark name (`{ns}local`, or `local` for unprefixed attributes, which
 *   are in no namespace per XML Namespaces §6.2). Namespace declarations are not attributes.
 * - `content`: child elements and text in document order (mixed content is kept; CDATA is text).
 * - `children`: the child elements only; `text`: all direct text concatenated (not trimmed).
 */
export interface XmlElement {
  readonly ns: string;
  readonly local: string;
  readonly prefix?: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly content: readonly XmlNode[];
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/**
 * What the builders and writers accept where content is expected: nodes, numbers (written as
 * text, e.g. `getcontentlength`), arrays of them; `null`/`undefined`/`false` are skipped.
 */
export type XmlContent = XmlNode | number | null | undefined | false | readonly XmlContent[];

/** True for an {@link XmlElement} (as opposed to text or raw markup). */
export function isElement(node: unknown): node is XmlElement {
  return typeof node === 'object' && node !== null && !(node instanceof RawXml)
    && typeof (node as XmlElement).local === 'string' && Array.isArray((node as XmlElement).content);
}

/** Assembles an element from its parts, computing `children` and `text` from `content`. */
export function makeElement(
  ns: string, local: string, attrs: Readonly<Record<string, string>>, content: readonly XmlNode[], prefix?: string,
): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  for (const node of content) {
    if (typeof node === 'string') text += node;
    else if (!(node instanceof RawXml)) children.push(node);
  }
  return prefix === undefined ? { ns, local, attrs, content, children, text } : { ns, local, prefix, attrs, content, children, text };
}

function flatten(content: XmlContent, out: XmlNode[]): void {
  if (content === null || content === undefined || content === false) return;
  if (Array.isArray(content)) {
    for (const item of content) flatten(item as XmlContent, out);
    return;
  }
  const node = typeof content === 'number' ? String(content) : (content as XmlNode);
  // Adjacent strings merge, so that `text` and equality don't depend on how content was split.
  if (typeof node === 'string') {
    if (node === '') return;
    const last = out.length - 1;
    if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + node;
    else out.push(node);
  } else out.push(node);
}

/** Attributes for {@link el}: Clark-notation keys; `undefined` values are left out. */
export type XmlAttrs = Readonly<Record<string, string | undefined>>;

const isAttrs = (value: unknown): value is XmlAttrs =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawXml) && !isElement(value);

/**
 * Builds an element for the writers. The name is a {@link QName} or a Clark string; an optional
 * attribute object (Clark keys) may come before the content.
 *
 * @example
 * el(dav('resourcetype'), el(dav('collection')), el(caldav('calendar')))
 * el(caldav('comp'), { name: 'VEVENT' })
 * el('{http://apple.com/ns/ical/}calendar-color', { 'symbolic-color': 'custom' }, '#FF2968FF')
 */
export function el(name: QName | string, ...rest: [XmlAttrs, ...XmlContent[]] | XmlContent[]): XmlElement {
  const { ns, local } = typeof name === 'string' ? parseClark(name) : name;
  let attrs: Record<string, string> = EMPTY_ATTRS;
  let start = 0;
  if (rest.length > 0 && isAttrs(rest[0])) {
    attrs = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(rest[0] as XmlAttrs)) if (value !== undefined) attrs[key] = value;
    start = 1;
  }
  const content: XmlNode[] = [];
  for (let i = start; i < rest.length; i++) flatten(rest[i] as XmlContent, content);
  return makeElement(ns, local, attrs, content);
}

const EMPTY_ATTRS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/** True when `element` has the given expanded name. */
export function hasName(element: XmlElement, name: QName): boolean {
  return element.local === name.local && element.ns === name.ns;
}

/** The element's expanded name as a {@link QName}. */
export function nameOf(element: XmlElement): QName {
  return { ns: element.ns, local: element.local };
}

/** The first child element with that name, or `undefined`. */
export function childNamed(element: XmlElement, name: QName): XmlElement | undefined {
  return element.children.find((child) => hasName(child, name));
}

/** Every child element with that name, in document order. */
export function childrenNamed(element: XmlElement, name: QName): XmlElement[] {
  return element.children.filter((child) => hasName(child, name));
}

/** An attribute by its Clark name (`'name'` for the usual unprefixed ones), or `undefined`. */
export function attr(element: XmlElement, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(element.attrs, name) ? element.attrs[name] : undefined;
}
