import { XmlError } from './errors.js';

// XML 1.0 §2.2: characters outside Char (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone
// surrogates) make a document not well-formed. Checked once over the whole text.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** 1-based line and column of a string offset (only computed on the error path). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Checks what fast-xml-parser would let through but we must refuse, in one linear pass:
 * characters XML forbids, and every markup declaration (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`, …).
 * Refusing the DTD outright is what defeats entity expansion attacks (billion laughs, external
 * entities): no entity beyond the five predefined ones can exist. Comments and CDATA sections are
 * skipped so that their content can't trigger a false alarm, and must be terminated.
 *
 * It also counts start tags outside comments and CDATA (an upper bound of the element count, exact
 * for well-formed documents), so that a flood of tiny elements is refused before the tokenizer
 * allocates a node for each.
 *
 * @throws XmlError `invalid-char`, `dtd`, `malformed` or `too-many-elements`.
 */
export function prescan(text: string, maxElements = Infinity): void {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new XmlError('invalid-char', `character U+${code} is not allowed in XML`, positionOf(text, bad.index));
  }
  let counted = 0;
  let markup = 0; // start of the stretch not yet counted
  const count = (end: number): void => {
    counted += countStartTags(text, markup, end);
    if (counted > maxElements) throw new XmlError('too-many-elements', `more than ${maxElements} elements`);
  };
  for (let at = text.indexOf('<!'); at !== -1; at = text.indexOf('<!', at)) {
    count(at);
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) throw new XmlError('malformed', 'unterminated comment', positionOf(text, at));
      at = end + 3;
      markup = at;
    } else if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end === -1) throw new XmlError('malformed', 'unterminated CDATA section', positionOf(text, at));
      at = end + 3;
      markup = at;
    } else {
      const what = /^<!([A-Za-z]*)/.exec(text.slice(at, at + 12))?.[1] || 'markup declaration';
      throw new XmlError('dtd', `<!${what.toUpperCase()}> is not accepted: DTDs and entity declarations are refused`, positionOf(text, at));
    }
  }
  count(text.length);
}

/** `<` followed by anything but `/`, `!` or `?` in `text[from, to)`. */
function countStartTags(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('<', from); i !== -1 && i < to; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next !== 47 && next !== 33 && next !== 63) n++;
  }
  return n;
}
