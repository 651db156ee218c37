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

interface Target {
  readonly href: string;
  /** The href below the base path, undefined when it is not a URL of this server. */
  readonly below: { segments: string[]; raw: string[] } | undefined;
  /** Its last segment when it names a member of the collection the REPORT was sent to (the usual case). */
  readonly member: string | undefined;
}

function targetOf(call: DavCall, node: CollectionNode, href: string): Target {
  const below = segmentsBelowBase(call, href);
  if (!below || below.segments.length === 0) return { href, below: undefined, member: undefined };
  const inCollection = `/${below.raw.slice(0, -1).join('/')}/` === node.view.href;
  return { href, below, member: inCollection ? below.segments.at(-1)! : undefined };
}

const NAMES_PER_QUERY = 500;

/**
 * The resources of the view named by DAV name in `names`, fetched a few hundred per query: one
 * lookup per href would cost a database round trip each (milliseconds on PGlite). As in
 * findInView, a name found in an earlier collection of the view wins.
 */
async function fetchByName(call: DavCall, node: CollectionNode, names: readonly string[]): Promise<Map<string, StoredResource>> {
  const found = new Map<string, StoredResource>();
  for (const c of node.view.collections) {
    const missing = [...new Set(names)].filter((s) => !found.has(s));
    for (let i = 0; i < missing.length; i += NAMES_PER_QUERY) {
      for (const r of await call.deps.repos.resources.getManyByName(c.id, missing.slice(i, i + NAMES_PER_QUERY))) {
        if (!found.has(r.name)) found.set(r.name, r);
      }
    }
  }
  return found;
}

/**
 * Finds the resource a target names, inside the report's collection view only: a member by its
 * name from `named`, else (a numeric id or UID as the name) through findInView; another URL of
 * the same stored collection (a shortcut such as /calendar/) is resolved fully.
 */
async function resourceAt(call: DavCall, node: CollectionNode, target: Target, named: ReadonlyMap<string, StoredResource>): Promise<DavNode | undefined> {
  if (!target.below) return undefined;
  if (target.member !== undefined) {
    const r = named.get(target.member) ?? (await findInView(call, node.view, target.member));
    return r && resourceNodeOf(node, r);
  }
  const resolved = await resolveTarget(call, target.below.raw);
  if (resolved.kind !== 'node' || resolved.node.type !== 'resource') return undefined;
  const found = resolved.node;
  return node.view.collections.some((c) => c.id === found.collection.id) ? found : undefined;
}

/**
 * REPORT calendar-multiget (RFC 4791 §7.9) / addressbook-multiget (RFC 6352 §8.7): the selected
 * properties of each named resource, in the order asked. An href outside the collection, unknown,
 * or not readable by the caller is answered alone with 404.
 */
export async function multiget(call: DavCall, node: CollectionNode, report: CalendarMultigetReport | AddressbookMultigetReport): Promise<void> {
  const targets = report.hrefs.map((href) => targetOf(call, node, href));
  // Before the 207 starts, so that a database failure still answers as a plain error.
  const named = await fetchByName(call, node, targets.flatMap((t) => (t.member === undefined ? [] : [t.member])));
  const writer = startMultistatus(call);
  const data = report.calendarData ?? report.addressData;
  for (const target of targets) {
    if (writer.closed) return;
    const { href } = target;
    let found: DavNode | undefined;
    try {
      found = await resourceAt(call, node, target, named);
    } catch {
      found = undefined;
    }
    const readable = found?.type === 'resource' && mayOnResource(call, found.view, found.app, found.resource, 'read');
    if (found && readable) await writer.write({ ...(await nodeResponse(call, found, report.select, data)), href });
    else await writer.write({ href, status: 404 });
  }
  await writer.end();
}
