import { ForbiddenError, NotFoundError, type StoredResource } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import { checkWritePreconditions } from './conditional.js';
import type { RestCall } from './context.js';
import { collectionOfResource, mayOnResource, mayView, storeContext } from './locate.js';
import type { RestApp } from './rest-app.js';

/** `DELETE <collection>/<segment>` (behaviour §3.7): a soft delete that syncs report as null. */
export async function deleteResource(call: RestCall, view: CollectionView, app: RestApp, existing: StoredResource | undefined): Promise<void> {
  if (!existing || !mayView(call, view, app, existing)) throw new NotFoundError(`'${call.req.path}'`);
  const collection = collectionOfResource(view, existing);
  const ctx = storeContext(call, view, app, { actor: call.actor, me: call.me, strict: call.flavor.strict, collection, existing });
  if (app.checkPreconditions) app.checkPreconditions(existing, ctx);
  else checkWritePreconditions(call.req, app.etag(existing));
  if (app.remove) {
    await app.remove(existing, ctx);
    return void call.res.status(204).end();
  }
  if (!mayOnResource(call, view, app, existing, 'delete')) throw new ForbiddenError('you may not delete this entry', 'access/no-delete');
  await call.deps.repos.resources.delete(collectionOfResource(view, existing).id, existing.id, { ifRevision: existing.revision });
  call.res.status(204).end();
}
