import { HttpError } from '@almanac/http-kit';
import { TextDecoder } from 'node:util';
import type { DavCall } from '../dav/context.js';
import { parseDavBody } from '../xml/parse.js';
import type { XmlElement } from '../xml/tree.js';
import { charsetOf, isXmlContentType } from '../xml/write/content-types.js';

/** The raw request body as bytes (the router reads bodies with express.raw), or undefined. */
export function bodyBytes(call: DavCall): Uint8Array | undefined {
  const body: unknown = call.req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined;
  return new Uint8Array(body.buffer, body.byteOffset, body.length);
}

/** Whether a body starts with `<` after an optional byte order mark and white space. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/**
 * The XML body of PROPFIND, PROPPATCH, REPORT, MKCOL or MKCALENDAR, parsed within the limits (no
 * DTDs or entities), or undefined when there is none.
 * @throws HttpError 415 for a body that is not XML; XmlError for a refused one
 */
export function xmlBody(call: DavCall): XmlElement | undefined {
  const bytes = bodyBytes(call);
  if (bytes === undefined) return undefined;
  const contentType = call.req.headers['content-type'];
  // Generic HTTP clients label XML text/plain or form data (curl -d, fetch with a string): take a
  // body that starts like XML whatever its label, refuse anything else that is not labelled XML.
  if (!isXmlContentType(contentType) && !looksLikeXml(bytes)) throw new HttpError(415, `a ${call.req.method} body must be XML, not ${contentType}`);
  return parseDavBody(bytes, { ...call.deps.xmlLimits, charset: charsetOf(contentType) });
}

/**
 * A PUT body as text, decoded with the Content-Type's charset (UTF-8 by default); a byte order
 * mark is dropped.
 * @throws HttpError 415 for an unknown charset or bytes that are not valid in it
 */
export function textBody(call: DavCall): string {
  const bytes = bodyBytes(call) ?? new Uint8Array();
  const charset = charsetOf(call.req.headers['content-type']) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new HttpError(415, `unsupported charset ${charset}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new HttpError(415, `the body is not valid ${charset}`);
  }
}
