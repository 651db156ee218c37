import { ForbiddenError, NotFoundError, RevisionMismatchError } from '@almanac/domain-kernel';
import { DEFAULT_COLLECTION, HttpError } from '@almanac/http-kit';
import type { DavCall } from '../dav/context.js';
import { mayOnResource, renderContextOf } from '../dav/locate.js';
import { storeContextOf } from '../dav/store-context.js';
import type { DavNode, ResourceNode } from '../dav/nodes.js';
import { grantsOfOwner, principalById } from '../dav/principal-lookup.js';
import { mayManageCollections } from '../dav/privileges.js';
import { evaluateConditions } from '../headers/conditional.js';
import { headerText } from '../headers/header-error.js';

/** The collections every account starts with (DECISIONS.md "Storage"); REST shortcuts point at them. */
const DEFAULT_NAMES: ReadonlySet<string> = new Set([...Object.values(DEFAULT_COLLECTION), 'inbox', 'outbox']);

async function deleteResource(call: DavCall, node: ResourceNode): Promise<void> {
  const { view, app, resource: r } = node;
  const outcome = evaluateConditions('DELETE', { ifMatch: call.req.headers['if-match'], ifNoneMatch: call.req.headers['if-none-match'],
    ifScheduleTagMatch: call.req.headers['if-schedule-tag-match'] }, { etag: `"${app.etag(r)}"`, ...(app.scheduleTag && { scheduleTag: `"${app.scheduleTag(r)}"` }) });
  if (!outcome.ok) throw new HttpError(412, 'the resource has changed (If-Match)');
  if (app.remove) {
    // The app decides what a DELETE means and who may make it (an attendee's delete declines).
    const ctx = { ...renderContextOf(call, view), collection: node.collection, existing: r, name: r.name, contentType: undefined };
    try {
      await app.remove(r, storeContextOf(call, view, app, ctx));
    } catch (err) {
      if (err instanceof RevisionMismatchError) throw new HttpError(412, 'the resource has changed meanwhile');
      throw err;
    }
    return void call.res.status(204).end();
  }
  if (!mayOnResource(call, view, app, r, 'delete')) throw new ForbiddenError('you may not delete this entry', 'access/no-delete');
  try {
    await call.deps.repos.resources.delete(node.collection.id, r.id, { ifRevision: r.revision });
  } catch (err) {
    if (err instanceof RevisionMismatchError) throw new HttpError(412, 'the resource has changed meanwhile');
    throw err;
  }
  call.res.status(204).end();
}

/**
 * DELETE (RFC 4918 §9.6, behaviour §6.1) of a resource (a soft delete that syncs report as 404),
 * or of a whole calendar, task list or address book with everything in it, by its owner or a
 * manager of the owning group. Default collections stay: the REST shortcuts and new-account
 * invariants depend on them. `Depth` other than infinity on a collection is 400.
 */
export async function deleteNode(call: DavCall, node: DavNode): Promise<void> {
  if (node.type === 'resource') return deleteResource(call, node);
  // RFC 4918 §9.6.1: a collection is deleted with everything in it; any other Depth is refused.
  const depth = headerText(call.req.headers.depth);
  if (depth !== undefined && depth.toLowerCase() !== 'infinity') throw new HttpError(400, 'DELETE of a collection takes Depth: infinity only (RFC 4918 §9.6.1)');
  if (node.type !== 'collection' || node.view.union || !node.view.target) throw new ForbiddenError('this cannot be deleted', 'dav/not-deletable');
  const collection = node.view.target;
  const owner = await principalById(call, collection.ownerId);
  if (!owner) throw new NotFoundError(`'${node.path}'`);
  if (!mayManageCollections(call, owner, collection.kind, await grantsOfOwner(call, owner.id))) {
    throw new ForbiddenError(`you may not delete ${node.view.href}`, 'access/no-delete');
  }
  if (DEFAULT_NAMES.has(collection.name)) throw new ForbiddenError(`the default collection ${collection.name} cannot be deleted`, 'collection/default');
  await call.deps.deadProperties.removeAll(collection.id);
  await call.deps.repos.collections.delete(collection.id);
  call.res.status(204).end();
}
