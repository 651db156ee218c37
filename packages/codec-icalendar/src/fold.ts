/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const FOLD_OCTETS = 75;

/**
 * Folds one content line at 75 UTF-8 octets (RFC 5545 §3.1), counting the
 * leading space of continuation lines, and never inside a UTF-8 sequence or
 * a UTF-16 surrogate pair. Joins the parts with CRLF + space.
 *
 * @example foldLine('DESCRIPTION:' + 'x'.repeat(100)).split('\r\n ').length // 2
 */
export function foldLine(line: string): string {
  const n = line.length;
  if (n <= 25) return line; // at most 3 octets per UTF-16 unit
  let octets = 0;
  let i = 0;
  // Fast path: the whole line fits.
  for (; i < n; i++) {
    const c = line.charCodeAt(i);
    octets += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    if (octets > FOLD_OCTETS) break;
  }
  if (i === n) return line;
  let out = '';
  let start = 0;
  let limit = FOLD_OCTETS;
  octets = 0;
  for (i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    if (octets + size > limit) {
      let cut = i;
      // Keep a surrogate pair together: never cut before a low surrogate.
      if (c >= 0xdc00 && c <= 0xdfff && cut > start) cut--;
      out += (start === 0 ? '' : '\r\n ') + line.slice(start, cut);
      start = cut;
      limit = FOLD_OCTETS - 1; // the continuation line begins with a space
      octets = 0;
      i = cut - 1;
      continue;
    }
    octets += size;
  }
  return out + (start === 0 ? '' : '\r\n ') + line.slice(start);
}
