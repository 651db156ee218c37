import {
  type Action, appOfCollectionKind, type Collection, type CollectionKind, type Grant, may, resourceId, type StoredResource,
} from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import type { DavCall } from './context.js';
import type { DavApp, DavApps, DavRenderContext } from './dav-app.js';

/** The app serving a collection kind, if one is registered for it. */
export function davAppFor(apps: DavApps, kind: CollectionKind): DavApp | undefined {
  const app = apps[appOfCollectionKind(kind)];
  return app && app.kinds.includes(kind) ? app : undefined;
}

/**
 * Finds a resource named by a (decoded) URL segment inside the view only (DECISIONS.md "URLs and
 * routing"): as a DAV name, then as the numeric REST id, then as a UID.
 */
export async function findInView(call: DavCall, view: CollectionView, segment: string): Promise<StoredResource | undefined> {
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
  view.collections.find((c) => c.id === r.collectionId) ?? view.collections[0]!;

/** Whether the caller may do `action` on a stored collection, given the owner's grants. */
export const mayOnCollection = (call: DavCall, collection: Collection, action: Action, grants: readonly Grant[]): boolean =>
  may(call.actor, action, { collection }, grants);

/** Whether the caller may do `action` on a resource of the view, with the app's facts about it. */
export const mayOnResource = (call: DavCall, view: CollectionView, app: DavApp, r: StoredResource, action: Action): boolean =>
  may(call.actor, action, { collection: collectionOfResource(view, r), resource: app.facts(r) }, view.grants);

/** The render context of a view for the apps. */
export function renderContextOf(call: DavCall, view: CollectionView): DavRenderContext {
  return { actor: call.actor, me: call.me, collectionOf: (r) => collectionOfResource(view, r), cache: call.cache };
}
