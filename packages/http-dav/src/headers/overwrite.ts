import { HeaderError, headerText, type HeaderValue } from './header-error.js';

/**
 * Parses `Overwrite` (RFC 4918 §10.6): `T` (the default when absent) or `F`, case-insensitive.
 * @throws HeaderError 400 for anything else.
 * @example parseOverwrite('F') // false
 */
export function parseOverwrite(value: HeaderValue): boolean {
  const text = headerText(value);
  if (text === undefined) return true;
  const upper = text.toUpperCase();
  if (upper === 'T') return true;
  if (upper === 'F') return false;
  throw new HeaderError('Overwrite', 400, 'Overwrite must be T or F');
}
