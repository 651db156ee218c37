import { decodeWith } from './charset.js';
import { ICALENDAR_DESIGN, type DesignSet } from './design.js';
import { decodeQuotedPrintable, formatContentLine, splitContentLine } from './line-syntax.js';
import type { Issue } from './types.js';

const unknown = { defaultType: 'unknown' };

/**
 * Design set for the lines of a vCalendar 1.0 object: properties whose
 * syntax differs from RFC 5545 are read as raw text and converted by
 * `upgradeVCalendar10` once the whole object is known.
 */
export const VCALENDAR10_DESIGN: DesignSet = {
  ...ICALENDAR_DESIGN,
  property: {
    ...ICALENDAR_DESIGN.property,
    rrule: unknown,
    exrule: unknown,
    rdate: unknown,
    exdate: unknown,
    categories: unknown,
    resources: unknown,
    transp: unknown,
    attendee: unknown,
    dalarm: unknown,
    aalarm: unknown,
    palarm: unknown,
    malarm: unknown,
    tz: unknown,
    daylight: unknown,
    dcreated: unknown,
  },
};

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/**
 * Rewrites a content line with vCalendar 1.0 syntax into RFC 5545 syntax:
 * bare parameters (`;QUOTED-PRINTABLE`, `;BASE64`, `;WORK`) get names,
 * QUOTED-PRINTABLE values are decoded in their CHARSET, ENCODING=8BIT/7BIT
 * and CHARSET are dropped (the text is Unicode by now). Returns the line
 * unchanged when it cannot be split.
 */
export function repairContentLine(line: string, issues: Issue[], lineNo: number): string {
  const raw = splitContentLine(line);
  if (!raw) return line;
  let encoding: string | undefined;
  let charset: string | undefined;
  const params: typeof raw.params = [];
  const types: string[] = [];
  for (const p of raw.params) {
    const upper = p.name.toUpperCase();
    if (p.value === undefined) {
      if (BARE_ENCODINGS.has(upper)) encoding = upper === 'B' ? 'BASE64' : upper;
      else types.push(p.name);
      continue;
    }
    if (upper === 'ENCODING') encoding = p.value.toUpperCase() === 'B' ? 'BASE64' : p.value.toUpperCase();
    else if (upper === 'CHARSET') charset = p.value;
    else params.push(p);
  }
  if (types.length > 0) params.push({ name: 'TYPE', value: types.join(',') });
  let value = raw.value;
  if (encoding === 'QUOTED-PRINTABLE') {
    const text = decodeWith((charset ?? 'utf-8').toLowerCase(), decodeQuotedPrintable(value));
    // Decoded line breaks become the escaped newline of RFC 5545 §3.3.11.
    value = text.replace(/\r\n|\r|\n/g, '\\n');
  } else if (encoding === 'BASE64') {
    params.push({ name: 'ENCODING', value: 'BASE64' });
    if (!params.some((p) => p.name.toUpperCase() === 'VALUE')) params.push({ name: 'VALUE', value: 'BINARY' });
  } else if (encoding !== undefined && encoding !== '8BIT' && encoding !== '7BIT') {
    params.push({ name: 'ENCODING', value: encoding });
  }
  if (charset !== undefined && encoding !== 'QUOTED-PRINTABLE') {
    issues.push({ message: `CHARSET=${charset} ignored (text already decoded)`, line: lineNo, code: 'vcalendar/charset' });
  }
  return formatContentLine({ name: raw.name, params, value });
}
