/**
 * vCard 2.1 (read only), 3.0 and 4.0 text to jCard (RFC 7095) and back, on ical.js's design data.
 *
 * @example
 * import { parseVCards, stringifyVCard, convertVCardVersion } from '@almanac/codec-vcard';
 * const parsed = parseVCards(text);
 * if (parsed.ok) console.log(stringifyVCard(parsed.value.map((c) => convertVCardVersion(c, '4.0'))));
 */
export type { Issue, Parsed, JCard, JCardParams, JCardProperty, JCardValue, VCardVersion } from './types.js';
export { parseVCard, parseVCards, parseVCardEntries, type ParseVCardOptions, type VCardEntry } from './parse.js';
export { stringifyVCard, foldLine, type StringifyVCardOptions } from './stringify.js';
export { convertVCardVersion } from './version.js';
export { splitContentLines, type ContentLineText } from './content-lines.js';
export { lexContentLine, type LexedLine } from './content-line.js';
export { escapeText, unescapeText, splitUnescaped } from './values.js';
export { designFor, VCARD3_DESIGN, VCARD4_DESIGN, type VCardDesign, type PropertyDesign } from './design.js';
