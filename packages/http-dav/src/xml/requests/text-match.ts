import { invalidBody, XmlError } from '../errors.js';
import type { QName } from '../names.js';
import { attr, type XmlElement } from '../tree.js';
import { yesNo } from './common.js';

/** The collations of RFC 4790 that CalDAV (RFC 4791 §7.5.1) and CardDAV (RFC 6352 §8.3) name. */
export type Collation = 'i;ascii-casemap' | 'i;octet' | 'i;unicode-casemap';
const COLLATIONS: ReadonlySet<string> = new Set(['i;ascii-casemap', 'i;octet', 'i;unicode-casemap']);

/** `equals`/`contains`/`starts-with`/`ends-with` (RFC 6352 §10.5.4); CalDAV always means `contains`. */
export type MatchType = 'equals' | 'contains' | 'starts-with' | 'ends-with';
const MATCH_TYPES: ReadonlySet<string> = new Set(['equals', 'contains', 'starts-with', 'ends-with']);

/** A `text-match` (RFC 4791 §9.7.5, RFC 6352 §10.5.4). */
export interface TextMatch {
  /** The text to look for (element content, not trimmed: spaces can matter). */
  readonly value: string;
  readonly collation: Collation;
  readonly matchType: MatchType;
  /** `negate-condition="yes"`: the test is true when the text does NOT match. */
  readonly negate: boolean;
}

/** Dialect differences between the CalDAV and the CardDAV text-match. */
export interface TextMatchDialect {
  /** RFC 4791: `i;ascii-casemap`; RFC 6352: `i;unicode-casemap`. */
  readonly defaultCollation: Collation;
  /** CardDAV has `match-type`; CalDAV is substring matching only. */
  readonly hasMatchType: boolean;
  /** The `supported-collation` precondition of the dialect. */
  readonly unsupportedCollation: QName;
}

/**
 * Reads a `text-match` element.
 * @throws XmlError `unsupported-collation` (403 + the dialect's supported-collation), `invalid-body`.
 */
export function readTextMatch(element: XmlElement, dialect: TextMatchDialect): TextMatch {
  const collation = attr(element, 'collation')?.trim() || dialect.defaultCollation;
  if (!COLLATIONS.has(collation)) {
    throw new XmlError('unsupported-collation', `collation ${collation.slice(0, 40)} is not supported`, { precondition: dialect.unsupportedCollation });
  }
  let matchType: MatchType = 'contains';
  if (dialect.hasMatchType) {
    const raw = attr(element, 'match-type')?.trim();
    if (raw !== undefined && raw !== '') {
      if (!MATCH_TYPES.has(raw)) throw invalidBody(`match-type "${raw.slice(0, 40)}" is not one of equals, contains, starts-with, ends-with`);
      matchType = raw as MatchType;
    }
  }
  return { value: element.text, collation: collation as Collation, matchType, negate: yesNo(element, 'negate-condition', false) };
}

/**
 * Folds text for comparison under a collation: `i;octet` leaves it, `i;ascii-casemap` lowers
 * A-Z only (RFC 4790 §9.2), `i;unicode-casemap` approximates RFC 5051 (compatibility
 * decomposition plus full case folding: `ß` matches `SS`, `ﬁ` matches `fi`).
 */
export function foldForCollation(text: string, collation: Collation): string {
  switch (collation) {
    case 'i;octet':
      return text;
    case 'i;ascii-casemap':
      return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
    case 'i;unicode-casemap':
      return text.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD');
  }
}

/**
 * Evaluates a text-match against one value (a property or parameter value), negation included.
 * @example textMatches('Cyrus Daboo', { value: 'daboo', collation: 'i;unicode-casemap', matchType: 'contains', negate: false }) // true
 */
export function textMatches(candidate: string, match: TextMatch): boolean {
  const haystack = foldForCollation(candidate, match.collation);
  const needle = foldForCollation(match.value, match.collation);
  let found: boolean;
  switch (match.matchType) {
    case 'equals': found = haystack === needle; break;
    case 'contains': found = haystack.includes(needle); break;
    case 'starts-with': found = haystack.startsWith(needle); break;
    case 'ends-with': found = haystack.endsWith(needle); break;
  }
  return match.negate ? !found : found;
}
