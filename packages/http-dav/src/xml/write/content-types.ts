/** Content-Type of `207 Multi-Status` bodies, as the reference server sends it (behaviour §2.3). */
export const MULTISTATUS_CONTENT_TYPE = 'text/xml; charset="utf-8"';

/** Content-Type of `DAV:error` bodies (behaviour §2.3; RFC 4918 §8.2 allows either XML type). */
export const DAV_ERROR_CONTENT_TYPE = 'application/xml; charset=utf-8';

/**
 * True when a request Content-Type announces XML (`application/xml`, `text/xml`, `*+xml`) or is
 * absent (RFC 4918 §8.2: servers should accept bodies without one). Anything else is for the
 * caller to answer `415`.
 */
export function isXmlContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true;
  const type = (contentType.split(';')[0] as string).trim().toLowerCase();
  return type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml');
}

/** The `charset` parameter of a Content-Type, lower-cased, or `undefined`. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = contentType === undefined ? null : /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase();
}
