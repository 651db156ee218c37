/**
 * Splits iCalendar text into unfolded content lines (RFC 5545 §3.1) and calls
 * `emit` with each one and the 1-based physical line it starts on.
 *
 * Accepts CRLF, LF and bare CR line ends, folds continued with a space or a
 * tab, and the soft line breaks of vCalendar 1.0 QUOTED-PRINTABLE values (a
 * trailing `=`). Empty lines are skipped.
 */
export function forEachContentLine(input: string, emit: (line: string, lineNo: number) => void): void {
  let text = input;
  // A CR not followed by LF ends a line too (classic Mac files, damaged input).
  if (text.indexOf('\r') !== -1 && /\r(?!\n)/.test(text)) text = text.replace(/\r(?!\n)/g, '\n');
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  let current: string | undefined;
  let currentLine = 0;
  while (pos < len) {
    const nl = text.indexOf('\n', pos);
    let end = nl === -1 ? len : nl;
    const next = nl === -1 ? len : nl + 1;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    lineNo++;
    const c = text.charCodeAt(pos);
    if ((c === 32 || c === 9) && current !== undefined) {
      current += text.slice(pos + 1, end);
    } else if (current !== undefined && isQuotedPrintableSoftBreak(current)) {
      // vCalendar 1.0 (RFC 2045 §6.7 rule 5): "=" at the end of a
      // QUOTED-PRINTABLE line joins it with the next line.
      current = current.slice(0, -1) + text.slice(pos, end);
    } else {
      if (current) emit(current, currentLine);
      current = c === 32 || c === 9 ? text.slice(pos, end).trimStart() : text.slice(pos, end);
      currentLine = lineNo;
    }
    pos = next;
  }
  if (current) emit(current, currentLine);
}

function isQuotedPrintableSoftBreak(line: string): boolean {
  if (line.charCodeAt(line.length - 1) !== 61) return false;
  const colon = line.indexOf(':');
  const head = colon === -1 ? line : line.slice(0, colon);
  return /quoted-printable/i.test(head);
}
