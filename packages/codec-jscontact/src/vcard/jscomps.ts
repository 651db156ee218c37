/**
 * RFC 9555 §3.3.1 JSCOMPS: the order of name/address components and their separators, as a
 * parameter of N and ADR. `"s,<sep>;1;0,1;s,<sep>;3"`: the first entry is the default separator
 * (or empty), then positional entries (component index, value index) and separator entries.
 */

export type JscompsEntry = { kind: 'pos'; component: number; index: number } | { kind: 'sep'; value: string };

export interface Jscomps {
  defaultSeparator: string | undefined;
  entries: JscompsEntry[];
}

/** Splits at `;` not escaped by a backslash. */
function splitEntries(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === ';') {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function unescapeSeparator(text: string): string {
  return text.replace(/\\([\\,;])/g, '$1');
}

function escapeSeparator(text: string): string {
  return text.replace(/[\\,;]/g, (c) => '\\' + c);
}

/** Reads a JSCOMPS value; `undefined` when it does not follow the syntax. */
export function parseJscomps(value: string): Jscomps | undefined {
  const parts = splitEntries(value);
  if (parts.length < 2) return undefined;
  const first = parts[0]!;
  let defaultSeparator: string | undefined;
  if (first.startsWith('s,')) defaultSeparator = unescapeSeparator(first.slice(2));
  else if (first !== '') return undefined;
  const entries: JscompsEntry[] = [];
  for (const part of parts.slice(1)) {
    if (part.startsWith('s,')) {
      entries.push({ kind: 'sep', value: unescapeSeparator(part.slice(2)) });
      continue;
    }
    const m = /^(\d{1,3})(?:,(\d{1,3}))?$/.exec(part);
    if (!m) return undefined;
    entries.push({ kind: 'pos', component: Number(m[1]), index: m[2] === undefined ? 0 : Number(m[2]) });
  }
  return { defaultSeparator, entries };
}

/** Writes a JSCOMPS value (RFC 9555 §3.3.1 ABNF; a secondary index of 0 is left out). */
export function formatJscomps(jscomps: Jscomps): string {
  let out = jscomps.defaultSeparator === undefined ? '' : 's,' + escapeSeparator(jscomps.defaultSeparator);
  for (const e of jscomps.entries) {
    out += ';' + (e.kind === 'sep' ? 's,' + escapeSeparator(e.value) : e.index === 0 ? String(e.component) : `${e.component},${e.index}`);
  }
  return out;
}
