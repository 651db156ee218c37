import type { StoredResource } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import { headerText } from '../headers/header-error.js';
import type { DavCall } from './context.js';
import type { DavApp, DavStoreContext, DavWriteContext } from './dav-app.js';
import { mayOnCollection, mayOnResource } from './locate.js';

/**
 * The context of an app's `write` / `remove` hook: the write context plus the kernel's access
 * policy over the view (a resource's own facts included) and the request's headers.
 */
export function storeContextOf(call: DavCall, view: CollectionView, app: DavApp, ctx: DavWriteContext): DavStoreContext {
  return {
    ...ctx,
    may: (action, r?: StoredResource) => (r ? mayOnResource(call, view, app, r, action) : mayOnCollection(call, ctx.collection, action, view.grants)),
    header: (name) => headerText(call.req.headers[name.toLowerCase()]),
  };
}
