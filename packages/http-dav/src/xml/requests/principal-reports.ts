import { invalidBody } from '../errors.js';
import { dav, type QName } from '../names.js';
import { attr, childNamed, hasName, nameOf, type XmlElement } from '../tree.js';
import { expectRoot, propNames, readPropSelection, readTest, type PropSelection } from './common.js';
import type { MatchType } from './text-match.js';

/** One `DAV:property-search` (RFC 3744 §9.4): the properties to search and the text to match. */
export interface PropertySearch {
  readonly props: readonly QName[];
  /** The `DAV:match` text, trimmed. */
  readonly match: string;
  /**
   * CalendarServer's `match-type` attribute on `match` (behaviour §6.4); RFC 3744 leaves matching
   * to the server, Almanac does case-insensitive `contains` by default.
   */
  readonly matchType: MatchType;
}

/** A `principal-property-search` REPORT (RFC 3744 §9.4). */
export interface PrincipalPropertySearchReport {
  readonly kind: 'principal-property-search';
  /** `test` attribute (CalendarServer extension): `allof` (RFC 3744's meaning) by default. */
  readonly test: 'anyof' | 'allof';
  /** CalendarServer `type` attribute: INDIVIDUAL, GROUP, ROOM or RESOURCE (upper-cased). */
  readonly type?: string;
  readonly searches: readonly PropertySearch[];
  /** The properties to return; no `prop` means an empty selection (hrefs only). */
  readonly select: PropSelection;
  /** `DAV:apply-to-principal-collection-set`: search every principal collection. */
  readonly applyToPrincipalCollectionSet: boolean;
}

/** A `principal-search-property-set` REPORT (RFC 3744 §9.5): empty body, answered with the searchable properties. */
export interface PrincipalSearchPropertySetReport {
  readonly kind: 'principal-search-property-set';
}

/** A `principal-match` REPORT (RFC 3744 §9.3). */
export interface PrincipalMatchReport {
  readonly kind: 'principal-match';
  /** `self`, or the property whose value identifies the principal (e.g. `DAV:owner`). */
  readonly match: { readonly self: true } | { readonly principalProperty: QName };
  readonly select: PropSelection;
}

/** An `acl-principal-prop-set` REPORT (RFC 3744 §9.2). */
export interface AclPrincipalPropSetReport {
  readonly kind: 'acl-principal-prop-set';
  readonly select: PropSelection;
}

const MATCH_TYPES: ReadonlySet<string> = new Set(['equals', 'contains', 'starts-with', 'ends-with']);
const NO_PROPS: PropSelection = { kind: 'prop', props: [] };

/**
 * Reads a `principal-property-search` body.
 * @throws XmlError `unexpected-root`, `invalid-body` (no property-search, one without prop or
 *   match, unknown match-type): behaviour §6.4 answers malformed searches with 400.
 */
export function readPrincipalPropertySearch(root: XmlElement | undefined): PrincipalPropertySearchReport {
  const report = expectRoot(root, dav('principal-property-search'));
  const searches: PropertySearch[] = [];
  for (const search of report.children) {
    if (!hasName(search, dav('property-search'))) continue;
    const prop = childNamed(search, dav('prop'));
    const match = childNamed(search, dav('match'));
    if (prop === undefined || match === undefined) throw invalidBody('<property-search> needs <prop> and <match>');
    const props = propNames(prop);
    if (props.length === 0) throw invalidBody('<property-search> needs at least one property');
    const matchType = attr(match, 'match-type')?.trim() || 'contains';
    if (!MATCH_TYPES.has(matchType)) throw invalidBody(`match-type "${matchType.slice(0, 40)}" is not supported`);
    searches.push({ props, match: match.text.trim(), matchType: matchType as MatchType });
  }
  if (searches.length === 0) throw invalidBody('<principal-property-search> needs at least one <property-search>');
  const type = attr(report, 'type')?.trim().toUpperCase();
  return {
    kind: 'principal-property-search',
    test: readTest(report, 'allof'),
    ...(type && { type }),
    searches,
    select: readPropSelection(report, NO_PROPS),
    applyToPrincipalCollectionSet: childNamed(report, dav('apply-to-principal-collection-set')) !== undefined,
  };
}

/** Reads a `principal-search-property-set` body (it has no content). @throws XmlError `unexpected-root`. */
export function readPrincipalSearchPropertySet(root: XmlElement | undefined): PrincipalSearchPropertySetReport {
  expectRoot(root, dav('principal-search-property-set'));
  return { kind: 'principal-search-property-set' };
}

/**
 * Reads a `principal-match` body: `(principal-property | self), prop?`.
 * @throws XmlError `unexpected-root`, `invalid-body`.
 */
export function readPrincipalMatch(root: XmlElement | undefined): PrincipalMatchReport {
  const report = expectRoot(root, dav('principal-match'));
  const select = readPropSelection(report, NO_PROPS);
  if (childNamed(report, dav('self'))) return { kind: 'principal-match', match: { self: true }, select };
  const property = childNamed(report, dav('principal-property'));
  const [name] = property?.children ?? [];
  if (name === undefined) throw invalidBody('<principal-match> needs <self/> or <principal-property>');
  return { kind: 'principal-match', match: { principalProperty: nameOf(name) }, select };
}

/** Reads an `acl-principal-prop-set` body. @throws XmlError `unexpected-root`. */
export function readAclPrincipalPropSet(root: XmlElement | undefined): AclPrincipalPropSetReport {
  const report = expectRoot(root, dav('acl-principal-prop-set'));
  return { kind: 'acl-principal-prop-set', select: readPropSelection(report, NO_PROPS) };
}

