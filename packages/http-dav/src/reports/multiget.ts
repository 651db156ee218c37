import { resourceNodeOf } from '../dav/children.js';
import type { DavCall } from '../dav/context.js';
import { findInView, mayOnResource } from '../dav/locate.js';
import type { CollectionNode, DavNode } from '../dav/nodes.js';
import { resolveTarget } from '../dav/resolve.js';
import { segmentsBelowBase } from '../dav/href-target.js';
import { startMultistatus } from '../methods/multistatus.js';
import { nodeResponse } from '../properties/propstats.js';
import type { AddressbookMultigetReport, CalendarMultigetReport } from '../xml/requests/multiget.js';

/** Finds the resource an href names, inside the report's collection view only. */
async function resourceAt(call: DavCall, node: CollectionNode, href: string): Promise<DavNode | undefined> {
  const below = segmentsBelowBase(call, href);
  if (!below || below.segments.length === 0) return undefined;
  const parent = `/${below.raw.slice(0, -1).join('/')}/`;
  // The usual case: an href inside the collection the REPORT was sent to.
  if (parent === node.view.href) {
    const r = await findInView(call, node.view, below.segments.at(-1)!);
    return r && resourceNodeOf(node, r);
  }
  // Another URL of the same stored collection (a shortcut such as /calendar/): resolve it fully.
  const target = await resolveTarget(call, below.raw);
  if (target.kind !== 'node' || target.node.type !== 'resource') return undefined;
  const found = target.node;
  return node.view.collections.some((c) => c.id === found.collection.id) ? found : undefined;
}

/**
 * REPORT calendar-multiget (RFC 4791 §7.9) / addressbook-multiget (RFC 6352 §8.7): the selected
 * properties of each named resource, in the order asked. An href outside the collection, unknown,
 * or not readable by the caller is answered alone with 404.
 */
export async function multiget(call: DavCall, node: CollectionNode, report: CalendarMultigetReport | AddressbookMultigetReport): Promise<void> {
  const writer = startMultistatus(call);
  const data = report.calendarData ?? report.addressData;
  for (const href of report.hrefs) {
    if (writer.closed) return;
    let found: DavNode | undefined;
    try {
      found = await resourceAt(call, node, href);
    } catch {
      found = undefined;
    }
    const readable = found?.type === 'resource' && mayOnResource(call, found.view, found.app, found.resource, 'read');
    if (found && readable) await writer.write({ ...(await nodeResponse(call, found, report.select, data)), href });
    else await writer.write({ href, status: 404 });
  }
  await writer.end();
}
