// RFC 3986 §3.3: a path segment may carry pchar = unreserved / pct-encoded / sub-delims / ":" / "@"
// literally; everything else is percent-encoded as UTF-8 octets (§2.5). Hrefs in responses are
// written that way (RFC 4918 §8.3.1); sub-delims are kept so that a name a client chose
// (`a+b@x.ics`) comes back as the client wrote it.
const KEEP_IN_SEGMENT: Readonly<Record<string, string>> = {
  '%21': '!', '%24': '$', '%26': '&', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2B': '+',
  '%2C': ',', '%3B': ';', '%3D': '=', '%3A': ':', '%40': '@',
};
const ENCODED_SUB_DELIM = /%(?:21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g;

/** Replaces lone surrogates (which have no UTF-8 form) with U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Percent-encodes one decoded path segment: `/`, `%`, space, non-ASCII and the like are encoded,
 * unreserved characters and sub-delims stay. Never throws.
 * @example encodePathSegment('a b/c.ics') // 'a%20b%2Fc.ics'
 */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(wellFormed(segment)).replace(ENCODED_SUB_DELIM, (m) => KEEP_IN_SEGMENT[m] as string);
}

/**
 * Encodes a decoded absolute path segment by segment (`/` separates segments and is kept).
 * Use {@link hrefFromSegments} when a segment may itself contain `/`.
 * @example encodeHref('/alice/calendar/Läuft heute.ics') // '/alice/calendar/L%C3%A4uft%20heute.ics'
 */
export function encodeHref(decodedPath: string): string {
  return decodedPath.split('/').map(encodePathSegment).join('/');
}

/**
 * Builds an absolute-path href from decoded segments; `collection` adds the trailing slash
 * collections carry (RFC 4918 §5.2).
 * @example hrefFromSegments(['alice', 'calendar'], { collection: true }) // '/alice/calendar/'
 */
export function hrefFromSegments(segments: readonly string[], options: { collection?: boolean } = {}): string {
  const path = `/${segments.map(encodePathSegment).join('/')}`;
  return options.collection && !path.endsWith('/') ? `${path}/` : path;
}

const NOT_URI_CHAR = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%?#[\]]/gu;

/**
 * Makes an href safe to send without changing a correctly encoded one: characters a URI can't
 * contain (space, non-ASCII, `"`, `<`, …) and `%` not starting an escape are percent-encoded,
 * existing `%XX` escapes are kept. Idempotent. The multistatus writer applies it to every href.
 * @example normalizeHref('/a b/%C3%A4.ics') // '/a%20b/%C3%A4.ics'
 */
export function normalizeHref(href: string): string {
  return wellFormed(href).replace(NOT_URI_CHAR, (c) => (c === '%' ? '%25' : encodeURIComponent(c)));
}

/** The result of {@link resolveHref}. */
export type ResolvedHref =
  | { readonly ok: true; readonly path: string; readonly segments: readonly string[]; readonly collection: boolean }
  | { readonly ok: false; readonly reason: 'foreign-origin' | 'malformed' };

/**
 * Resolves an href a client sent (in `<D:href>` or a header): an absolute URL or an absolute path,
 * with dot segments removed (RFC 3986 §5.2.4) and each segment percent-decoded. `path` is the
 * encoded path (no query or fragment), `segments` the decoded segments without the empty one a
 * trailing slash leaves (`collection` tells whether there was one).
 *
 * With `origin` (e.g. `https://dav.example.com`), an absolute URL on another scheme, host or port
 * is `foreign-origin`. Never throws: a bad href in a multiget is answered 404 on its own.
 *
 * @example resolveHref('https://h/alice/cal/a%20b.ics', { origin: 'https://h' })
 *   // { ok: true, path: '/alice/cal/a%20b.ics', segments: ['alice', 'cal', 'a b.ics'], collection: false }
 */
export function resolveHref(href: string, options: { origin?: string } = {}): ResolvedHref {
  const trimmed = href.trim();
  if (trimmed === '' || (!trimmed.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed))) return { ok: false, reason: 'malformed' };
  let url: URL;
  let base: URL;
  try {
    base = new URL(options.origin ?? 'http://localhost');
    url = new URL(trimmed, base);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'malformed' };
  if (options.origin !== undefined && url.origin !== base.origin) return { ok: false, reason: 'foreign-origin' };
  const segments = decodeSegments(url.pathname);
  if (segments === undefined) return { ok: false, reason: 'malformed' };
  const collection = url.pathname.endsWith('/');
  if (collection) segments.pop();
  return { ok: true, path: url.pathname, segments, collection };
}

/** Decodes `/a/b%20c` to `['a', 'b c']`; `undefined` when an escape is not valid UTF-8. */
export function decodeSegments(path: string): string[] | undefined {
  const parts = path.split('/').slice(path.startsWith('/') ? 1 : 0);
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}
