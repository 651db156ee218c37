// XML 1.0 §2.2: characters no XML 1.0 document may contain, not even as a character reference.
// Calendar and contact data can carry them (a stray form feed or NUL in a description); writing
// them would make the whole multistatus unparsable for the client, so the writers DROP them.
// Lone surrogates are dropped for the same reason (they can't be encoded in UTF-8).
const INVALID_GLOBAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_TEXT_WORK = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NEEDS_ATTR_WORK = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes the characters XML 1.0 cannot represent (see above); other text is returned unchanged. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_GLOBAL, '');
}

/**
 * Escapes character data: `&`, `<`, `>` (so `]]>` can't occur) and CR as `&#13;`, because a
 * literal CR would be read back as LF (XML §2.11) and iCalendar/vCard lines end in CRLF.
 * Characters XML can't represent are dropped.
 * @example escapeText('a < b\r\n') // 'a &lt; b&#13;\n'
 */
export function escapeText(text: string): string {
  if (!NEEDS_TEXT_WORK.test(text)) return text;
  return stripInvalidXmlChars(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] as string);
}

/**
 * Escapes an attribute value for double quotes. Tab, LF and CR become character references so
 * attribute-value normalisation (XML §3.3.3) gives them back unchanged.
 */
export function escapeAttr(text: string): string {
  if (!NEEDS_ATTR_WORK.test(text)) return text;
  return stripInvalidXmlChars(text).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] as string);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };
