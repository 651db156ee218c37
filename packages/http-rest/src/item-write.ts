import { ForbiddenError, NotFoundError, PreconditionFailedError, type ResourceDraft, type StoredResource } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import { checkWritePreconditions } from './conditional.js';
import { basePathed, type RestCall, renderContext } from './context.js';
import { applyPatchBody, expandFlatKeys, jsonBody } from './json-body.js';
import { collectionOfResource, mayOnCollection, mayOnResource, mayView, storeContext } from './locate.js';
import { answerWrite, resourcePath, sendResource, wantsRepresentation } from './respond.js';
import type { RestApp, RestWriteContext } from './rest-app.js';

const revisionGuard = (r: StoredResource) => ({ ifRevision: r.revision });

/** A failed precondition answers 412, with the current representation when preferred (behaviour §3.9). */
async function preconditions(call: RestCall, view: CollectionView, app: RestApp, r: StoredResource | undefined): Promise<boolean> {
  try {
    const collection = r ? collectionOfResource(view, r) : view.target;
    if (app.checkPreconditions && collection) {
      app.checkPreconditions(r, storeContext(call, view, app, { actor: call.actor, me: call.me, strict: call.flavor.strict, collection, existing: r }));
    } else checkWritePreconditions(call.req, r && app.etag(r));
    return true;
  } catch (err) {
    if (!(err instanceof PreconditionFailedError) || !r || !wantsRepresentation(call)) throw err;
    await sendResource(call, view, app, r, 412);
    return false;
  }
}

/** Refuses a write the caller has no right to, as 404 when it may not even read (DECISIONS.md). */
function assertMay(call: RestCall, view: CollectionView, app: RestApp, r: StoredResource, action: 'edit' | 'delete'): void {
  // An app that stores writes itself checks the rights itself (a participant may answer without EDIT).
  if (app.write || mayOnResource(call, view, app, r, action)) return;
  if (!mayOnResource(call, view, app, r, 'read')) throw new NotFoundError(`'${call.req.path}'`);
  throw new ForbiddenError(`you may not ${action} this entry`, `access/no-${action}`);
}

/** `POST <collection>/` (behaviour §3.4): creates in the view's target collection. */
export async function postToCollection(call: RestCall, view: CollectionView, app: RestApp): Promise<void> {
  if (!view.target) throw new ForbiddenError('entries cannot be created here', 'access/read-only');
  if (!mayOnCollection(call, view, 'add')) throw new ForbiddenError(`you may not add to ${view.href}`, 'access/no-add');
  const raw = jsonBody(call);
  const body = app.flatPost && !call.flavor.strict ? expandFlatKeys(raw) : raw;
  const ctx = { actor: call.actor, me: call.me, strict: call.flavor.strict, collection: view.target, method: 'POST' } as const;
  const draft = await app.read(body, ctx);
  const created = await store(call, view, app, draft, ctx);
  await app.afterWrite?.(created, ctx);
  await answerWrite(call, view, app, created, true, basePathed(call, resourcePath(view, app, created)));
}

/** Stores a write through the app's `write` hook when it has one, else the kernel's repository. */
function store(call: RestCall, view: CollectionView, app: RestApp, draft: ResourceDraft, ctx: RestWriteContext): Promise<StoredResource> {
  if (app.write) return app.write(draft, storeContext(call, view, app, ctx));
  const { resources } = call.deps.repos;
  return ctx.existing ? resources.replace(ctx.collection.id, ctx.existing.id, draft, revisionGuard(ctx.existing)) : resources.create(ctx.collection.id, draft);
}

/**
 * `PUT <collection>/<segment>` (behaviour §3.5): replaces an existing resource, or creates one
 * (by UID when the segment is not a numeric id). If-Match on a missing resource is 412.
 */
export async function putResource(call: RestCall, view: CollectionView, app: RestApp, segment: string, existing: StoredResource | undefined): Promise<void> {
  const visible = existing && mayView(call, view, app, existing) ? existing : undefined;
  if (existing && !visible) throw new NotFoundError(`'${call.req.path}'`);
  if (!(await preconditions(call, view, app, visible))) return;
  const raw = jsonBody(call);
  const body = app.flatPost && !call.flavor.strict ? expandFlatKeys(raw) : raw;
  if (visible) {
    assertMay(call, view, app, visible, 'edit');
    const collection = collectionOfResource(view, visible);
    const ctx = { actor: call.actor, me: call.me, strict: call.flavor.strict, collection, existing: visible, method: 'PUT' } as const;
    const draft = await app.read(body, ctx);
    const updated = await store(call, view, app, draft, ctx);
    await app.afterWrite?.(updated, ctx);
    const canonical = app.segment(updated);
    return answerWrite(call, view, app, updated, false, segment === canonical ? undefined : basePathed(call, resourcePath(view, app, updated)));
  }
  if (!view.target) throw new ForbiddenError('entries cannot be created here', 'access/read-only');
  if (!mayOnCollection(call, view, 'add')) throw new ForbiddenError(`you may not add to ${view.href}`, 'access/no-add');
  const uidSegment = /^(?:list-)?\d+$/.test(segment) ? undefined : segment;
  const ctx = { actor: call.actor, me: call.me, strict: call.flavor.strict, collection: view.target, segment: uidSegment, method: 'PUT' } as const;
  const draft = await app.read(body, ctx);
  const created = await store(call, view, app, draft, ctx);
  await app.afterWrite?.(created, ctx);
  await answerWrite(call, view, app, created, true, basePathed(call, resourcePath(view, app, created)));
}

/**
 * `PATCH <collection>/<segment>` (DECISIONS.md "PATCH"): the body is a PatchObject over the JSON
 * the client sees (its profile); the patched whole is then read like a PUT, so every rule applies.
 */
export async function patchResource(call: RestCall, view: CollectionView, app: RestApp, existing: StoredResource | undefined): Promise<void> {
  if (!existing || !mayView(call, view, app, existing)) throw new NotFoundError(`'${call.req.path}'`);
  if (!(await preconditions(call, view, app, existing))) return;
  assertMay(call, view, app, existing, 'edit');
  const render = await app.renderer(renderContext(call, view));
  const current = await render(existing);
  const arrays = app.app === 'addressbook' ? 'replace-members' : 'reject';
  const patched = applyPatchBody(current, jsonBody(call), call.flavor.strict, arrays);
  const collection = collectionOfResource(view, existing);
  const ctx = { actor: call.actor, me: call.me, strict: call.flavor.strict, collection, existing, method: 'PATCH' } as const;
  const draft = await app.read(patched, ctx);
  const updated = await store(call, view, app, draft, ctx);
  await app.afterWrite?.(updated, ctx);
  await answerWrite(call, view, app, updated, false, undefined);
}
