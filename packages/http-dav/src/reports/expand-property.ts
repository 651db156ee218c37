import { assertVisible } from '../dav/access.js';
import { type DavCall, hrefOf } from '../dav/context.js';
import { nodeAtHref } from '../dav/href-target.js';
import type { DavNode } from '../dav/nodes.js';
import { startMultistatus } from '../methods/multistatus.js';
import { livePropertiesOf } from '../properties/index.js';
import { propstatsFor } from '../properties/propstats.js';
import { dav, DAV_NS } from '../xml/names.js';
import type { ExpandProperty, ExpandPropertyReport } from '../xml/requests/expand-property.js';
import { el, isElement, type XmlContent, type XmlElement } from '../xml/tree.js';
import type { PropEntry, Propstat } from '../xml/write/multistatus.js';
import { statusLine } from '../xml/write/status.js';

/** Expansion stops at this depth; deeper `property` elements are answered unexpanded. */
const MAX_DEPTH = 3;

/** The `DAV:href` texts of a property value (its direct href children). */
function hrefsOf(value: XmlContent): string[] {
  const items = Array.isArray(value) ? value.flat(4) : [value];
  return items.filter((v): v is XmlElement => isElement(v) && v.ns === DAV_NS && v.local === 'href').map((h) => h.text.trim());
}

function propstatElement(p: Propstat): XmlElement {
  const entries = p.props.map((e: PropEntry) => ('name' in e && !isElement(e) ? el(e.name, e.value) : e));
  return el(dav('propstat'), el(dav('prop'), entries), el(dav('status'), statusLine(p.status)));
}

/** The propstats of `node` for the requested properties, hrefs replaced by nested responses where asked. */
async function expanded(call: DavCall, node: DavNode, properties: readonly ExpandProperty[], depth: number): Promise<Propstat[]> {
  const live = livePropertiesOf(call, node);
  const plain = await propstatsFor(call, node, { kind: 'prop', props: properties.map((p) => p.name) }, live);
  if (depth >= MAX_DEPTH) return plain;
  const ok = plain.find((p) => p.status === 200);
  if (!ok) return plain;
  const props: PropEntry[] = [];
  for (const entry of ok.props) {
    const request = 'name' in entry && !isElement(entry) ? properties.find((p) => p.name.ns === entry.name.ns && p.name.local === entry.name.local) : undefined;
    if (!request || request.properties.length === 0 || !('value' in entry)) {
      props.push(entry);
      continue;
    }
    const responses: XmlElement[] = [];
    for (const href of hrefsOf(entry.value as XmlContent)) {
      const target = await nodeAtHref(call, href);
      let visible = target !== undefined;
      try {
        if (target) assertVisible(call, target);
      } catch {
        visible = false;
      }
      if (!target || !visible) {
        responses.push(el(dav('response'), el(dav('href'), href), el(dav('status'), statusLine(404))));
        continue;
      }
      const nested = await expanded(call, target, request.properties, depth + 1);
      responses.push(el(dav('response'), el(dav('href'), hrefOf(call, target.path)), nested.map(propstatElement)));
    }
    props.push({ name: entry.name, value: responses });
  }
  return [{ status: 200, props }, ...plain.filter((p) => p.status !== 200)];
}

/**
 * REPORT expand-property (RFC 3253 §3.8): the requested properties of the target, where a
 * property asked with sub-properties has each of its hrefs replaced by a `DAV:response` with those
 * properties of the resource it names (iOS asks for the proxy and membership sets this way).
 */
export async function expandProperty(call: DavCall, node: DavNode, report: ExpandPropertyReport): Promise<void> {
  const writer = startMultistatus(call);
  await writer.write({ href: hrefOf(call, node.path), propstats: await expanded(call, node, report.properties, 0) });
  await writer.end();
}
