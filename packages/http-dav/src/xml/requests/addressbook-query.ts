import { invalidBody } from '../errors.js';
import { carddav, CARDDAV_NS } from '../names.js';
import { childNamed, type XmlElement } from '../tree.js';
import { expectRoot, readNresults, readTest, requiredName } from './common.js';
import { readReportProps, type ReportProps } from './report-props.js';
import { readTextMatch, type TextMatch, type TextMatchDialect } from './text-match.js';

/** RFC 6352 §10.5.4: text-match defaults to i;unicode-casemap and match-type contains. */
export const CARDDAV_TEXT_MATCH: TextMatchDialect = {
  defaultCollation: 'i;unicode-casemap',
  hasMatchType: true,
  unsupportedCollation: carddav('supported-collation'),
};

/** `CARDDAV:param-filter` (RFC 6352 §10.5.2): `is-not-defined | text-match`. */
export interface CardParamFilter {
  readonly name: string;
  readonly isNotDefined: boolean;
  readonly textMatch?: TextMatch;
}

/** `CARDDAV:prop-filter` (§10.5.1): `is-not-defined | (text-match*, param-filter*)`, combined by `test`. */
export interface CardPropFilter {
  /** Upper-cased vCard property name (may carry a group: `item1.EMAIL` is kept as sent, upper-cased). */
  readonly name: string;
  /** How the text-matches and param-filters combine; default `anyof`. */
  readonly test: 'anyof' | 'allof';
  readonly isNotDefined: boolean;
  readonly textMatches: readonly TextMatch[];
  readonly paramFilters: readonly CardParamFilter[];
}

/** `CARDDAV:filter` (§10.5): prop-filters combined by `test` (default `anyof`); none matches every card. */
export interface CardFilter {
  readonly test: 'anyof' | 'allof';
  readonly propFilters: readonly CardPropFilter[];
}

/** An `addressbook-query` REPORT (RFC 6352 §8.6, §10.3). */
export interface AddressbookQueryReport extends ReportProps {
  readonly kind: 'addressbook-query';
  readonly filter: CardFilter;
  /** `CARDDAV:limit/nresults` (§10.6): the client's cap on results. */
  readonly limit?: number;
}

function readParamFilter(element: XmlElement): CardParamFilter {
  const isNotDefined = childNamed(element, carddav('is-not-defined')) !== undefined;
  const textMatch = childNamed(element, carddav('text-match'));
  return {
    name: requiredName(element).toUpperCase(),
    isNotDefined,
    ...(!isNotDefined && textMatch && { textMatch: readTextMatch(textMatch, CARDDAV_TEXT_MATCH) }),
  };
}

function readPropFilter(element: XmlElement): CardPropFilter {
  const name = requiredName(element).toUpperCase();
  const test = readTest(element, 'anyof');
  const isNotDefined = childNamed(element, carddav('is-not-defined')) !== undefined;
  if (isNotDefined) return { name, test, isNotDefined, textMatches: [], paramFilters: [] };
  const textMatches: TextMatch[] = [];
  const paramFilters: CardParamFilter[] = [];
  for (const child of element.children) {
    if (child.ns !== CARDDAV_NS) continue;
    if (child.local === 'text-match') textMatches.push(readTextMatch(child, CARDDAV_TEXT_MATCH));
    else if (child.local === 'param-filter') paramFilters.push(readParamFilter(child));
  }
  return { name, test, isNotDefined, textMatches, paramFilters };
}

/**
 * Reads an `addressbook-query` body.
 * @throws XmlError `unexpected-root`, `invalid-body` (no filter, bad limit/match-type),
 *   `unsupported-collation` (403 + `CARDDAV:supported-collation`).
 */
export function readAddressbookQuery(root: XmlElement | undefined): AddressbookQueryReport {
  const query = expectRoot(root, carddav('addressbook-query'));
  const filter = childNamed(query, carddav('filter'));
  if (filter === undefined) throw invalidBody('<addressbook-query> needs a <filter>');
  const limit = readNresults(childNamed(query, carddav('limit')), carddav('nresults'));
  return {
    kind: 'addressbook-query',
    ...readReportProps(query),
    filter: {
      test: readTest(filter, 'anyof'),
      propFilters: filter.children.filter((c) => c.ns === CARDDAV_NS && c.local === 'prop-filter').map(readPropFilter),
    },
    ...(limit !== undefined && { limit }),
  };
}
