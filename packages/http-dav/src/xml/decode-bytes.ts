import { TextDecoder } from 'node:util';
import { XmlError } from './errors.js';

// XML 1.0 §4.3.3 / Appendix F: the encoding comes from a byte order mark, else from the
// declaration's `encoding` pseudo-attribute, else it is UTF-8.
const DECLARED_ENCODING = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/**
 * Decodes a request body given as bytes. Honours a UTF-8/UTF-16 byte order mark and the XML
 * declaration's encoding (any label the WHATWG Encoding standard knows, e.g. ISO-8859-1);
 * undecodable bytes are an error rather than U+FFFD, so that a property value never changes
 * silently. A `charset` from the Content-Type header, when given, wins over the declaration
 * (RFC 7303 §3.2 says the MIME charset is authoritative).
 *
 * @throws XmlError `encoding` (415) for an unknown label or invalid bytes.
 */
export function decodeXmlBytes(bytes: Uint8Array, charset?: string): string {
  let label = charset?.trim().toLowerCase() || undefined;
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    label ??= 'utf-8';
    offset = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    label = 'utf-16le';
    offset = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    label = 'utf-16be';
    offset = 2;
  }
  if (label === undefined) {
    // The declaration is ASCII-compatible in every encoding we accept without a BOM.
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    label = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch (cause) {
    throw new XmlError('encoding', `unsupported character encoding '${label.slice(0, 40)}'`, { cause });
  }
  try {
    return decoder.decode(bytes.subarray(offset));
  } catch (cause) {
    throw new XmlError('encoding', `the body is not valid ${decoder.encoding}`, { cause });
  }
}
