import { asciiLower, asciiUpper, encodeRfc6868 } from './content-line.js';
import { designFor, type VCardDesign } from './design.js';
import { encodeValue } from './property-codec.js';
import { escapeText } from './values.js';
import type { JCard, JCardProperty } from './types.js';

/** Options of {@link stringifyVCard}. */
export interface StringifyVCardOptions {
  /** Line ending, `\r\n` by default (RFC 6350 §3.2). */
  newline?: '\r\n' | '\n';
  /** Fold lines longer than 75 octets (default `true`). */
  fold?: boolean;
}

/**
 * Writes jCards (RFC 7095) as vCard text in the version their VERSION property names (4.0 when
 * there is none; a VERSION line is then added). VERSION is written first, as RFC 6350 §6.7.9
 * requires; the other properties keep their order. Groups, unknown parameters and `unknown`
 * values (kept raw by the parser) are written back as they came. To change the version, convert
 * first with `convertVCardVersion`. Never throws: malformed members are written as well as
 * possible or skipped.
 *
 * @example
 * stringifyVCard(['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'A, B']], []])
 * // 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\\, B\r\nEND:VCARD\r\n'
 */
export function stringifyVCard(cards: JCard | readonly JCard[], options: StringifyVCardOptions = {}): string {
  const nl = options.newline ?? '\r\n';
  const fold = options.fold !== false;
  const list: readonly unknown[] = isSingleCard(cards) ? [cards] : Array.isArray(cards) ? cards : [];
  let out = '';
  for (const card of list) {
    if (!Array.isArray(card) || !Array.isArray(card[1])) continue;
    out += stringifyOne(card[1] as unknown[], nl, fold);
  }
  return out;
}

function isSingleCard(value: unknown): value is JCard {
  return Array.isArray(value) && typeof value[0] === 'string';
}

function stringifyOne(properties: unknown[], nl: string, fold: boolean): string {
  let version: string | undefined;
  for (const p of properties) {
    if (isProperty(p) && asciiLower(p[0]) === 'version' && p.length > 3) {
      version = String(p[3]);
      break;
    }
  }
  const design = designFor(version);
  let out = 'BEGIN:VCARD' + nl + 'VERSION:' + escapeText(version ?? '4.0', false) + nl;
  for (const p of properties) {
    if (!isProperty(p)) continue;
    const name = asciiLower(p[0]);
    if (name === 'version' || name === 'begin' || name === 'end') continue;
    const line = propertyLine(p, design);
    out += (fold ? foldLine(line, nl) : line) + nl;
  }
  return out + 'END:VCARD' + nl;
}

function isProperty(p: unknown): p is JCardProperty {
  return Array.isArray(p) && p.length >= 3 && typeof p[0] === 'string' && p[0].length > 0;
}

/** One property as an unfolded content line (RFC 6350 §3.3). */
export function propertyLine(p: JCardProperty, design: VCardDesign): string {
  const name = asciiLower(p[0]);
  const params = p[1] !== null && typeof p[1] === 'object' && !Array.isArray(p[1]) ? p[1] : {};
  const type = typeof p[2] === 'string' ? asciiLower(p[2]) : 'unknown';
  const group = params['group'];
  let line = (typeof group === 'string' && group.length > 0 ? group + '.' : '') + asciiUpper(name);
  for (const key of Object.keys(params)) {
    const lower = asciiLower(key);
    if (lower === 'group' || lower === 'value') continue;
    const value = params[key];
    if (value === undefined || value === null) continue;
    line += ';' + asciiUpper(key) + '=' + paramValue(value, lower === 'jscomps');
  }
  if (type !== 'unknown' && (type !== implicitType(name, p, design) || ALWAYS_TYPED.has(name + ':' + type))) {
    line += ';VALUE=' + asciiUpper(type);
  }
  return line + ':' + encodeValue(p, design);
}

/**
 * Written with VALUE although it is the default: a TEL URI (RFC 6350 §6.4.1 writes
 * `TEL;VALUE=uri:tel:…` throughout; readers that assume the 3.0 phone-number type need it).
 */
const ALWAYS_TYPED: ReadonlySet<string> = new Set(['tel:uri']);

/** The type a reader infers when VALUE is absent (so VALUE can be left out). */
function implicitType(name: string, p: JCardProperty, design: VCardDesign): string | undefined {
  const pd = design.property[name];
  if (pd === undefined) return undefined;
  if (pd.detectType && typeof p[3] === 'string' && p[3].length > 0) {
    try {
      // detectType looks at the written form; for the date/date-time split of 3.0 the jCard form
      // has the same "T" test result.
      return pd.detectType(p[3]);
    } catch {
      return pd.defaultType;
    }
  }
  return pd.defaultType;
}

function paramValue(value: unknown, verbatim: boolean): string {
  if (Array.isArray(value)) return value.map((v) => paramValue(v, verbatim)).join(',');
  let text = typeof value === 'string' ? value : String(value);
  // The parser reads "\\", "\," and "\n" in parameter values as escapes (as writers use them),
  // so a literal backslash is doubled to read back the same; JSCOMPS has its own escaping.
  if (!verbatim && text.indexOf('\\') !== -1) text = text.replace(/\\/g, '\\\\');
  if (/[\^"\r\n]/.test(text)) text = encodeRfc6868(text);
  return verbatim || /[,;:]|^\s|\s$/.test(text) ? '"' + text + '"' : text;
}

/**
 * RFC 6350 §3.2: lines longer than 75 octets are folded; a fold never splits a UTF-8 sequence or
 * a UTF-16 surrogate pair. The continuation line starts with one space.
 */
export function foldLine(line: string, nl = '\r\n'): string {
  if (line.length <= 25) return line;
  let bytes = 0;
  let limit = 75;
  let start = 0;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    if (bytes + size > limit) {
      out += line.slice(start, i) + nl + ' ';
      start = i;
      bytes = 0;
      limit = 74;
    }
    bytes += size;
  }
  return start === 0 ? line : out + line.slice(start);
}
