import { parseClark, XML_NS } from '../names.js';
import { isElement, RawXml, type XmlContent, type XmlElement } from '../tree.js';
import { escapeAttr, escapeText } from './escape.js';
import type { NamespaceScope } from './namespace-scope.js';

// XML 1.0 §2.3 Name without ':' (NCName), slightly generous above U+00BF.
const XML_NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*$/;

/** Appends markup to `out` (an array of string parts, joined once at the end). */
export function renderContent(out: string[], content: XmlContent, scope: NamespaceScope): void {
  if (content === null || content === undefined || content === false) return;
  if (typeof content === 'string') out.push(escapeText(content));
  else if (typeof content === 'number') out.push(escapeText(String(content)));
  else if (content instanceof RawXml) out.push(content.xml);
  else if (Array.isArray(content)) for (const item of content) renderContent(out, item as XmlContent, scope);
  else if (isElement(content)) renderElement(out, content, scope);
}

/**
 * Writes one element. Its namespace is written with a prefix already in scope when there is one,
 * else declared on this element (the author's prefix when free, the well-known one, or a
 * generated `nsN`), so any namespace works anywhere and the output is always well-formed.
 */
export function renderElement(out: string[], element: XmlElement, scope: NamespaceScope): void {
  // Names come from parsed input (valid) or from code; a bad one is a bug that must not produce
  // a document the client can't parse. The multistatus writer turns it into a 500 response.
  if (!XML_NAME.test(element.local)) throw new Error(`invalid XML element name ${JSON.stringify(element.local.slice(0, 60))}`);
  const undo: (() => void)[] = [];
  let declarations = '';
  const declare = (prefix: string, ns: string): void => {
    undo.push(scope.declare(prefix, ns));
    declarations += prefix === '' ? ` xmlns="${escapeAttr(ns)}"` : ` xmlns:${prefix}="${escapeAttr(ns)}"`;
  };

  try {
    let prefix: string;
    if (element.ns === '') {
      // No namespace: only expressible unprefixed, with no default namespace in force.
      if (scope.defaultNamespace !== '') declare('', '');
      prefix = '';
    } else if (scope.defaultNamespace === element.ns && (element.prefix === '' || scope.prefixOf(element.ns) === undefined)) {
      prefix = '';
    } else {
      const bound = scope.prefixOf(element.ns);
      if (bound !== undefined) prefix = bound;
      else if (element.prefix === '') {
        declare('', element.ns); // keep a parsed default namespace as it was written
        prefix = '';
      } else {
        prefix = scope.freshPrefix(element.ns, element.prefix);
        declare(prefix, element.ns);
      }
    }
    const tag = prefix === '' ? element.local : `${prefix}:${element.local}`;

    let attributes = '';
    for (const key in element.attrs) {
      const { ns, local } = parseClark(key);
      const value = element.attrs[key] as string;
      if (ns === '' && (local === 'xmlns' || local.startsWith('xmlns:'))) continue; // declarations are ours to write
      if (!XML_NAME.test(local)) throw new Error(`invalid XML attribute name ${JSON.stringify(local.slice(0, 60))}`);
      if (ns === '') {
        attributes += ` ${local}="${escapeAttr(value)}"`;
      } else if (ns === XML_NS) {
        attributes += ` xml:${local}="${escapeAttr(value)}"`;
      } else {
        // XML Namespaces §6.2: a namespaced attribute always needs a prefix.
        let attrPrefix = scope.prefixOf(ns);
        if (attrPrefix === undefined) {
          attrPrefix = scope.freshPrefix(ns);
          declare(attrPrefix, ns);
        }
        attributes += ` ${attrPrefix}:${local}="${escapeAttr(value)}"`;
      }
    }

    const start = out.length;
    out.push(`<${tag}${declarations}${attributes}>`);
    let empty = true;
    for (const node of element.content) {
      const before = out.length;
      if (typeof node === 'string') out.push(escapeText(node));
      else if (node instanceof RawXml) out.push(node.xml);
      else renderElement(out, node, scope);
      if (empty) for (let i = before; i < out.length; i++) if (out[i] !== '') empty = false;
    }
    // Content that escapes to nothing (only characters XML can't carry) still makes `<a/>`, so
    // that a parsed serialisation serialises to the same text.
    if (empty) {
      out.length = start;
      out.push(`<${tag}${declarations}${attributes}/>`);
    } else out.push(`</${tag}>`);
  } finally {
    // Undo even when a bad name below throws, so the scope stays right for the next response.
    for (let i = undo.length - 1; i >= 0; i--) (undo[i] as () => void)();
  }
}
