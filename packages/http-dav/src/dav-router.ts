import { getContext, HttpError, publicOrigin } from '@almanac/http-kit';
import express, { type RequestHandler, Router } from 'express';
import { download } from './browser/download.js';
import { indexPage } from './browser/index-page.js';
import { assertVisible } from './dav/access.js';
import { DAV_ALLOW } from './dav/compliance.js';
import type { DavCall, DavDeps } from './dav/context.js';
import { answerDavError } from './dav/errors.js';
import type { Target } from './dav/nodes.js';
import { resolveTarget } from './dav/resolve.js';
import { deleteNode } from './methods/delete.js';
import { getResource } from './methods/get-resource.js';
import { makeCollection } from './methods/mkcol.js';
import { propfind } from './methods/propfind.js';
import { proppatch } from './methods/proppatch.js';
import { putResource } from './methods/put.js';
import { report } from './methods/report.js';

export interface DavRouterOptions extends DavDeps {
  /** The largest request body accepted (PUT texts; XML bodies are bounded by `xmlLimits` too). */
  readonly maxBodyBytes: number;
}

const notFound = (call: DavCall) => new HttpError(404, `'${call.req.path}' not found`);
const methodNotAllowed = (method: string) => new HttpError(405, `method ${method} is not supported here`, { Allow: DAV_ALLOW });

/** The node a request names, after checking the caller may see it. @throws 404 when nothing is there */
function existing(call: DavCall, target: Target) {
  if (target.kind !== 'node') throw notFound(call);
  assertVisible(call, target.node);
  return target.node;
}

async function dispatch(call: DavCall): Promise<void> {
  const segments = call.req.path.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const method = call.req.method;
  const target = await resolveTarget(call, segments);
  switch (method) {
    case 'PROPFIND':
      return propfind(call, existing(call, target));
    case 'PROPPATCH':
      return proppatch(call, existing(call, target));
    case 'REPORT':
      return report(call, existing(call, target));
    case 'MKCOL':
    case 'MKCALENDAR':
      return makeCollection(call, target, method);
    case 'GET':
    case 'HEAD': {
      const node = existing(call, target);
      if (node.type === 'resource') return getResource(call, node);
      if (node.type === 'collection' && 'download' in call.req.query) return download(call, node);
      return indexPage(call, node);
    }
    case 'PUT':
      if (target.kind === 'node') assertVisible(call, target.node);
      else if (target.kind === 'new-resource') assertVisible(call, target.parent);
      return putResource(call, target);
    case 'DELETE':
      return deleteNode(call, existing(call, target));
    default:
      throw methodNotAllowed(method);
  }
}

/**
 * The CalDAV / CardDAV / WebDAV interface (behaviour §6, DECISIONS.md), mounted at the base path
 * behind authentication, after the REST router: it serves what that router passes on (behaviour
 * §2.1) on the same tree, collections, change numbers and ETags. Bodies are read as bytes within
 * `maxBodyBytes`; XML bodies are parsed without DTDs or entities, bounded in size and depth.
 * DAV preconditions are answered with `DAV:error` bodies; other errors go on to the JSON error handler.
 */
export function createDavRouter(options: DavRouterOptions): Router {
  const router = Router({ strict: true });
  router.use(express.raw({ type: () => true, limit: options.maxBodyBytes }));
  const handle: RequestHandler = async (req, res, next) => {
    const { auth, actor } = getContext(res);
    const call: DavCall = {
      req, res, deps: options, auth, actor, me: auth.user, origin: publicOrigin(req, options.publicUrl), cache: new Map(),
    };
    try {
      await dispatch(call);
    } catch (err) {
      if (!answerDavError(res, err)) next(err);
    }
  };
  router.use(handle);
  return router;
}
