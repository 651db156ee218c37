import { splitContentLines, type ContentLineText } from './content-lines.js';
import { addParam, asciiLower, lexContentLine } from './content-line.js';
import { designFor } from './design.js';
import { decodeProperty } from './property-codec.js';
import { decodeQuotedPrintable } from './quoted-printable.js';
import type { Issue, JCard, JCardProperty, Parsed } from './types.js';

/** Options of the vCard parsers. */
export interface ParseVCardOptions {
  /**
   * `false` (default): lenient. A malformed line is skipped and reported as a warning, vCard 2.1
   * syntax is read in any version, a missing VERSION or END:VCARD is a warning. `true`: any of
   * these rejects the card (its siblings are still read).
   */
  strict?: boolean;
}

/** One card of a vCard text: where it starts and what parsing it gave. */
export interface VCardEntry {
  /** 1-based line of its BEGIN:VCARD. */
  line: number;
  parsed: Parsed<JCard>;
}

/**
 * Parses every vCard of a text and reports each on its own, so one malformed card never hides
 * its siblings. `issues` holds problems outside any card (stray lines, no card at all).
 * Never throws.
 *
 * @example
 * const { cards } = parseVCardEntries('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nEND:VCARD\r\n');
 * cards[0].parsed // { ok: true, value: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'A']], []], warnings: [] }
 */
export function parseVCardEntries(text: string, options: ParseVCardOptions = {}): { cards: VCardEntry[]; issues: Issue[] } {
  const strict = options.strict === true;
  const cards: VCardEntry[] = [];
  const issues: Issue[] = [];
  if (typeof text !== 'string') {
    return { cards, issues: [{ code: 'vcard/not-text', message: 'the input is not a string' }] };
  }
  let open: { line: number; lines: ContentLineText[] } | undefined;
  for (const l of splitContentLines(text)) {
    const marker = cardMarker(l.text);
    if (marker === 'begin') {
      if (open) cards.push({ line: open.line, parsed: buildCard(open.lines, strict, missingEnd(open.line, l.line)) });
      open = { line: l.line, lines: [] };
    } else if (marker === 'end') {
      if (open) cards.push({ line: open.line, parsed: buildCard(open.lines, strict, undefined) });
      else issues.push({ code: 'vcard/stray-line', line: l.line, message: 'END:VCARD without a BEGIN:VCARD; ignored' });
      open = undefined;
    } else if (open) {
      open.lines.push(l);
    } else {
      issues.push({ code: 'vcard/stray-line', line: l.line, message: 'line outside BEGIN:VCARD … END:VCARD; ignored' });
    }
  }
  if (open) cards.push({ line: open.line, parsed: buildCard(open.lines, strict, missingEnd(open.line, undefined)) });
  if (cards.length === 0) issues.push({ code: 'vcard/no-card', message: 'no BEGIN:VCARD found' });
  return { cards, issues };
}

/**
 * Parses a text holding any number of vCards (2.1 leniently, 3.0, 4.0) to jCards (RFC 7095).
 * Cards that fail are left out and reported as warnings with code `vcard/card-rejected`, their
 * line and why, after their own issues; the result is `ok: false` only when no card could be
 * read. Never throws.
 *
 * @example
 * const r = parseVCards(text);
 * if (r.ok) for (const card of r.value) console.log(card[1].length, 'properties');
 */
export function parseVCards(text: string, options: ParseVCardOptions = {}): Parsed<JCard[]> {
  const { cards, issues } = parseVCardEntries(text, options);
  const value: JCard[] = [];
  const warnings: Issue[] = [...issues];
  for (const entry of cards) {
    if (entry.parsed.ok) {
      value.push(entry.parsed.value);
      warnings.push(...entry.parsed.warnings);
    } else {
      warnings.push(...entry.parsed.errors, {
        code: 'vcard/card-rejected',
        line: entry.line,
        message: `the vCard starting on line ${entry.line} was rejected`,
      });
    }
  }
  if (value.length === 0) {
    return { ok: false, errors: warnings.length > 0 ? warnings : [{ code: 'vcard/no-card', message: 'no vCard found' }] };
  }
  return { ok: true, value, warnings };
}

/**
 * Parses a text holding exactly one vCard. A second card is ignored with a warning
 * (`vcard/extra-card`); a text without a readable card is `ok: false`. Never throws.
 *
 * @example
 * parseVCard('BEGIN:VCARD\nVERSION:3.0\nFN:Jane\nEND:VCARD') // ok, value[1][1] is ['fn', {}, 'text', 'Jane']
 */
export function parseVCard(text: string, options: ParseVCardOptions = {}): Parsed<JCard> {
  const { cards, issues } = parseVCardEntries(text, options);
  const first = cards[0];
  if (!first) return { ok: false, errors: issues };
  if (!first.parsed.ok) return first.parsed;
  const warnings = [...issues, ...first.parsed.warnings];
  if (cards.length > 1) {
    warnings.push({ code: 'vcard/extra-card', line: cards[1]!.line, message: 'only the first vCard is read; the others are ignored' });
  }
  return { ok: true, value: first.parsed.value, warnings };
}

