import { XmlError } from './errors.js';

// XML 1.0 §4.6: the five predefined entities. With DTDs refused, no other entity can be declared,
// so any other `&name;` is a well-formedness error (§4.1 WFC: Entity Declared).
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const REFERENCE = /&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([A-Za-z_:][\w.:-]*))?(;?)/g;

/** XML 1.0 §2.2 Char: the code points a document (or a character reference) may contain. */
export function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff)
    || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * Replaces character references and the five predefined entity references in raw text or a raw
 * attribute value. Text without `&` is returned as is (the common case).
 *
 * @throws XmlError `entity` for an undeclared entity, a stray `&`, or a reference to a character
 *   XML does not allow (`&#0;`, `&#xD800;`).
 */
export function decodeReferences(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(REFERENCE, (match, dec: string | undefined, hex: string | undefined, name: string | undefined, semi: string) => {
    if (semi !== ';' || (dec === undefined && hex === undefined && name === undefined)) {
      throw new XmlError('entity', `'&' must start a reference (write &amp; for a literal ampersand)`);
    }
    if (name !== undefined) {
      const value = PREDEFINED[name];
      if (value === undefined || !Object.prototype.hasOwnProperty.call(PREDEFINED, name)) {
        throw new XmlError('entity', `undeclared entity &${name.slice(0, 40)}; (DTDs are not accepted)`);
      }
      return value;
    }
    const digits = (dec ?? hex) as string;
    const code = digits.length > 8 ? -1 : Number.parseInt(digits, dec !== undefined ? 10 : 16);
    if (!isXmlChar(code)) throw new XmlError('entity', `character reference ${match.slice(0, 20)} is not an XML character`);
    return String.fromCodePoint(code);
  });
}

/**
 * XML 1.0 §3.3.3 attribute-value normalisation for CDATA attributes: each literal tab, newline
 * (line ends are already normalised) becomes a space before references are replaced, so `&#10;`
 * survives as a newline.
 */
export function normalizeAttributeValue(raw: string): string {
  if (raw.includes('<')) throw new XmlError('malformed', `'<' is not allowed in an attribute value`);
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/[\t\n\r]/g, ' ') : raw;
  return decodeReferences(spaced);
}
