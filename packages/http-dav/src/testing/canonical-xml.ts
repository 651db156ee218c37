import { clark } from '../xml/names.js';
import { parseXml } from '../xml/parse.js';
import { RawXml, type XmlElement } from '../xml/tree.js';

/** Options of {@link canonicalXml}. */
export interface CanonicalXmlOptions {
  /** Trim text nodes (default true): pretty-printed and compact documents compare equal. */
  readonly trimText?: boolean;
  /**
   * Clark names of elements whose children are unordered (compared sorted), e.g.
   * `['{DAV:}prop']` so property order inside a propstat doesn't matter.
   */
  readonly unordered?: readonly string[];
}

/**
 * A canonical, prefix-free rendering of an XML document (or parsed element) for assertions: one
 * line per element as `{ns}local` with sorted attributes, one line per text node as a JSON
 * string, indented by depth. Whitespace-only text is ignored; namespace prefixes and attribute
 * order never matter. Compare two with `expect(canonicalXml(a)).toBe(canonicalXml(b))` to get a
 * readable diff.
 *
 * @throws XmlError when the text is not well-formed (a failing test, as it should be).
 */
export function canonicalXml(xml: string | XmlElement, options: CanonicalXmlOptions = {}): string {
  const root = typeof xml === 'string' ? parseXml(xml, { maxBytes: 64 * 1024 * 1024, maxElements: 10_000_000 }) : xml;
  const unordered = new Set(options.unordered ?? []);
  const lines: string[] = [];
  render(root, 0, options.trimText ?? true, unordered, lines);
  return lines.join('\n');
}

function render(element: XmlElement, depth: number, trim: boolean, unordered: ReadonlySet<string>, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.keys(element.attrs).sort().map((key) => ` ${key}=${JSON.stringify(element.attrs[key])}`).join('');
  lines.push(`${pad}${clark(element)}${attrs}`);
  const parts: string[][] = [];
  for (const node of element.content) {
    const part: string[] = [];
    if (typeof node === 'string') {
      const text = trim ? node.trim() : node;
      if (node.trim() === '') continue;
      part.push(`${pad}  ${JSON.stringify(text)}`);
    } else if (node instanceof RawXml) {
      render(parseXml(node.xml), depth + 1, trim, unordered, part);
    } else render(node, depth + 1, trim, unordered, part);
    parts.push(part);
  }
  if (unordered.has(clark(element))) parts.sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
  for (const part of parts) lines.push(...part);
}

/** True when both documents have the same {@link canonicalXml} form. */
export function xmlEquals(a: string | XmlElement, b: string | XmlElement, options?: CanonicalXmlOptions): boolean {
  return canonicalXml(a, options) === canonicalXml(b, options);
}

/**
 * Throws an `Error` showing both canonical forms when the documents differ (for any test
 * framework).
 */
export function assertXmlEqual(actual: string | XmlElement, expected: string | XmlElement, options?: CanonicalXmlOptions): void {
  const a = canonicalXml(actual, options);
  const e = canonicalXml(expected, options);
  if (a !== e) throw new Error(`XML differs.\n--- expected\n${e}\n--- actual\n${a}`);
}
