import type { XmlContent, XmlElement } from './tree.js';
import { NamespaceScope } from './write/namespace-scope.js';
import { renderContent, renderElement } from './write/render.js';

/**
 * Writes an element as a self-contained fragment: every namespace it uses is declared inside it
 * (on the element where it is first needed), prefixes are the author's where possible, text and
 * attributes are escaped, mixed content keeps its order. Parsing the result gives an equal tree
 * (same names, attributes, content) except for characters XML can't carry, which are dropped.
 *
 * This is the storage format for dead properties (RFC 4918 §4.3: PROPPATCH values, `xml:lang`
 * included, come back in PROPFIND as they were set): store this string, and return it with
 * {@link rawXml} or by re-parsing it.
 *
 * @example serializeElement(parseXml('<x:a xmlns:x="urn:x">1<x:b/></x:a>')) // '<x:a xmlns:x="urn:x">1<x:b/></x:a>'
 */
export function serializeElement(element: XmlElement): string {
  const out: string[] = [];
  renderElement(out, element, new NamespaceScope());
  return out.join('');
}

/**
 * Writes any content (elements, text, arrays of them) as markup with no XML declaration, each
 * element declaring its own namespaces. Mostly for tests and small bodies.
 */
export function serializeContent(content: XmlContent): string {
  const out: string[] = [];
  renderContent(out, content, new NamespaceScope());
  return out.join('');
}
