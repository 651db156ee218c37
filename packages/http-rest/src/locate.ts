import { type Action, type Collection, may, resourceId, type StoredResource } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import { type RestCall, renderContext } from './context.js';
import type { RestApp, RestStoreContext, RestWriteContext } from './rest-app.js';

/**
 * Finds a resource named by a URL segment inside the view only (DECISIONS.md "URLs and
 * routing"): as a DAV name, then as the numeric REST id (or `list-<id>`), then as a UID.
 */
export async function findInView(call: RestCall, view: CollectionView, segment: string): Promise<StoredResource | undefined> {
  const { resources } = call.deps.repos;
  for (const c of view.collections) {
    const byName = await resources.getByName(c.id, segment);
    if (byName) return byName;
  }
  const numeric = /^(?:list-)?(\d{1,9})$/.exec(segment);
  if (numeric) {
    const found = await resources.findById(resourceId(Number(numeric[1])));
    if (found && view.collections.some((c) => c.id === found.collectionId)) return found;
  }
  for (const c of view.collections) {
    const byUid = await resources.getByUid(c.id, segment);
    if (byUid) return byUid;
  }
  return undefined;
}

export const collectionOfResource = (view: CollectionView, r: StoredResource): Collection =>
  view.collections.find((c) => c.id === r.collectionId)!;

/** Whether the caller may do `action` on the view's target collection (no resource yet). */
export const mayOnCollection = (call: RestCall, view: CollectionView, action: Action): boolean =>
  view.target !== undefined && may(call.actor, action, { collection: view.target }, view.grants);

/** Whether the caller may do `action` on a resource of the view, with the app's facts about it. */
export const mayOnResource = (call: RestCall, view: CollectionView, app: RestApp, r: StoredResource, action: Action): boolean =>
  may(call.actor, action, { collection: collectionOfResource(view, r), resource: app.facts(r) }, view.grants);

/**
 * Whether the caller may see a resource of the view at all: the app's `readAction` (default READ)
 * and its `visible` hook. What it may not see answers as missing (DECISIONS.md).
 */
export const mayView = (call: RestCall, view: CollectionView, app: RestApp, r: StoredResource): boolean =>
  mayOnResource(call, view, app, r, app.readAction ?? 'read') && (app.visible?.(r, renderContext(call, view)) ?? true);

/** The context of the hooks that take over conditions and storing, for a write to `collection`. */
export function storeContext(call: RestCall, view: CollectionView, app: RestApp, ctx: RestWriteContext): RestStoreContext {
  return {
    ...ctx,
    header: (name) => call.req.get(name),
    may: (action, r) => may(call.actor, action, { collection: ctx.collection, ...(r && { resource: app.facts(r) }) }, view.grants),
  };
}