function cardMarker(text: string): 'begin' | 'end' | undefined {
  const c = text.charCodeAt(0) | 0x20;
  if (c !== 98 /* b */ && c !== 101 /* e */) return undefined;
  if (/^BEGIN\s*:\s*VCARD\s*$/i.test(text)) return 'begin';
  if (/^END\s*:\s*VCARD\s*$/i.test(text)) return 'end';
  return undefined;
}

function missingEnd(begin: number, next: number | undefined): Issue {
  return {
    code: 'vcard/missing-end',
    line: begin,
    message: next === undefined ? 'END:VCARD is missing at the end of the text' : `END:VCARD is missing before line ${next}`,
  };
}

const ENCODING_TOKENS: ReadonlySet<string> = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

function buildCard(lines: ContentLineText[], strict: boolean, endIssue: Issue | undefined): Parsed<JCard> {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const report = (issue: Issue, fatal: boolean): void => {
    (fatal && strict ? errors : warnings).push(issue);
  };
  if (endIssue) report(endIssue, true);

  let version: string | undefined;
  for (const l of lines) {
    if (/^(?:[A-Za-z0-9_-]+\.)?VERSION\s*:/i.test(l.text)) {
      version = l.text.slice(l.text.indexOf(':') + 1).trim();
      break;
    }
  }
  if (version === undefined) report({ code: 'vcard/missing-version', message: 'the vCard has no VERSION; read as 3.0 (a VERSION:3.0 property is added)' }, true);
  const design = designFor(version);
  const is21 = version === '2.1';

  const properties: JCardProperty[] = [];
  for (const l of lines) {
    const lexed = lexContentLine(l.text);
    if (typeof lexed === 'string') {
      report({ code: 'vcard/malformed-line', line: l.line, message: `${lexed}; line skipped` }, true);
      continue;
    }
    const { name, params } = lexed;
    let value = lexed.value;
    if (name === 'begin' || name === 'end') {
      report({ code: 'vcard/nested-component', line: l.line, message: `${name.toUpperCase()}:${value} inside a vCard; line skipped` }, true);
      continue;
    }
    if (lexed.dropped) {
      report({ code: 'vcard/bad-parameter-name', line: l.line, message: `parameter ${lexed.dropped.join(', ')} left out` }, true);
    }
    if (lexed.bare) {
      // vCard 2.1 §2.4: a parameter without "=" is a TYPE value, or an ENCODING value.
      for (const token of lexed.bare) {
        const upper = token.toUpperCase();
        addParam(params, ENCODING_TOKENS.has(upper) ? 'encoding' : 'type', [token]);
      }
      if (!is21) {
        report({ code: 'vcard/bare-parameter', line: l.line, message: `parameter without a value (${lexed.bare.join(';')}) read as vCard 2.1 TYPE/ENCODING` }, true);
      }
    }
    const encoding = params['encoding'];
    if (typeof encoding === 'string') {
      const enc = encoding.toUpperCase();
      if (enc === 'QUOTED-PRINTABLE') {
        const charset = params['charset'];
        // The decoded text has real line breaks and 2.1's own escaping (only "\;" in structured
        // values); write the breaks as vCard escapes so the value reads like any 3.0 value.
        value = decodeQuotedPrintable(value, typeof charset === 'string' ? charset : undefined).replace(/\r\n|\r|\n/g, '\\n');
        delete params['encoding'];
        delete params['charset'];
      } else if (enc === 'BASE64') {
        params['encoding'] = 'b';
      }
    }
    const groupParam = params['group'];
    if (groupParam !== undefined) {
      // jCard spells the property group as a "group" parameter (RFC 7095 §3.3.1.2), so a literal
      // GROUP parameter cannot be kept: it is read as the group when the line has none.
      delete params['group'];
      const usable = lexed.group === undefined && typeof groupParam === 'string' && /^[A-Za-z0-9-]+$/.test(groupParam);
      if (usable) params['group'] = asciiLower(groupParam);
      report({ code: 'vcard/group-parameter', line: l.line, message: `GROUP parameter ${usable ? 'read as the property group' : 'dropped (jCard keeps groups in that name)'}` }, true);
    }
    if (lexed.group !== undefined) params['group'] = lexed.group;
    const decoded = decodeProperty(name, params, value, design);
    if (decoded.invalid) {
      warnings.push({
        code: 'vcard/invalid-value',
        line: l.line,
        message: `the value of ${name.toUpperCase()} does not match its value type; kept as raw text`,
      });
    }
    properties.push(decoded.property);
  }
  if (errors.length > 0) return { ok: false, errors };
  // Make the version the card was read as explicit, so writing it back keeps its syntax.
  if (version === undefined) properties.unshift(['version', {}, 'text', '3.0']);
  return { ok: true, value: ['vcard', properties, []], warnings };
}
