import type { JCardParams } from './types.js';
import { LIST_PARAMS } from './design.js';

/** One unfolded content line split into its parts, the value still raw (escapes kept). */
export interface LexedLine {
  /** Lowercase property name without the group. */
  name: string;
  /** Lowercase group name (`item1` of `item1.EMAIL`), if any. */
  group: string | undefined;
  /** Parameters with lowercase names; list parameters (TYPE) as arrays when repeated or listed. */
  params: JCardParams;
  /** Parameters written without a value (`TEL;WORK;VOICE:`, vCard 2.1), in their original case. */
  bare: string[] | undefined;
  /** Everything after the first colon outside quotes. */
  value: string;
  /** Parameters left out: `__proto__` (no JSON object could keep it as a plain member). */
  dropped?: string[];
}

const COLON = 58;
const SEMICOLON = 59;
const EQUALS = 61;
const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;
const NAME_SHAPE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/**
 * Splits a content line (RFC 6350 §3.3: `[group "."] name *(";" param) ":" value`). Quoted
 * parameter values may contain `;`, `:` and `,`; RFC 6868 `^` escapes in parameter values are
 * decoded. Returns the parts, or a message saying why the line is not a content line.
 *
 * @example
 * lexContentLine('item1.TEL;TYPE=work,voice:+1 555') // { name: 'tel', group: 'item1',
 * //   params: { type: ['work', 'voice'] }, bare: undefined, value: '+1 555' }
 */
