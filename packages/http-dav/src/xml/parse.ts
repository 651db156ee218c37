import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlBytes } from './decode-bytes.js';
import { decodeReferences, normalizeAttributeValue } from './entities.js';
import { XmlError } from './errors.js';
import { resolveLimits, type XmlLimits } from './limits.js';
import { XML_NS, XMLNS_NS } from './names.js';
import { positionOf, prescan } from './prescan.js';
import { makeElement, type XmlElement, type XmlNode } from './tree.js';

// fast-xml-parser tokenises (validator for well-formedness, parser in preserveOrder mode for
// order and mixed content) but knows nothing of namespaces; resolution happens in `convert`.
// Tag names get a '~' in front so no element can be called `__proto__` or `#text` in its
// output, and entity handling is switched off: references are decoded by `decodeReferences`,
// which accepts only what XML allows without a DTD.
const TAG_MARK = '~';
const ATTR_MARK = '@';
const TEXT = '#text';
const CDATA = '#cdata';
const COMMENT = '#comment';
const ATTRS = ':@';

const parsers = new Map<number, XMLParser>();
function tokenizer(maxDepth: number): XMLParser {
  let parser = parsers.get(maxDepth);
  if (!parser) {
    parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: ATTR_MARK,
      allowBooleanAttributes: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: false,
      htmlEntities: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      removeNSPrefix: false,
      commentPropName: COMMENT,
      cdataPropName: CDATA,
      textNodeName: TEXT,
      transformTagName: (name: string) => TAG_MARK + name,
      // A guard only: `convert` reports depth precisely. The parser counts its own stack.
      maxNestedTags: maxDepth + 2,
      jPath: false,
    });
    parsers.set(maxDepth, parser);
  }
  return parser;
}

type Token = Record<string, unknown>;

interface Scope {
  readonly prefixes: ReadonlyMap<string, string>; // prefix ('' = default) -> namespace URI
}

const ROOT_SCOPE: Scope = { prefixes: new Map([['xml', XML_NS], ['', '']]) };

class Converter {
  elements = 0;
  constructor(readonly limits: XmlLimits) {}

  element(tagName: string, tokens: Token[], rawAttrs: Record<string, string> | undefined, parent: Scope, depth: number): XmlElement {
    if (depth > this.limits.maxDepth) throw new XmlError('too-deep', `elements are nested deeper than ${this.limits.maxDepth}`);
    if (++this.elements > this.limits.maxElements) throw new XmlError('too-many-elements', `more than ${this.limits.maxElements} elements`);
    const qname = untag(tagName);

    // XML Namespaces §3-§5: declarations on this element apply to its own name and attributes.
    let scope = parent;
    const plain: [string, string][] = [];
    if (rawAttrs) {
      const names = Object.keys(rawAttrs);
      if (names.length > this.limits.maxAttributes) {
        throw new XmlError('too-many-attributes', `<${qname.slice(0, 60)}> has more than ${this.limits.maxAttributes} attributes`);
      }
      let declared: Map<string, string> | undefined;
      for (const key of names) {
        const name = key.slice(ATTR_MARK.length);
        const value = normalizeAttributeValue(String(rawAttrs[key]));
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          const prefix = name === 'xmlns' ? '' : name.slice(6);
          checkDeclaration(prefix, value);
          declared ??= new Map(parent.prefixes);
          declared.set(prefix, value);
        } else plain.push([name, value]);
      }
      if (declared) scope = { prefixes: declared };
    }

    const [prefix, local] = splitQName(qname);
    const ns = scope.prefixes.get(prefix);
    if (ns === undefined) throw new XmlError('namespace', `prefix '${prefix.slice(0, 40)}' of <${qname.slice(0, 60)}> is not declared`);

    const attrs = Object.create(null) as Record<string, string>;
    for (const [name, value] of plain) {
      const [attrPrefix, attrLocal] = splitQName(name);
      let key = attrLocal;
      if (attrPrefix !== '') {
        const attrNs = scope.prefixes.get(attrPrefix);
        // XML Namespaces §6.2: unprefixed attributes are in no namespace, whatever the default.
        if (attrNs === undefined) throw new XmlError('namespace', `prefix '${attrPrefix.slice(0, 40)}' of attribute ${name.slice(0, 60)} is not declared`);
        key = `{${attrNs}}${attrLocal}`;
      }
      // XML Namespaces §6.3: two attributes may not have the same expanded name.
      if (key in attrs) throw new XmlError('namespace', `attribute ${key.slice(0, 80)} appears twice on <${qname.slice(0, 60)}>`);
      attrs[key] = value;
    }

