// JSON pointer (RFC 6901) helpers, and the PatchObject key form of it (RFC 8984 §1.4.9: the
// paths have an implicit leading "/").

/**
 * Escapes one reference token for a JSON pointer (RFC 6901 §3): `~` becomes `~0`, `/` becomes `~1`.
 *
 * @example escapePointerSegment('a/b~c') // 'a~1b~0c'
 */
export function escapePointerSegment(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Unescapes one reference token (RFC 6901 §4: `~1` then `~0`, so `~01` is `~1`). Returns
 * `undefined` when the token holds a `~` not followed by `0` or `1`, which RFC 6901 §3 forbids.
 *
 * @example unescapePointerSegment('a~1b~0c') // 'a/b~c'
 */
export function unescapePointerSegment(token: string): string | undefined {
  if (!token.includes('~')) return token;
  if (/~(?![01])/.test(token)) return undefined;
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * Joins segments into a JSON pointer: `['a', 'b/c']` gives `/a/b~1c`; no segments gives `''` (the
 * whole document).
 */
export function formatPointer(segments: readonly string[]): string {
  let out = '';
  for (const segment of segments) out += '/' + escapePointerSegment(segment);
  return out;
}

/**
 * Splits a JSON pointer into unescaped segments. `''` is the whole document (no segments). Returns
 * `undefined` for a string that is not a JSON pointer (no leading `/`, or a bad `~` escape).
 *
 * @example parsePointer('/a/b~1c') // ['a', 'b/c']
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const token of pointer.slice(1).split('/')) {
    const segment = unescapePointerSegment(token);
    if (segment === undefined) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** How a PatchObject key splits into property names, see {@link parsePatchKey}. */
export interface ParsedPatchKey {
  segments: string[];
  /** Tokens with a `~` that is not `~0`/`~1`; they were kept literally. */
  badEscapes: string[];
}

/**
 * Splits a PatchObject key into property names. RFC 8984 §1.4.9 gives keys an implicit leading
 * `/`; Almanac also accepts one written out (`/title` = `title`, DECISIONS.md "PATCH"), so a key
 * never addresses the whole object. A `~` not followed by `0`/`1` is kept literally and reported in
 * `badEscapes`, so that the caller decides whether that is an error. A path that starts with a
 * member named `""` must therefore write the slash: `//x` is `""` then `x` (`/x` is just `x`).
 *
 * @example parsePatchKey('participants/p1~1x/name').segments // ['participants', 'p1/x', 'name']
 */
export function parsePatchKey(key: string): ParsedPatchKey {
  const body = key.startsWith('/') ? key.slice(1) : key;
  const segments: string[] = [];
  const badEscapes: string[] = [];
  for (const token of body.split('/')) {
    const segment = unescapePointerSegment(token);
    if (segment === undefined) {
      badEscapes.push(token);
      segments.push(token);
    } else {
      segments.push(segment);
    }
  }
  return { segments, badEscapes };
}

/**
 * Whether a reference token is an array index as RFC 6901 §4 writes it: `0` or a decimal number
 * without leading zeros. `-` (past the end) is not an index here: PatchObjects never append.
 */
export function isArrayIndexToken(segment: string): boolean {
  return /^(?:0|[1-9][0-9]{0,15})$/.test(segment);
}