export function lexContentLine(line: string): LexedLine | string {
  const len = line.length;
  let i = 0;
  while (i < len) {
    const c = line.charCodeAt(i);
    if (c === COLON || c === SEMICOLON) break;
    i++;
  }
  if (i === len) return 'not a content line: no ":" separating the name from the value';
  const fullName = line.slice(0, i).trim();
  if (fullName.length === 0) return 'not a content line: the property name is empty';
  // RFC 6350 §3.3: group and name are tokens (letters, digits, "-"; "_" and a dotted group path
  // are tolerated); anything else is not a property, e.g. a broken fold of some other line.
  if (!NAME_SHAPE.test(fullName)) return `not a content line: "${fullName.slice(0, 40)}" is not a property name`;
  const dot = fullName.indexOf('.');
  const group = dot > 0 ? lowerToken(fullName.slice(0, dot)) : undefined;
  const name = lowerToken(dot >= 0 ? fullName.slice(dot + 1) : fullName);
  if (name.length === 0) return 'not a content line: the property name is empty';

  const params: JCardParams = {};
  let bare: string[] | undefined;
  let dropped: string[] | undefined;
  while (line.charCodeAt(i) === SEMICOLON) {
    i++;
    const start = i;
    while (i < len) {
      const c = line.charCodeAt(i);
      if (c === EQUALS || c === SEMICOLON || c === COLON) break;
      i++;
    }
    if (i === len) return 'not a content line: no ":" after the parameters';
    const paramName = line.slice(start, i).trim();
    if (line.charCodeAt(i) !== EQUALS) {
      if (paramName.length > 0) (bare ??= []).push(unescapeParamText(paramName));
      continue;
    }
    i++;
    const values: string[] = [];
    for (;;) {
      let text = '';
      let quoted = false;
      // A value is a run of quoted strings and plain text up to an unquoted "," ";" or ":";
      // RFC 6350 allows one quoted string, but stray text next to quotes is kept, not fatal.
      while (i < len) {
        const c = line.charCodeAt(i);
        if (c === QUOTE) {
          const end = line.indexOf('"', i + 1);
          if (end === -1) return 'not a content line: a quoted parameter value is not closed';
          text += line.slice(i + 1, end);
          quoted = true;
          i = end + 1;
          // Whitespace after a closing quote (a fold with two spaces) is not part of the value.
          while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
        } else if (c === COMMA || c === SEMICOLON || c === COLON) {
          break;
        } else {
          const runStart = i;
          while (i < len) {
            const d = line.charCodeAt(i);
            if (d === QUOTE || d === COMMA || d === SEMICOLON || d === COLON) break;
            // "\," is an escaped comma inside the value (read as text escapes below), not a separator.
            i += d === BACKSLASH && line.charCodeAt(i + 1) === COMMA ? 2 : 1;
          }
          text += line.slice(runStart, i);
        }
      }
      if (i === len) return 'not a content line: no ":" after the parameters';
      // Whitespace around a value is a folding artifact ("TYPE=home\r\n  :…"), not content.
      if (!quoted && text.length > 0 && (text.charCodeAt(text.length - 1) <= 32 || text.charCodeAt(0) <= 32)) text = text.trim();
      values.push(text.indexOf('^') === -1 ? text : decodeRfc6868(text));
      if (line.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (paramName.length === 0) continue;
    const lower = lowerToken(paramName);
    if (lower === '__proto__') {
      (dropped ??= []).push(paramName);
      continue;
    }
    // Writers (RFC 9554's own examples among them) put vCard text escapes in parameter values,
    // as ical.js reads them too; JSCOMPS has its own escaping (RFC 9555 §3.3.1) and stays verbatim.
    if (lower !== 'jscomps') for (let k = 0; k < values.length; k++) values[k] = unescapeParamText(values[k]!);
    // TYPE values are a small vocabulary too (WORK, HOME, CELL, …).
    if (lower === 'type') for (let k = 0; k < values.length; k++) values[k] = sharedToken(values[k]!);
    addParam(params, lower, values);
  }
  return dropped ? { name, group, params, bare, value: line.slice(i + 1), dropped } : { name, group, params, bare, value: line.slice(i + 1) };
}

// Property and parameter names repeat from card to card: the same lowercase string for the same
// spelling means its hash is computed once, and every later table lookup by it is cheap.
const TOKENS = new Map<string, string>();
const MAX_TOKENS = 2048;

const SHARED = new Map<string, string>();

/** `text` itself, or the equal string seen before (short tokens only). */
function sharedToken(text: string): string {
  if (text.length > 24) return text;
  const seen = SHARED.get(text);
  if (seen !== undefined) return seen;
  if (SHARED.size < MAX_TOKENS) SHARED.set(text, text);
  return text;
}

/** {@link asciiLower}, the result shared for spellings seen before. */
export function lowerToken(text: string): string {
  let lower = TOKENS.get(text);
  if (lower === undefined) {
    lower = asciiLower(text);
    if (TOKENS.size < MAX_TOKENS) TOKENS.set(text, lower);
  }
  return lower;
}

/**
 * Lowercases ASCII letters only: names are case-insensitive in ASCII (RFC 6350 §3.3), and
 * Unicode case mapping is not reversible ("ß" uppercases to "SS").
 */
export function asciiLower(text: string): string {
  return isAscii(text) ? text.toLowerCase() : text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** Uppercases ASCII letters only (see {@link asciiLower}). */
export function asciiUpper(text: string): string {
  return isAscii(text) ? text.toUpperCase() : text.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** Adds a parameter; a list parameter or a repeated one accumulates its values in an array. */
export function addParam(params: JCardParams, name: string, rawValues: string[]): void {
  const isList = LIST_PARAMS.has(name);
  // A quoted list (TYPE="work,voice") is a list too, as writers use both spellings.
  const values = isList && rawValues.some((v) => v.indexOf(',') !== -1) ? rawValues.flatMap((v) => v.split(',')) : rawValues;
  const previous = Object.hasOwn(params, name) ? params[name] : undefined;
  if (previous === undefined) {
    params[name] = isList ? (values.length === 1 ? values[0]! : values) : values.join(',');
    return;
  }
  if (!isList) {
    // RFC 6350 §5: a repeated parameter adds values to its comma-separated list.
    params[name] = (Array.isArray(previous) ? previous.join(',') : previous) + ',' + values.join(',');
    return;
  }
  const merged = Array.isArray(previous) ? previous.slice() : [previous];
  merged.push(...values);
  params[name] = merged;
}

function unescapeParamText(text: string): string {
  if (text.indexOf('\\') === -1) return text;
  return text.replace(/\\([\\,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** RFC 6868 §3: `^n` is a newline, `^'` a double quote, `^^` a caret; other `^` stay. */
export function decodeRfc6868(text: string): string {
  return text.replace(/\^([n'^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}

/** RFC 6868 §3, the reverse of {@link decodeRfc6868}. */
export function encodeRfc6868(text: string): string {
  return text.replace(/[\^\n"]|\r\n?/g, (c) => (c === '^' ? '^^' : c === '"' ? "^'" : '^n'));
}
