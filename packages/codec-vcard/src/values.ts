import type { VCardDesign } from './design.js';
import type { JCardValue } from './types.js';

const BACKSLASH = 92;

/** Splits `text` at every `sep` not preceded by an escaping backslash (`\\;` is not escaped). */
export function splitUnescaped(text: string, sep: string): string[] {
  if (text.indexOf(sep) === -1) return [text];
  const code = sep.charCodeAt(0);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === code) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** RFC 6350 §3.4: `\\`, `\,`, `\;` and `\n`/`\N` are escapes; any other backslash is kept. */
export function unescapeText(text: string): string {
  if (text.indexOf('\\') === -1) return text;
  return text.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * RFC 6350 §3.4: escapes backslash, comma and newline; semicolon too inside a structured value
 * (where it separates components). A CR LF or lone CR is written as one `\n`.
 */
export function escapeText(text: string, structured: boolean): string {
  if (structured ? !NEEDS_ESCAPE_STRUCTURED.test(text) : !NEEDS_ESCAPE.test(text)) return text;
  return text.replace(structured ? ESCAPE_STRUCTURED : ESCAPE, escapeChar);
}

const NEEDS_ESCAPE = /[\\,\n\r]/;
const NEEDS_ESCAPE_STRUCTURED = /[\\,;\n\r]/;
const ESCAPE = /[\\,\n]|\r\n?/g;
const ESCAPE_STRUCTURED = /[\\,;\n]|\r\n?/g;
function escapeChar(c: string): string {
  return c === '\\' ? '\\\\' : c === ',' ? '\\,' : c === ';' ? '\\;' : '\\n';
}

/**
 * vCard dates and times as RFC 6350 §4.3 writes them (basic format, truncated forms) and as
 * vCard 3.0 often does (extended format). Only these shapes are handed to ical.js's codecs (which
 * assume them); anything else is kept as raw text, not reinterpreted.
 */
const DATE = String.raw`(?:\d{8}|\d{4}-\d{2}-\d{2}|\d{4}(?:-\d{2})?|--\d{2}-?\d{2}|--\d{2}|---\d{2})`;
const ZONE = String.raw`(?:Z|[+-]\d{2}(?::?\d{2})?)`;
const TIME = String.raw`(?:(?:\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?|-\d{2}(?::?\d{2})?|--\d{2})${ZONE}?)`;
const SHAPES: Record<string, RegExp> = Object.assign(Object.create(null) as Record<string, RegExp>, {
  date: new RegExp(`^${DATE}$`),
  time: new RegExp(`^T?${TIME}$`),
  'date-time': new RegExp(`^(?:${DATE}T${TIME}|${DATE}|T${TIME})$`),
  'date-and-or-time': new RegExp(`^(?:${DATE}T${TIME}|${DATE}|T${TIME})$`),
  timestamp: new RegExp(String.raw`^(?:\d{8}T\d{6}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})${ZONE}?$`),
  'utc-offset': /^[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?$/,
});

/** Thrown-free marker: the raw text does not fit the declared type. */
export const INVALID = Symbol('invalid');

/**
 * Decodes one raw value of `type` to its jCard form with ical.js's codec for that type (so the
 * result matches `ICAL.parse`). Returns {@link INVALID} when the text does not have the shape of
 * the type; the caller then keeps the property as raw (`unknown`) text.
 */
export function decodeAtom(raw: string, type: string, design: VCardDesign): JCardValue | typeof INVALID {
  switch (type) {
    case 'text':
      return unescapeText(raw);
    case 'uri':
      // ical.js reads 4.0 URIs like text (escapes decoded) and 3.0 URIs verbatim.
      return design.version === '4.0' ? unescapeText(raw) : raw;
    case 'unknown':
      return raw;
    case 'phone-number':
      return raw.indexOf('\\') === -1 ? raw : raw.replace(/\\/g, '');
    case 'boolean':
      if (/^true$/i.test(raw)) return true;
      if (/^false$/i.test(raw)) return false;
      return INVALID;
    case 'integer':
      return /^[+-]?\d{1,15}$/.test(raw) ? Number(raw) : INVALID;
    case 'float':
      return /^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(raw) ? Number(raw) : INVALID;
    default: {
      const shape = SHAPES[type];
      if (shape !== undefined && !shape.test(raw)) return INVALID;
    }
  }
  if (type === 'timestamp' && /[+-]\d{2}(?::?\d{2})?$/.test(raw)) {
    // ical.js reads only UTC or floating timestamps; RFC 6350 §4.3.5 allows an offset too
    // (hours, or hours and minutes, kept as written).
    const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})([+-]\d{2})(?::?(\d{2}))?$/.exec(raw);
    return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}${m[8] === undefined ? '' : ':' + m[8]}` : INVALID;
  }
  const codec = design.value[type];
  if (!codec?.fromICAL) return raw;
  try {
    const value = codec.fromICAL(raw);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : raw;
  } catch {
    return INVALID;
  }
}

/** Encodes one jCard value of `type` to vCard text (the reverse of {@link decodeAtom}). */
export function encodeAtom(value: unknown, type: string, design: VCardDesign, structured: boolean): string {
  if (typeof value !== 'string') {
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    return value === null || value === undefined ? '' : String(value);
  }
  switch (type) {
    case 'text':
      return escapeText(value, structured);
    case 'uri':
      return design.version === '4.0' ? escapeText(value, structured) : noLineBreaks(value);
    case 'unknown':
    case 'binary':
      return noLineBreaks(value);
    case 'phone-number':
      return noLineBreaks(value.replace(/[,;]/g, (c) => '\\' + c));
    default:
      break;
  }
  if (type === 'timestamp') {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-]\d{2})(?::(\d{2}))?$/.exec(value);
    if (m) return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}${m[7]}${m[8] ?? ''}`;
  }
  const codec = design.value[type];
  if (!codec?.toICAL) return noLineBreaks(value);
  try {
    const text = codec.toICAL(value);
    return noLineBreaks(typeof text === 'string' ? text : value);
  } catch {
    return noLineBreaks(value);
  }
}

/** A raw value must not break the content line: line breaks are written as `\n`. */
function noLineBreaks(text: string): string {
  return text.indexOf('\n') === -1 && text.indexOf('\r') === -1 ? text : text.replace(/\r\n|\r|\n/g, '\\n');
}
