/** A logical (unfolded) content line and the 1-based number of its first physical line. */
export interface ContentLineText {
  text: string;
  line: number;
}

/**
 * Splits vCard text into unfolded content lines (RFC 6350 §3.2: a CRLF followed by a space or tab
 * continues the line; LF and lone CR line ends are accepted too). vCard 2.1 leniency: a line
 * ending in `=` whose parameters say QUOTED-PRINTABLE continues on the next line (soft line
 * break, RFC 2045 §6.7), and a line without a colon following a BASE64 line is more base64 data.
 * Empty lines are dropped. Never throws.
 *
 * @example
 * splitContentLines('BEGIN:VCARD\r\nNOTE:a\r\n b\r\nEND:VCARD')
 * // [{ text: 'BEGIN:VCARD', line: 1 }, { text: 'NOTE:ab', line: 2 }, { text: 'END:VCARD', line: 4 }]
 */
export function splitContentLines(input: string): ContentLineText[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // Lone CRs (old Mac line ends, or mixed with LF) end lines too: met inside a line, the text is
  // split again with every line end made LF (rare, so the common case needs no extra pass).
  return splitLines(text) ?? splitLines(text.replace(/\r\n?/g, '\n'))!;
}

/** The content lines of text whose lines end in LF or CRLF; `undefined` at a lone CR. */
function splitLines(text: string): ContentLineText[] | undefined {
  const out: ContentLineText[] = [];
  const len = text.length;
  let pos = 0;
  let lineNo = 0;
  let current: ContentLineText | undefined;
  let currentIsBase64 = false;
  while (pos < len) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    lineNo++;
    const physical = end > pos && text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    if (physical.indexOf('\r') !== -1) return undefined;
    pos = end + 1;
    const first = physical.charCodeAt(0);
    if (current !== undefined && (first === 32 || first === 9)) {
      current.text += physical.slice(1);
      continue;
    }
    if (current !== undefined && endsWithSoftBreak(current.text) && !/^END\s*:/i.test(physical)) {
      current.text = current.text.slice(0, -1) + physical;
      continue;
    }
    if (physical.trim().length === 0) {
      currentIsBase64 = false;
      continue;
    }
    if (current !== undefined && currentIsBase64 && physical.indexOf(':') === -1) {
      current.text += physical.trim();
      continue;
    }
    current = { text: physical, line: lineNo };
    currentIsBase64 = isBase64Line(physical);
    out.push(current);
  }
  return out;
}

/** A QUOTED-PRINTABLE line whose last character is `=` continues on the next physical line. */
function endsWithSoftBreak(line: string): boolean {
  if (line.charCodeAt(line.length - 1) !== 61) return false;
  const colon = line.indexOf(':');
  return colon !== -1 && /;\s*(?:ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(?:;|$)/i.test(line.slice(0, colon));
}

function isBase64Line(line: string): boolean {
  const colon = line.indexOf(':');
  if (colon === -1) return false;
  const head = line.slice(0, colon);
  return head.indexOf(';') !== -1 && /;\s*(?:ENCODING\s*=\s*)?(?:BASE64|B)\s*(?:;|$)/i.test(head);
}
