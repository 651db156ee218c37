import { CARDDAV_NS } from '../names.js';
import { attr, type XmlElement } from '../tree.js';
import { requiredName, yesNo } from './common.js';
import type { PropChoice } from './calendar-data.js';

/** What a `CARDDAV:address-data` element in a REPORT's `DAV:prop` asks for (RFC 6352 §10.4). */
export interface AddressDataRequest {
  /** Default `text/vcard`. */
  readonly contentType: string;
  /** Default `3.0` (RFC 6352 §10.4). */
  readonly version: string;
  /** `allprop`, or no `prop` children at all: the whole card. */
  readonly allProps: boolean;
  /** Upper-cased vCard property names to return (`novalue`: name only). */
  readonly props: readonly PropChoice[];
}

/**
 * Reads an `address-data` element of a REPORT's `DAV:prop`.
 * @throws XmlError `invalid-body` for a `prop` without a name or a bad `novalue`.
 */
export function readAddressDataRequest(element: XmlElement): AddressDataRequest {
  const props: PropChoice[] = [];
  let allProps = false;
  for (const child of element.children) {
    if (child.ns !== CARDDAV_NS) continue;
    if (child.local === 'allprop') allProps = true;
    else if (child.local === 'prop') props.push({ name: requiredName(child).toUpperCase(), novalue: yesNo(child, 'novalue', false) });
  }
  return {
    contentType: attr(element, 'content-type')?.trim() || 'text/vcard',
    version: attr(element, 'version')?.trim() || '3.0',
    allProps: allProps || props.length === 0,
    props,
  };
}
