import type { Authentication } from '@almanac/accounts';
import { type Action, type Actor, type App, type Collection, type KernelRepositories, may, type StoredResource, type User } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import type { Request, Response } from 'express';
import type { Flavor } from './flavor.js';
import type { RestApp, RestRenderContext } from './rest-app.js';

export interface RestDeps {
  readonly repos: KernelRepositories;
  readonly apps: Readonly<Partial<Record<App, RestApp>>>;
  /** `/` or `/path` without trailing slash. */
  readonly basePath: string;
  /** The public origin behind a proxy; else taken from the request. */
  readonly publicUrl?: URL;
}

/** Everything a REST handler works with, made once per request. */
export interface RestCall {
  readonly req: Request;
  readonly res: Response;
  readonly deps: RestDeps;
  readonly flavor: Flavor;
  readonly auth: Authentication;
  readonly actor: Actor;
  readonly me: User;
}

/** `<base-path><path>` as an absolute path, for Location headers (behaviour §3.4). */
export const basePathed = (call: RestCall, path: string) => (call.deps.basePath === '/' ? path : `${call.deps.basePath}${path}`);

/** The full URL of a path below the base, for sync tokens and Content-Location. */
export function absoluteUrl(call: RestCall, path: string): string {
  const origin = call.deps.publicUrl
    ? call.deps.publicUrl.origin + call.deps.publicUrl.pathname.replace(/\/$/, '')
    : `${call.req.protocol}://${call.req.get('host') ?? 'localhost'}`;
  return origin + basePathed(call, path);
}

export function renderContext(call: RestCall, view: CollectionView): RestRenderContext {
  const byId = new Map<number, Collection>(view.collections.map((c) => [c.id, c]));
  const collectionOf = (r: StoredResource) => byId.get(r.collectionId) ?? view.collections[0]!;
  const app = call.deps.apps[view.app];
  return {
    actor: call.actor, me: call.me, profile: call.flavor.profile, collectionOf,
    may: (action: Action, r: StoredResource) => may(call.actor, action, { collection: collectionOf(r), resource: app?.facts(r) }, view.grants),
  };
}
