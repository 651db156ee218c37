import { NotFoundError, type StoredResource } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import { notModified } from './conditional.js';
import type { RestCall } from './context.js';
import { mayView } from './locate.js';
import { sendResource, setResourceHeaders } from './respond.js';
import type { RestApp } from './rest-app.js';

/** `GET`/`HEAD` of one resource (behaviour §3.3); 304 for a matching If-None-Match. */
export async function getResource(call: RestCall, view: CollectionView, app: RestApp, r: StoredResource | undefined): Promise<void> {
  // A resource the caller may not read answers exactly as a missing one (DECISIONS.md).
  if (!r || !mayView(call, view, app, r)) throw new NotFoundError(`'${call.req.path}'`);
  if (notModified(call.req, app.etag(r))) {
    setResourceHeaders(call, app, r);
    call.res.status(304).end();
    return;
  }
  await sendResource(call, view, app, r);
}
