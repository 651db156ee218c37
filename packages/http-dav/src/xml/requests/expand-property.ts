import { invalidBody } from '../errors.js';
import { dav, DAV_NS, type QName } from '../names.js';
import { attr, type XmlElement } from '../tree.js';
import { expectRoot } from './common.js';

/** One `DAV:property` of an expand-property request: the property and what to fetch from the resources its hrefs name. */
export interface ExpandProperty {
  readonly name: QName;
  readonly properties: readonly ExpandProperty[];
}

/** An `expand-property` REPORT (RFC 3253 §3.8; iOS asks for calendar-proxy-*-for with it). */
export interface ExpandPropertyReport {
  readonly kind: 'expand-property';
  readonly properties: readonly ExpandProperty[];
}

function readProperties(parent: XmlElement, depth: number): ExpandProperty[] {
  if (depth > 16) throw invalidBody('<property> nested too deeply');
  const out: ExpandProperty[] = [];
  for (const child of parent.children) {
    if (child.ns !== DAV_NS || child.local !== 'property') continue;
    const local = attr(child, 'name')?.trim();
    if (!local) throw invalidBody('<property> needs a name attribute');
    // RFC 3253 §3.8: `namespace` defaults to "DAV:".
    const ns = attr(child, 'namespace')?.trim() ?? DAV_NS;
    out.push({ name: { ns, local }, properties: readProperties(child, depth + 1) });
  }
  return out;
}

/**
 * Reads an `expand-property` body.
 * @throws XmlError `unexpected-root`, `invalid-body` (a property without name).
 * @example readExpandProperty(root).properties[0].name // { ns: 'http://calendarserver.org/ns/', local: 'calendar-proxy-read-for' }
 */
export function readExpandProperty(root: XmlElement | undefined): ExpandPropertyReport {
  const report = expectRoot(root, dav('expand-property'));
  return { kind: 'expand-property', properties: readProperties(report, 1) };
}
