/**
 * Joining many iCalendar objects into one VCALENDAR, and many vCards into one file, for a
 * collection's `?download` (behaviour §1.5). Text-level only: content lines are copied as they
 * are (folding included), so no resource is re-encoded on the way.
 */

const lines = (text: string) => text.split(/\r\n|\n|\r/);
const nameOf = (line: string) => line.slice(0, line.search(/[;:]|$/)).toUpperCase();
const isContinuation = (line: string) => line.startsWith(' ') || line.startsWith('\t');

/**
 * One VCALENDAR holding the components of every input (RFC 5545 §3.4, §3.6): calendar-level
 * properties are replaced by VERSION and PRODID, and each VTIMEZONE appears once (by TZID), before
 * the other components. Text outside BEGIN:VCALENDAR…END:VCALENDAR is ignored.
 * @example bundleICalendar(['BEGIN:VCALENDAR\r\n…BEGIN:VEVENT…', …]) // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…'
 */
export function bundleICalendar(texts: Iterable<string>, prodId = '-//Almanac//CalDAV download//EN'): string {
  const zones = new Map<string, string[]>();
  const components: string[] = [];
  for (const text of texts) {
    let depth = 0;
    let block: string[] | undefined;
    let blockName = '';
    let tzid = '';
    for (const line of lines(text)) {
      if (line === '') continue;
      if (isContinuation(line)) {
        block?.push(line);
        continue;
      }
      const name = nameOf(line);
      const value = line.slice(line.indexOf(':') + 1).trim().toUpperCase();
      if (name === 'BEGIN') {
        depth++;
        if (depth === 2) {
          block = [];
          blockName = value;
          tzid = '';
        }
      }
      if (depth >= 2 && block) {
        block.push(line);
        if (depth === 2 && name === 'TZID') tzid = line.slice(line.indexOf(':') + 1).trim();
      }
      if (name === 'END') {
        if (depth === 2 && block) {
          if (blockName === 'VTIMEZONE') {
            if (!zones.has(tzid)) zones.set(tzid, block);
          } else components.push(...block);
          block = undefined;
        }
        depth = Math.max(0, depth - 1);
      }
    }
  }
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${prodId}`];
  for (const zone of zones.values()) out.push(...zone);
  out.push(...components, 'END:VCALENDAR', '');
  return out.join('\r\n');
}

/** The vCards one after the other, each ending in CRLF (RFC 6350 §3.1 allows several per file). */
export function bundleVCards(texts: Iterable<string>): string {
  let out = '';
  for (const text of texts) {
    const trimmed = text.replace(/(\r\n|\n|\r)+$/, '');
    if (trimmed !== '') out += `${lines(trimmed).join('\r\n')}\r\n`;
  }
  return out;
}
