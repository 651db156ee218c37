import type { Actor, DeadPropertyRepository, KernelRepositories, User } from '@almanac/domain-kernel';
import { type Logger, type RequestContext, withBasePath } from '@almanac/http-kit';
import type { Request, Response } from 'express';
import type { XmlLimits } from '../xml/limits.js';
import type { DavApps } from './dav-app.js';

/** What the DAV router is built from (the composition root hands these over). */
export interface DavDeps {
  readonly repos: KernelRepositories;
  /** Dead properties of collections (PROPPATCH / MKCOL values in foreign namespaces). */
  readonly deadProperties: DeadPropertyRepository;
  readonly apps: DavApps;
  /** `/` or `/path` without trailing slash. */
  readonly basePath: string;
  /** The public origin behind a proxy; else taken from the request. */
  readonly publicUrl?: URL;
  /** Where resources that cannot be rendered are reported (they are answered alone with 500). */
  readonly logger?: Logger;
  /** Bounds of XML request bodies (defaults: 1 MiB, depth 64, …). */
  readonly xmlLimits?: Partial<XmlLimits>;
}

/** Everything a DAV handler works with, made once per request. */
export interface DavCall {
  readonly req: Request;
  readonly res: Response;
  readonly deps: DavDeps;
  readonly auth: RequestContext['auth'];
  readonly actor: Actor;
  readonly me: User;
  /** `scheme://host[:port]` (plus the public URL's path prefix), for absolute URLs and hrefs. */
  readonly origin: string;
  /** Per-request memo handed to apps (DavRenderContext.cache) and used by the tree. */
  readonly cache: Map<string, unknown>;
}

/** The href of a path below the base (paths are kept percent-encoded): `/alice/` → `/egw/alice/`. */
export const hrefOf = (call: DavCall, path: string): string => withBasePath(call.deps.basePath, path);

/** The absolute URL of a path below the base (sync tokens). */
export const absoluteUrl = (call: DavCall, path: string): string => call.origin + hrefOf(call, path);
