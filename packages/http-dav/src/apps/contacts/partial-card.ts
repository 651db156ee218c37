import { foldLine, lexContentLine, splitContentLines } from '@almanac/codec-vcard';
import type { PropChoice } from '../../xml/requests/calendar-data.js';

/** Lines every vCard keeps, whatever the selection: its frame and version (RFC 6350 §6.7.9). */
const ALWAYS: ReadonlySet<string> = new Set(['begin', 'end', 'version']);

/**
 * RFC 6352 §10.4.2: the card with only the selected properties, BEGIN/END and VERSION kept. A
 * name matches the property in any group (`EMAIL` keeps `item1.EMAIL`), or one group's when it
 * names the group (`ITEM1.EMAIL`); `novalue` keeps the name and parameters with an empty value.
 * The kept lines are the card's own, unchanged but for folding, so a partial card says exactly
 * what the whole one does. Lines that are not content lines are dropped.
 *
 * @example selectProperties('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEMAIL:a@x\r\nEND:VCARD\r\n', [{ name: 'EMAIL', novalue: false }])
 * // 'BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:a@x\r\nEND:VCARD\r\n'
 */
export function selectProperties(text: string, props: readonly PropChoice[]): string {
  let out = '';
  for (const line of splitContentLines(text)) {
    const lexed = lexContentLine(line.text);
    if (typeof lexed === 'string') {
      // BEGIN:VCARD / END:VCARD lex as content lines; anything else unreadable is left out.
      continue;
    }
    let kept = line.text;
    if (!ALWAYS.has(lexed.name)) {
      const choice = props.find((p) => {
        const dot = p.name.lastIndexOf('.');
        const name = (dot < 0 ? p.name : p.name.slice(dot + 1)).toLowerCase();
        return name === lexed.name && (dot < 0 || p.name.slice(0, dot).toLowerCase() === lexed.group);
      });
      if (!choice) continue;
      if (choice.novalue) kept = line.text.slice(0, line.text.length - lexed.value.length);
    }
    out += `${foldLine(kept)}\r\n`;
  }
  return out;
}
