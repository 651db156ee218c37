import type { Issue } from './types.js';

/** Text decoded from bytes, with the problems met on the way. */
export interface DecodedText {
  text: string;
  /** The encoding actually used (a WHATWG encoding label). */
  encoding: string;
  warnings: Issue[];
}

/**
 * Decodes iCalendar bytes to text.
 *
 * RFC 5545 §3.1.4 makes UTF-8 the default. The order of preference is: a
 * byte-order mark, then `charset` (e.g. from a Content-Type header), then
 * strict UTF-8. Input that is not valid UTF-8 is decoded anyway, never
 * rejected: mostly-UTF-8 text (a few corrupted sequences) keeps its valid
 * characters and gets U+FFFD for the broken ones; anything else is read as
 * windows-1252, the usual encoding of legacy exports. Both cases add a warning.
 *
 * @example decodeICalendarBytes(new TextEncoder().encode('BEGIN:VCALENDAR')).text
 */
export function decodeICalendarBytes(bytes: Uint8Array, charset?: string): DecodedText {
  const warnings: Issue[] = [];
  const bom = detectBom(bytes);
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, warnings };
  if (charset) {
    const label = charset.trim().toLowerCase();
    try {
      const text = WINDOWS_1252_LABELS.has(label) ? decodeWindows1252(bytes) : new TextDecoder(label).decode(bytes);
      return { text, encoding: label, warnings };
    } catch {
      warnings.push({ message: `unknown charset "${charset}", reading as UTF-8`, code: 'charset/unknown' });
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings };
  } catch {
    // fall through: not valid UTF-8
  }
  const stats = utf8Stats(bytes);
  if (stats.valid >= stats.invalid) {
    warnings.push({ message: `input is not valid UTF-8 (${stats.invalid} broken sequence(s) replaced by U+FFFD)`, code: 'charset/invalid-utf8' });
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings };
  }
  warnings.push({ message: 'input is not UTF-8, read as windows-1252', code: 'charset/fallback' });
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings };
}

/** Decodes with a WHATWG label, falling back to UTF-8 when the label is unknown. */
export function decodeWith(label: string, bytes: Uint8Array): string {
  if (WINDOWS_1252_LABELS.has(label.toLowerCase())) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function detectBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Counts well-formed multi-byte UTF-8 sequences and stray non-ASCII bytes. */
function utf8Stats(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) { valid++; i += need + 1; } else { invalid++; i++; }
  }
  return { valid, invalid };
}

/** WHATWG Encoding §5: these labels all mean windows-1252. */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'latin1', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'l1', 'ascii', 'us-ascii', 'ansi_x3.4-1968']);

/** Code points of windows-1252 bytes 0x80-0x9F (the rest equal ISO-8859-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Node's TextDecoder reads windows-1252 as ISO-8859-1 (0x80 is not "€"); decode by table. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    out += String.fromCharCode(...chunk);
  }
  return out;
}
