import type { StoredResource } from '@almanac/domain-kernel';
import { resourceNodeOf } from '../dav/children.js';
import type { DavCall } from '../dav/context.js';
import { findInView, mayOnResource } from '../dav/locate.js';
import type { CollectionNode, DavNode } from '../dav/nodes.js';
import { resolveTarget } from '../dav/resolve.js';
import { segmentsBelowBase } from '../dav/href-target.js';
import { startMultistatus } from '../methods/multistatus.js';
import { nodeResponse } from '../properties/propstats.js';
import type { AddressbookMultigetReport, CalendarMultigetReport } from '../xml/requests/multiget.js';

/** The last segment of an href inside the collection the REPORT was sent to (the usual case). */
function memberSegment(call: DavCall, node: CollectionNode, href: string): string | undefined {
  const below = segmentsBelowBase(call, href);
  if (!below || below.segments.length === 0) return undefined;
  return `/${below.raw.slice(0, -1).join('/')}/` === node.view.href ? below.segments.at(-1)! : undefined;
}

const NAMES_PER_QUERY = 500;

/**
 * The resources of the view named by DAV name in `segments`, fetched a few hundred per query:
 * one lookup per href would cost a database round trip each (milliseconds on PGlite). As in
 * findInView, a name found in an earlier collection of the view wins.
 */
async function prefetchByName(call: DavCall, node: CollectionNode, segments: readonly string[]): Promise<Map<string, StoredResource>> {
  const found = new Map<string, StoredResource>();
  for (const c of node.view.collections) {
    const missing = [...new Set(segments)].filter((s) => !found.has(s));
    for (let i = 0; i < missing.length; i += NAMES_PER_QUERY) {
      for (const r of await call.deps.repos.resources.getManyByName(c.id, missing.slice(i, i + NAMES_PER_QUERY))) {
        if (!found.has(r.name)) found.set(r.name, r);
      }
    }
  }
  return found;
}

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
  const segments = report.hrefs.map((href) => memberSegment(call, node, href));
  let named = new Map<string, StoredResource>();
  try {
    named = await prefetchByName(call, node, segments.filter((s) => s !== undefined));
  } catch {
    // Each href is then looked up on its own below.
  }
  for (const [i, href] of report.hrefs.entries()) {
    if (writer.closed) return;
    let found: DavNode | undefined;
    try {
      const segment = segments[i];
      const prefetched = segment === undefined ? undefined : named.get(segment);
      found = prefetched ? resourceNodeOf(node, prefetched) : await resourceAt(call, node, href);
    } catch {
      found = undefined;
    }
    const readable = found?.type === 'resource' && mayOnResource(call, found.view, found.app, found.resource, 'read');
    if (found && readable) await writer.write({ ...(await nodeResponse(call, found, report.select, data)), href });
    else await writer.write({ href, status: 404 });
  }
  await writer.end();
}
