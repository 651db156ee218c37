import { invalidBody } from '../errors.js';
import { dav, DAV_NS, type QName } from '../names.js';
import { nameOf, type XmlElement } from '../tree.js';
import { expectRoot } from './common.js';

/**
 * A property with its value: the complete property element as the client sent it (name,
 * attributes such as `xml:lang`, text or child markup, unknown markup included). Store dead
 * properties as `serializeElement(element)`; live ones are decoded with
 * `decodeCollectionProperty`.
 */
export interface PropertyValue {
  readonly name: QName;
  readonly element: XmlElement;
}

/** One PROPPATCH instruction, in document order (RFC 4918 §9.2: instructions apply in order). */
export type PropertyUpdate =
  | { readonly op: 'set'; readonly name: QName; readonly element: XmlElement }
  | { readonly op: 'remove'; readonly name: QName };

/** Every property element inside the `DAV:prop` children of a `set`/`remove`. */
export function propertyValues(container: XmlElement): PropertyValue[] {
  const values: PropertyValue[] = [];
  for (const prop of container.children) {
    if (prop.ns !== DAV_NS || prop.local !== 'prop') continue;
    for (const element of prop.children) values.push({ name: nameOf(element), element });
  }
  return values;
}

/**
 * Reads a PROPPATCH body (`DAV:propertyupdate`, RFC 4918 §14.19) into its ordered set/remove
 * instructions. The handler applies them all or none (§9.2: atomic), answering 424 for the
 * others when one fails.
 *
 * @throws XmlError `empty`/`unexpected-root`, `invalid-body` when there is no instruction.
 * @example readProppatch(parseDavBody(body)) // [{ op: 'set', name: {…}, element: {…} }, { op: 'remove', name: {…} }]
 */
export function readProppatch(root: XmlElement | undefined): PropertyUpdate[] {
  const update = expectRoot(root, dav('propertyupdate'));
  const instructions: PropertyUpdate[] = [];
  for (const child of update.children) {
    if (child.ns !== DAV_NS) continue;
    if (child.local === 'set') {
      for (const { name, element } of propertyValues(child)) instructions.push({ op: 'set', name, element });
    } else if (child.local === 'remove') {
      for (const { name } of propertyValues(child)) instructions.push({ op: 'remove', name });
    }
  }
  if (instructions.length === 0) throw invalidBody('<propertyupdate> must contain at least one property in <set> or <remove>');
  return instructions;
}
