import { HeaderError, headerText, type HeaderValue } from './header-error.js';
import { resolveHref } from './href.js';

/** A resolved `Destination`: the encoded path and its decoded segments. */
export interface Destination {
  readonly path: string;
  readonly segments: readonly string[];
  readonly collection: boolean;
}

/**
 * Parses `Destination` (RFC 4918 §10.3: an absolute URI; absolute paths are accepted too) for
 * COPY/MOVE. `origin` is the request's own origin, e.g. `https://dav.example.com`; dot segments
 * are resolved, segments decoded.
 *
 * @throws HeaderError 400 when missing or malformed, 502 when it names another server
 *   (RFC 4918 §9.8.5, §9.9.4).
 * @example parseDestination('https://h/alice/cal/b.ics', 'https://h') // { path: '/alice/cal/b.ics', segments: ['alice', 'cal', 'b.ics'], collection: false }
 */
export function parseDestination(value: HeaderValue, origin: string): Destination {
  const text = headerText(value);
  if (text === undefined) throw new HeaderError('Destination', 400, 'Destination header is required');
  if (text.includes('#')) throw new HeaderError('Destination', 400, 'Destination must not have a fragment');
  const resolved = resolveHref(text, { origin });
  if (!resolved.ok) {
    if (resolved.reason === 'foreign-origin') throw new HeaderError('Destination', 502, 'Destination is on another server');
    throw new HeaderError('Destination', 400, 'Destination is not a valid URI');
  }
  return { path: resolved.path, segments: resolved.segments, collection: resolved.collection };
}