    const content: XmlNode[] = [];
    let text = '';
    const flushText = (): void => {
      if (text !== '') content.push(text);
      text = '';
    };
    for (const token of tokens) {
      if (TEXT in token) {
        const raw = String(token[TEXT]);
        if (raw.includes(']]>')) throw new XmlError('malformed', `']]>' is not allowed in text`);
        text += decodeReferences(raw);
      } else if (CDATA in token) {
        text += cdataText(token[CDATA]);
      } else if (COMMENT in token) {
        continue;
      } else {
        const childTag = tagOf(token);
        if (childTag === undefined) continue;
        flushText();
        content.push(this.element(childTag, token[childTag] as Token[], token[ATTRS] as Record<string, string> | undefined, scope, depth + 1));
      }
    }
    flushText();
    return makeElement(ns, local, attrs, content, prefix);
  }
}

// The parser applies `transformTagName` twice to self-closing tags, so strip every mark ('~' is
// not a legal name character, so none belongs to the name).
function untag(tagName: string): string {
  let i = 0;
  while (tagName.charCodeAt(i) === 126) i++;
  return tagName.slice(i);
}

// XML 1.0 §2.1/§2.8: after the root element only comments, processing instructions and white
// space. The validator misses text after a self-closing root (`<a/>junk`), so check that case.
const MISC = /^(?:\s+|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*/;
const EMPTY_ELEMENT = /^<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/>/;
function checkNothingAfterEmptyRoot(text: string): void {
  const prolog = MISC.exec(text)?.[0].length ?? 0;
  const element = EMPTY_ELEMENT.exec(text.slice(prolog));
  if (!element) return; // `<a></a>`: the validator has checked what follows
  const rest = prolog + element[0].length;
  const misc = MISC.exec(text.slice(rest))?.[0].length ?? 0;
  if (rest + misc !== text.length) throw new XmlError('malformed', 'content after the root element', positionOf(text, rest + misc));
}

function tagOf(token: Token): string | undefined {
  for (const key in token) if (key.startsWith(TAG_MARK)) return key;
  return undefined;
}

function cdataText(value: unknown): string {
  let out = '';
  if (Array.isArray(value)) for (const part of value as Token[]) out += String(part[TEXT] ?? '');
  return out;
}

function splitQName(qname: string): [prefix: string, local: string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return ['', qname];
  // XML Namespaces §4: QName = (Prefix ':')? LocalPart, neither part empty nor containing ':'.
  if (colon === 0 || colon === qname.length - 1 || qname.indexOf(':', colon + 1) !== -1) {
    throw new XmlError('namespace', `'${qname.slice(0, 60)}' is not a qualified name`);
  }
  return [qname.slice(0, colon), qname.slice(colon + 1)];
}

function checkDeclaration(prefix: string, uri: string): void {
  // XML Namespaces §3: `xml` is bound to XML_NS and nothing else is; `xmlns` is never declared;
  // a prefix can't be undeclared (`xmlns:p=""`), only the default namespace can (`xmlns=""`).
  if (prefix === 'xmlns') throw new XmlError('namespace', 'the xmlns prefix must not be declared');
  if (prefix === 'xml' ? uri !== XML_NS : uri === XML_NS) throw new XmlError('namespace', 'the xml prefix is bound to its own namespace only');
  if (uri === XMLNS_NS) throw new XmlError('namespace', `${XMLNS_NS} must not be declared`);
  if (prefix !== '' && uri === '') throw new XmlError('namespace', `prefix '${prefix.slice(0, 40)}' can't be undeclared`);
  if (prefix.includes(':')) throw new XmlError('namespace', `'${prefix.slice(0, 40)}' is not a valid prefix`);
}

/** Options of {@link parseXml}. */
export interface ParseXmlOptions extends Partial<XmlLimits> {
  /** The `charset` parameter of the request's Content-Type, used when the body is given as bytes. */
  readonly charset?: string;
}

/**
 * Parses an XML document into a namespace-resolved {@link XmlElement} tree (the root element).
 *
 * Namespaces follow XML Namespaces 1.0: any prefix, default namespaces (`xmlns="DAV:"`),
 * redeclaration in nested elements, `xmlns=""` to leave the default namespace, unprefixed
 * attributes in no namespace, the predeclared `xml:` prefix. Line ends are normalised (XML §2.11),
 * attribute values normalised (§3.3.3), references decoded, comments and processing instructions
 * dropped, CDATA merged into text.
 *
 * Refused with an {@link XmlError} (nothing else is ever thrown): DTDs and entity declarations,
 * undeclared entities, characters XML forbids, bodies above the {@link XmlLimits}, undeclared
 * prefixes, anything not well-formed. Bytes are decoded per BOM/declaration/`charset`.
 *
 * @example
 * const root = parseXml('<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>');
 * root.children[0].children[0] // { ns: 'DAV:', local: 'getetag', … }
 */
export function parseXml(input: string | Uint8Array, options: ParseXmlOptions = {}): XmlElement {
  const limits = resolveLimits(options);
  let text: string;
  if (typeof input === 'string') {
    // UTF-16 length <= UTF-8 length, so the cheap test first.
    if (input.length > limits.maxBytes || Buffer.byteLength(input, 'utf8') > limits.maxBytes) throw tooLarge(limits);
    text = input;
  } else {
    if (input.byteLength > limits.maxBytes) throw tooLarge(limits);
    text = decodeXmlBytes(input, options.charset);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // XML 1.0 §2.11: CR LF and lone CR are read as LF.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  prescan(text, limits.maxElements);

  let verdict: ReturnType<typeof XMLValidator.validate>;
  try {
    verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  } catch (cause) {
    throw new XmlError('malformed', 'the body is not well-formed XML', { cause });
  }
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new XmlError('malformed', `not well-formed XML: ${msg.slice(0, 200)}`, { line, column: col });
  }

  let tokens: Token[];
  try {
    tokens = tokenizer(limits.maxDepth).parse(text) as Token[];
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : '';
    if (message.includes('Maximum nested tags')) throw new XmlError('too-deep', `elements are nested deeper than ${limits.maxDepth}`);
    throw new XmlError('malformed', 'the body is not well-formed XML', { cause });
  }

  const roots = tokens.filter((token) => tagOf(token) !== undefined);
  // The validator accepts `<a/><b/>`; XML 1.0 §2.1 wants exactly one root element.
  if (roots.length !== 1) {
    throw new XmlError('malformed', roots.length === 0 ? 'no root element' : 'more than one root element',
      roots.length > 1 ? positionOf(text, text.indexOf('<', text.indexOf('>') + 1)) : {});
  }
  const root = roots[0] as Token;
  const rootTag = tagOf(root) as string;
  if ((root[rootTag] as Token[]).length === 0) checkNothingAfterEmptyRoot(text);
  try {
    return new Converter(limits).element(rootTag, root[rootTag] as Token[], root[ATTRS] as Record<string, string> | undefined, ROOT_SCOPE, 1);
  } catch (err) {
    if (err instanceof XmlError) throw err;
    // A RangeError (stack) or anything unforeseen still leaves as the one documented error.
    throw new XmlError('malformed', 'the body could not be parsed', { cause: err });
  }
}

function tooLarge(limits: XmlLimits): XmlError {
  return new XmlError('too-large', `the body is larger than ${limits.maxBytes} bytes`);
}

/**
 * Parses a DAV request body that may be absent: `undefined` for a missing, empty or
 * whitespace-only body (PROPFIND then means allprop, MKCALENDAR means no properties), the root
 * element otherwise.
 *
 * @throws XmlError as {@link parseXml}.
 */
export function parseDavBody(body: string | Uint8Array | null | undefined, options: ParseXmlOptions = {}): XmlElement | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' ? body.trim() === '' || body === '\ufeff' : isBlankBytes(body)) return undefined;
  return parseXml(body, options);
}

function isBlankBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  return true;
}
