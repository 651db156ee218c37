import { HeaderError, headerText, type HeaderValue } from './header-error.js';

/** The `Depth` header values of RFC 4918 §10.2. */
export type Depth = '0' | '1' | 'infinity';

/**
 * What an absent `Depth` means per method: PROPFIND infinity (RFC 4918 §9.1), REPORT 0
 * (RFC 3253 §3.6), COPY/MOVE/DELETE/LOCK infinity (RFC 4918 §9.8.3, §9.9.2, §9.6.1, §9.10.3).
 */
export const DEFAULT_DEPTH: Readonly<Record<string, Depth>> = {
  PROPFIND: 'infinity',
  REPORT: '0',
  COPY: 'infinity',
  MOVE: 'infinity',
  DELETE: 'infinity',
  LOCK: 'infinity',
};

/**
 * Parses a `Depth` header (`0`, `1`, `infinity`, case-insensitive); absent gives `fallback`.
 * Whether a value is allowed for the method (MOVE and DELETE only take infinity, LOCK 0 or
 * infinity, sync-collection 0) is the handler's decision.
 * @throws HeaderError 400 for any other value.
 * @example parseDepth('1', 'infinity') // '1'
 */
export function parseDepth(value: HeaderValue, fallback: Depth): Depth {
  const text = headerText(value);
  if (text === undefined) return fallback;
  const lower = text.toLowerCase();
  if (lower === '0' || lower === '1' || lower === 'infinity') return lower;
  throw new HeaderError('Depth', 400, `Depth must be 0, 1 or infinity, not "${text.slice(0, 20)}"`);
}

/**
 * {@link parseDepth} with the method's default from {@link DEFAULT_DEPTH} (infinity for methods
 * not listed).
 */
export function depthFor(method: string, value: HeaderValue): Depth {
  return parseDepth(value, DEFAULT_DEPTH[method.toUpperCase()] ?? 'infinity');
}
