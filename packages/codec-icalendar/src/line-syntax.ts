/** A content line cut into its parts without interpreting any value. */
export interface RawContentLine {
  name: string;
  /** Parameters in order; `value` is undefined for a bare vCalendar 1.0 parameter (`;BASE64`). */
  params: Array<{ name: string; value: string | undefined }>;
  value: string;
}

/**
 * Cuts `NAME;P=V;P="quoted":value` into its parts (RFC 5545 §3.1), honouring
 * quoted parameter values. Returns undefined when there is no `:` outside
 * quotes. This is the slow path used for repairs, not for every line.
 */
export function splitContentLine(line: string): RawContentLine | undefined {
  let i = 0;
  const n = line.length;
  while (i < n && line[i] !== ';' && line[i] !== ':') i++;
  if (i >= n) return undefined;
  const name = line.slice(0, i);
  const params: RawContentLine['params'] = [];
  while (line[i] === ';') {
    i++;
    let start = i;
    while (i < n && line[i] !== '=' && line[i] !== ';' && line[i] !== ':') i++;
    const pname = line.slice(start, i);
    if (line[i] !== '=') {
      if (pname) params.push({ name: pname, value: undefined });
      continue;
    }
    i++;
    let value = '';
    for (;;) {
      if (line[i] === '"') {
        const close = line.indexOf('"', i + 1);
        if (close === -1) {
          value += line.slice(i + 1);
          i = n;
          break;
        }
        value += line.slice(i + 1, close);
        i = close + 1;
      } else {
        start = i;
        while (i < n && line[i] !== ';' && line[i] !== ':' && line[i] !== ',') i++;
        value += line.slice(start, i);
      }
      if (line[i] === ',') {
        value += ',';
        i++;
        continue;
      }
      break;
    }
    params.push({ name: pname, value });
  }
  if (line[i] !== ':') return undefined;
  return { name, params, value: line.slice(i + 1) };
}

/** Writes a content line back; parameter values with `;`, `:` or `,` get quoted. */
export function formatContentLine(raw: RawContentLine): string {
  let out = raw.name;
  for (const p of raw.params) {
    if (p.value === undefined) out += `;${p.name}`;
    else out += `;${p.name}=${/[;:,]/.test(p.value) && !p.value.startsWith('"') ? `"${p.value.replace(/"/g, "^'")}"` : p.value}`;
  }
  return `${out}:${raw.value}`;
}

/** Decodes QUOTED-PRINTABLE (RFC 2045 §6.7) into bytes; malformed escapes stay literal. */
export function decodeQuotedPrintable(value: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 61 && i + 2 < value.length && isHex(value.charCodeAt(i + 1)) && isHex(value.charCodeAt(i + 2))) {
      out.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      out.push(c);
    } else {
      const cp = value.codePointAt(i)!;
      for (const b of new TextEncoder().encode(String.fromCodePoint(cp))) out.push(b);
      if (cp > 0xffff) i++;
    }
  }
  return Uint8Array.from(out);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
