import type { ChangeSet, CollectionId } from '@almanac/domain-kernel';
import { HttpError, parseToken } from '@almanac/http-kit';
import { resourceNodeOf } from '../dav/children.js';
import { type DavCall, hrefOf } from '../dav/context.js';
import { mayOnResource } from '../dav/locate.js';
import type { CollectionNode } from '../dav/nodes.js';
import { syncTokenAt } from '../dav/sync.js';
import { encodePathSegment } from '../headers/href.js';
import { headerText } from '../headers/header-error.js';
import { startMultistatus } from '../methods/multistatus.js';
import { nodeResponse } from '../properties/propstats.js';
import type { SyncCollectionReport } from '../xml/requests/sync-collection.js';

/**
 * REPORT sync-collection (RFC 6578, behaviour §6.5, DECISIONS.md "Sync tokens") on a collection
 * view: with an empty token every member; with a token the members changed since it (latest state,
 * oldest change first) and the removed ones as bare 404 responses. A `DAV:limit` the changes
 * exceed cuts the answer: a 507 response for the collection (§3.6) and a token positioned after the
 * last change returned, from which the client resumes. Unknown, malformed, foreign or expired
 * tokens are 403 `DAV:valid-sync-token`. `Depth: 1`, which some clients send, is read as 0;
 * `sync-level: infinite` is level 1 (collections hold no collections).
 */
export async function syncCollection(call: DavCall, node: CollectionNode, report: SyncCollectionReport): Promise<void> {
  const depth = headerText(call.req.headers.depth)?.toLowerCase();
  if (depth === 'infinity') throw new HttpError(400, 'sync-collection takes Depth: 0 (RFC 6578 §3.3)');
  const { view, app } = node;
  const since = report.syncToken === '' ? new Map<CollectionId, number>() : parseToken(report.syncToken, view.href, view.union, view.collections[0]?.id);
  // Read every change set before writing: an invalid token must still be answered with 403.
  const sets: { id: CollectionId; from: number | null; set: ChangeSet }[] = [];
  const next = new Map<CollectionId, number>();
  let remaining = report.limit ?? Infinity;
  let more = false;
  for (const c of view.collections) {
    const from = since.get(c.id) ?? null;
    if (remaining <= 0) {
      // Not read this time: the next token keeps this collection where it was.
      more = true;
      if (from !== null) next.set(c.id, from);
      continue;
    }
    const set = await call.deps.repos.resources.changesSince(c.id, from, Number.isFinite(remaining) ? { limit: remaining } : {});
    sets.push({ id: c.id, from, set });
    remaining -= set.changes.length;
    next.set(c.id, set.token);
    more ||= set.more;
  }

  const writer = startMultistatus(call);
  for (const { from, set } of sets) {
    for (const change of set.changes) {
      if (writer.closed) return;
      if (change.deleted) {
        await writer.write({ href: hrefOf(call, view.href + encodePathSegment(change.name)), status: 404 });
      } else if (!app || !mayOnResource(call, view, app, change.resource, 'read')) {
        // Visible before but not now (a private flag): the client must drop it.
        if (from !== null) await writer.write({ href: hrefOf(call, view.href + encodePathSegment(change.resource.name)), status: 404 });
      } else {
        await writer.write(await nodeResponse(call, resourceNodeOf(node, change.resource), report.select, report.calendarData ?? report.addressData));
      }
    }
  }
  if (more) await writer.truncated(hrefOf(call, view.href));
  await writer.end({ syncToken: syncTokenAt(call, view, next) });
}
