import { invalidBody } from '../errors.js';
import { caldav, dav, DAV_NS } from '../names.js';
import type { XmlElement } from '../tree.js';
import { expectRoot } from './common.js';
import { propertyValues, type PropertyValue } from './proppatch.js';

/** The properties to set on a collection being created, in document order. */
export interface CollectionCreation {
  readonly props: readonly PropertyValue[];
}

/**
 * Reads an extended MKCOL body (RFC 5689 §5.1: `<D:mkcol><D:set><D:prop>…`). No body is a plain
 * MKCOL (no properties). RFC 5689 has no `remove`; a `DAV:remove` is refused.
 *
 * @throws XmlError `unexpected-root` (root not `DAV:mkcol`), `invalid-body`.
 * @example readMkcol(parseDavBody(body)).props.map((p) => p.name)
 */
export function readMkcol(root: XmlElement | undefined): CollectionCreation {
  if (root === undefined) return { props: [] };
  return { props: readSets(expectRoot(root, dav('mkcol'))) };
}

/**
 * Reads a MKCALENDAR body (RFC 4791 §5.3.1, §9.3: `<C:mkcalendar><D:set><D:prop>…`); the body is
 * optional.
 *
 * @throws XmlError `unexpected-root` (root not `CALDAV:mkcalendar`), `invalid-body`.
 */
export function readMkcalendar(root: XmlElement | undefined): CollectionCreation {
  if (root === undefined) return { props: [] };
  return { props: readSets(expectRoot(root, caldav('mkcalendar'))) };
}

function readSets(root: XmlElement): PropertyValue[] {
  const props: PropertyValue[] = [];
  for (const child of root.children) {
    if (child.ns !== DAV_NS) continue;
    if (child.local === 'set') props.push(...propertyValues(child));
    else if (child.local === 'remove') throw invalidBody(`<${root.local}> can only set properties`);
  }
  return props;
}
