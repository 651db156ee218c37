/**
 * Decodes a QUOTED-PRINTABLE value (RFC 2045 §6.7, used by vCard 2.1) in the given charset.
 * Invalid `=` sequences are kept literally; text that is not valid in the declared charset (or
 * in UTF-8 when none is declared) is read as windows-1252, the usual charset of old exports.
 * Never throws.
 *
 * @example
 * decodeQuotedPrintable('Gr=C3=BC=C3=9Fe=0D=0Aline 2', 'UTF-8') // 'Grüße\r\nline 2'
 */
export function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 61 /* = */ && i + 2 < value.length && isHex(value.charCodeAt(i + 1)) && isHex(value.charCodeAt(i + 2))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // Already-decoded characters (the file was read as text): keep them as UTF-8 bytes.
      const cp = value.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of ENCODER.encode(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  return decodeBytes(Uint8Array.from(bytes), charset);
}

const ENCODER = new TextEncoder();

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase();
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1252').decode(bytes);
    } catch {
      let out = '';
      for (const b of bytes) out += String.fromCharCode(b);
      return out;
    }
  }
}
