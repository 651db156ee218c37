import { appOfCollectionKind, ForbiddenError, may, NotFoundError } from '@almanac/domain-kernel';
import { assertScope, type CollectionView, getContext, HttpError, resolvePath, scopeAllows, sendJson, visibleCollections } from '@almanac/http-kit';
import express, { type RequestHandler, Router } from 'express';
import type { RestCall, RestDeps } from './context.js';
import { flavorOf } from './flavor.js';
import { deleteResource } from './item-delete.js';
import { getResource } from './item-get.js';
import { patchResource, postToCollection, putResource } from './item-write.js';
import { listCollection } from './listing.js';
import { findInView } from './locate.js';
import { LINKS_PATH, linksRequest } from './links.js';

export interface RestRouterOptions extends RestDeps {
  /** The largest JSON body accepted (413 beyond). */
  readonly maxBodyBytes: number;
}

const methodNotAllowed = (allow: string) => new HttpError(405, 'method not allowed here', { Allow: allow });

async function collectionRequest(call: RestCall, view: CollectionView, rest: readonly string[]): Promise<void> {
  const app = call.deps.apps[view.app];
  if (!app) throw new HttpError(501, `the REST API of ${view.app} is not available yet`);
  assertScope(call.auth, view.app);
  await app.prepare?.(view);
  const method = call.req.method;
  if (rest.length === 0) {
    if (method === 'GET' || method === 'HEAD') {
      // Collection-level refusals are 403: a user's default collections are no secret, their contents are.
      if (!view.union && !may(call.actor, app.readAction ?? 'read', { collection: view.target! }, view.grants)) {
        throw new ForbiddenError(`you may not read ${view.href}`, 'access/no-read');
      }
      return listCollection(call, view, app);
    }
    if (method === 'POST') return postToCollection(call, view, app);
    throw methodNotAllowed('GET, HEAD, POST, OPTIONS');
  }
  if (rest.length > 1) throw new NotFoundError(`'${call.req.path}'`);
  const segment = rest[0]!;
  const existing = await findInView(call, view, segment);
  switch (method) {
    case 'GET':
    case 'HEAD':
      return getResource(call, view, app, existing);
    case 'PUT':
      return putResource(call, view, app, segment, existing);
    case 'PATCH':
      return patchResource(call, view, app, existing);
    case 'DELETE':
      return deleteResource(call, view, app, existing);
    default:
      throw methodNotAllowed('GET, HEAD, PUT, PATCH, DELETE, OPTIONS');
  }
}

/**
 * The JSON REST API (behaviour §3), mounted at the base path behind authentication. Requests the
 * reference would treat as DAV (behaviour §2.1) are passed on to the next router.
 */
export function createRestRouter(deps: RestRouterOptions): Router {
  const router = Router({ strict: true });
  // A file posted to an entry's links is taken as raw bytes, whatever its type (behaviour §3.13).
  const rawFile = express.raw({ type: () => true, limit: deps.maxBodyBytes });
  const json = express.json({ type: ['application/json', 'application/*+json'], limit: deps.maxBodyBytes, strict: false });
  router.use((req, res, next) => {
    const links = LINKS_PATH.exec(req.path);
    return (links?.[4] && (req.method === 'POST' || req.method === 'PUT') ? rawFile : json)(req, res, next);
  });
  const handle: RequestHandler = async (req, res, next) => {
    const flavor = flavorOf(req, req.path);
    // Links exist only in REST mode, so any request below /links/ is REST (behaviour §2.1 rule 2).
    if (!flavor.rest && !LINKS_PATH.test(req.path)) return next();
    const { auth, actor } = getContext(res);
    const call: RestCall = { req, res, deps, flavor, auth, actor, me: auth.user };
    const links = LINKS_PATH.exec(req.path);
    if (links) return linksRequest(call, links);
    const segments = req.path.split('/').slice(1);
    if (segments.at(-1) === '') segments.pop();
    const target = await resolvePath(deps, actor, auth.user, segments);
    switch (target.kind) {
      case 'root':
        if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET, HEAD, OPTIONS');
        return sendJson(req, res, 200, { responses: { [`/${auth.user.login}/`]: null } });
      case 'home': {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET, HEAD, OPTIONS');
        const responses: Record<string, null> = {};
        for (const c of await visibleCollections(deps.repos, actor, target.owner)) {
          if (scopeAllows(auth, appOfCollectionKind(c.kind))) responses[`${target.href}${c.name}/`] = null;
        }
        return sendJson(req, res, 200, { responses });
      }
      case 'collection':
        return collectionRequest(call, target.view, target.rest);
      case 'not-found':
        throw new NotFoundError(`'${req.path}'`);
    }
  };
  router.use(handle);
  return router;
}
