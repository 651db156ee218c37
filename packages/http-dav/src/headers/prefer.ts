import { headerText, type HeaderValue } from './header-error.js';

/** The preferences a DAV request can state (RFC 7240, RFC 8144). */
export interface DavPreferences {
  /** `Prefer: return=minimal` or `Brief: t`: leave 404 propstats out of PROPFIND/REPORT answers. */
  readonly returnMinimal: boolean;
  /** `Prefer: return=representation`: answer writes with the resource (behaviour §3.10). */
  readonly returnRepresentation: boolean;
  /** `Prefer: depth-noroot` (RFC 8144 §2.2): a Depth 1/infinity PROPFIND without the target's own response. */
  readonly depthNoroot: boolean;
  /** Every preference token seen, lower-cased, with its value (`''` when none). */
  readonly all: ReadonlyMap<string, string>;
}

/**
 * Reads `Prefer` (RFC 7240 §2: comma-separated `token[=value]` with `;`-parameters, tokens
 * case-insensitive, values maybe quoted) and the older Microsoft `Brief: t` (which RFC 8144 equates with
 * `return=minimal`; behaviour §3.10). Never throws: unknown or malformed preferences are ignored,
 * as RFC 7240 §2 asks. With both `return=` values the first one wins.
 *
 * @example parsePrefer({ prefer: 'return=minimal, depth-noroot' }).depthNoroot // true
 */
export function parsePrefer(headers: { readonly prefer?: HeaderValue; readonly brief?: HeaderValue }): DavPreferences {
  const all = new Map<string, string>();
  for (const item of splitOutsideQuotes(headerText(headers.prefer) ?? '', ',')) {
    const [head] = splitOutsideQuotes(item, ';');
    if (head === undefined) continue;
    const eq = head.indexOf('=');
    const token = (eq === -1 ? head : head.slice(0, eq)).trim().toLowerCase();
    if (token === '' || all.has(token)) continue;
    all.set(token, eq === -1 ? '' : unquote(head.slice(eq + 1).trim()));
  }
  const returnValue = all.get('return')?.toLowerCase();
  const brief = headerText(headers.brief)?.toLowerCase() === 't';
  return {
    returnMinimal: returnValue === 'minimal' || (returnValue === undefined && brief),
    returnRepresentation: returnValue === 'representation',
    depthNoroot: all.has('depth-noroot'),
    all,
  };
}

/**
 * The `Preference-Applied` value for the preferences an answer honoured (RFC 7240 §3); send it
 * with `Vary: Prefer` (and `Brief` when `Brief: t` was honoured).
 * @example preferenceApplied(['return=minimal']) // 'return=minimal'
 */
export function preferenceApplied(applied: readonly string[]): string {
  return applied.join(', ');
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && quoted && i + 1 < text.length) {
      current += c + (text[++i] as string);
      continue;
    }
    if (c === separator && !quoted) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}
