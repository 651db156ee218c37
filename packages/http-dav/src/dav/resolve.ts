import { findPrincipal, HttpError, resolvePath } from '@almanac/http-kit';
import { encodePathSegment } from '../headers/href.js';
import type { DavCall } from './context.js';
import { davAppFor, findInView } from './locate.js';
import type { CollectionNode, DavNode, Target } from './nodes.js';
import { homePath, PRINCIPALS_PATH, principalPath } from './paths.js';

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** `/principals/…` (behaviour §1.2): the collection, the users/groups lists, one principal. */
async function resolvePrincipals(call: DavCall, segments: readonly string[]): Promise<Target> {
  const node = (n: DavNode): Target => ({ kind: 'node', node: n });
  if (segments.length === 1) return node({ type: 'principals', path: PRINCIPALS_PATH });
  const of = segments[1];
  if (of !== 'users' && of !== 'groups') return { kind: 'none' };
  if (segments.length === 2) return node({ type: 'principal-list', of, path: `${PRINCIPALS_PATH}${of}/` });
  if (segments.length > 3) return { kind: 'none' };
  const name = decode(segments[2]!);
  if (name === undefined) return { kind: 'none' };
  const { users, groups } = call.deps.repos;
  const principal = of === 'users' ? await users.getByLogin(name.toLowerCase()) : await groups.getByName(name.toLowerCase());
  return principal ? node({ type: 'principal', principal, path: principalPath(principal) }) : { kind: 'none' };
}

/**
 * Resolves the request path below the base (split on `/`, the empty segment a trailing slash
 * leaves removed) into what it names, on the same tree as REST (`resolvePath`). Access is not
 * checked here; the handlers check the right each method needs.
 * @throws HttpError 501 for a resource URL in a collection whose app has no DAV form registered
 */
export async function resolveTarget(call: DavCall, segments: readonly string[]): Promise<Target> {
  if (segments[0] === 'principals') return resolvePrincipals(call, segments);
  const target = await resolvePath(call.deps, call.actor, call.me, segments);
  switch (target.kind) {
    case 'root':
      return { kind: 'node', node: { type: 'root', path: '/' } };
    case 'home':
      return { kind: 'node', node: { type: 'home', owner: target.owner, path: homePath(target.owner) } };
    case 'collection': {
      const { view, rest } = target;
      const kind = view.collections[0]?.kind ?? view.target?.kind;
      const app = kind && davAppFor(call.deps.apps, kind);
      await app?.prepare?.(view);
      const parent: CollectionNode = { type: 'collection', view, app, path: view.href };
      if (rest.length === 0) return { kind: 'node', node: parent };
      if (rest.length > 1) return { kind: 'none' };
      if (!app) throw new HttpError(501, `the ${view.app} resources are not available over CalDAV/CardDAV yet`);
      const segment = rest[0]!;
      const resource = await findInView(call, view, segment);
      if (!resource) return { kind: 'new-resource', parent, app, segment };
      const collection = view.collections.find((c) => c.id === resource.collectionId)!;
      return { kind: 'node', node: { type: 'resource', view, collection, app, resource, path: view.href + encodePathSegment(resource.name) } };
    }
    case 'not-found': {
      // One level below an existing home: where MKCOL / MKCALENDAR create a collection.
      if (segments.length !== 2) return { kind: 'none' };
      const owner = await findPrincipal(call.deps.repos, segments[0]!);
      const name = decode(segments[1]!);
      if (!owner || name === undefined) return { kind: 'none' };
      return { kind: 'new-collection', home: { type: 'home', owner, path: homePath(owner) }, name };
    }
  }
}
