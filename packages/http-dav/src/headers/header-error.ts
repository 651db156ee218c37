/**
 * A request header the DAV layer can't accept. `status` is what to answer: 400 for a malformed
 * value, 502 for a `Destination` on another server (RFC 4918 §9.8.5, §9.9.4).
 * @example try { parseDepth(req.headers.depth, 'infinity') } catch (e) { if (e instanceof HeaderError) res.sendStatus(e.status) }
 */
export class HeaderError extends Error {
  constructor(readonly header: string, readonly status: 400 | 502, message: string) {
    super(message);
    this.name = 'HeaderError';
  }
}

/** A header value as Node gives it (`string`, `string[]` for repeated headers, or absent). */
export type HeaderValue = string | readonly string[] | undefined;

/** Joins repeated header lines with commas (RFC 9110 §5.3) and trims; `undefined` when absent or blank. */
export function headerText(value: HeaderValue): string | undefined {
  const text = (typeof value === 'string' ? value : value?.join(', '))?.trim();
  return text === undefined || text === '' ? undefined : text;
}
