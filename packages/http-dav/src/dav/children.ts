import { appOfCollectionKind, type Collection, type ResourceId, type ResourceQuery, type StoredResource } from '@almanac/domain-kernel';
import { type CollectionView, scopeAllows, visibleCollections } from '@almanac/http-kit';
import { encodePathSegment } from '../headers/href.js';
import type { DavCall } from './context.js';
import { davAppFor, mayOnResource } from './locate.js';
import type { CollectionNode, DavNode } from './nodes.js';
import { homePath, PRINCIPALS_PATH, principalPath } from './paths.js';
import { grantsOfOwner, groupsOf } from './principal-lookup.js';

/** Resources are read from storage in pages of this size, so memory stays flat. */
export const PAGE_SIZE = 500;

/** A stored collection shown at `<home><name>/`, with its owner's grants. */
export async function collectionNodeOf(call: DavCall, collection: Collection, homeHref: string): Promise<CollectionNode> {
  const view: CollectionView = {
    href: `${homeHref}${collection.name}/`, app: appOfCollectionKind(collection.kind), collections: [collection],
    target: collection, union: false, grants: await grantsOfOwner(call, collection.ownerId),
  };
  const app = davAppFor(call.deps.apps, collection.kind);
  // A home listing shows the collection's ctag and sync token: they must be current.
  await app?.prepare?.(view);
  return { type: 'collection', view, app, path: view.href };
}

/**
 * The live resources of a view the caller may read, page by page, in id order; with `query`, only
 * those the store's filter keeps (a REPORT's pre-filter).
 */
export async function* readableResources(call: DavCall, node: CollectionNode, query?: ResourceQuery): AsyncGenerator<StoredResource> {
  const { app, view } = node;
  if (!app) return;
  for (const c of view.collections) {
    let afterId: ResourceId | undefined;
    for (;;) {
      const page = await call.deps.repos.resources.listPage(c.id, { afterId, limit: PAGE_SIZE, ...(query && { query }) });
      for (const r of page) if (mayOnResource(call, view, app, r, 'read')) yield r;
      if (page.length < PAGE_SIZE) break;
      afterId = page.at(-1)!.id;
    }
  }
}

/** The node of a resource of a collection node. */
export function resourceNodeOf(node: CollectionNode, r: StoredResource): DavNode {
  const collection = node.view.collections.find((c) => c.id === r.collectionId)!;
  return { type: 'resource', view: node.view, collection, app: node.app!, resource: r, path: node.view.href + encodePathSegment(r.name) };
}

/**
 * The members of a node (PROPFIND `Depth: 1`, the browser index), streamed. The root lists the
 * caller's home, its groups' homes and the principals (behaviour §1.2); a home lists the
 * collections the caller may see and reach with its credentials (timesheets are REST only unless
 * an app serves them over DAV); `/principals/users/` lists only the caller (behaviour §6.3).
 */
export async function* childrenOf(call: DavCall, node: DavNode): AsyncGenerator<DavNode> {
  switch (node.type) {
    case 'root': {
      yield { type: 'home', owner: call.me, path: homePath(call.me) };
      for (const g of await groupsOf(call, call.actor.groupIds)) yield { type: 'home', owner: g, path: homePath(g) };
      yield { type: 'principals', path: PRINCIPALS_PATH };
      return;
    }
    case 'principals':
      yield { type: 'principal-list', of: 'users', path: `${PRINCIPALS_PATH}users/` };
      yield { type: 'principal-list', of: 'groups', path: `${PRINCIPALS_PATH}groups/` };
      return;
    case 'principal-list': {
      const principals = node.of === 'users' ? [call.me] : await groupsOf(call, call.actor.groupIds);
      for (const principal of principals) yield { type: 'principal', principal, path: principalPath(principal) };
      return;
    }
    case 'home': {
      for (const c of await visibleCollections(call.deps.repos, call.actor, node.owner)) {
        if (!scopeAllows(call.auth, appOfCollectionKind(c.kind))) continue;
        if (c.kind === 'timesheet' && !davAppFor(call.deps.apps, c.kind)) continue;
        yield await collectionNodeOf(call, c, node.path);
      }
      return;
    }
    case 'collection':
      for await (const r of readableResources(call, node)) yield resourceNodeOf(node, r);
      return;
    case 'principal':
    case 'resource':
      return;
  }
}
