import { HttpError } from '@almanac/http-kit';
import type { DavCall } from '../dav/context.js';
import { renderContextOf } from '../dav/locate.js';
import { preferredVersion } from '../dav/media-types.js';
import type { ResourceNode } from '../dav/nodes.js';
import { evaluateConditions } from '../headers/conditional.js';
import { httpDate } from '../xml/write/values.js';

/** ETag and Schedule-Tag of a resource (DECISIONS.md "ETags": sent on every read and write). */
export function setResourceHeaders(call: DavCall, node: ResourceNode): void {
  const { app, resource: r } = node;
  call.res.setHeader('ETag', `"${app.etag(r)}"`);
  if (app.scheduleTag) call.res.setHeader('Schedule-Tag', `"${app.scheduleTag(r)}"`);
}

/**
 * GET / HEAD of a resource (behaviour §6.1): its iCalendar or vCard text, as stored when the last
 * write was a DAV PUT. An `Accept` naming a version of the app's media types (RFC 6352 §5.1.1:
 * `text/vcard; version=4.0`) asks the app for that version. `If-None-Match` gives 304, a failing
 * `If-Match` 412.
 */
export async function getResource(call: DavCall, node: ResourceNode): Promise<void> {
  const { app, resource: r } = node;
  const outcome = evaluateConditions(call.req.method, {
    ifMatch: call.req.headers['if-match'], ifNoneMatch: call.req.headers['if-none-match'],
  }, { etag: `"${app.etag(r)}"` });
  setResourceHeaders(call, node);
  call.res.setHeader('Last-Modified', httpDate(r.updatedAt));
  if (!outcome.ok) {
    if (outcome.status === 304) return void call.res.status(304).end();
    throw new HttpError(412, 'the resource has changed (If-Match)');
  }
  const version = preferredVersion(call.req.headers.accept, app.mediaTypes);
  const text = await app.toText(r, { ctx: renderContextOf(call, node.view), ...(version !== undefined && { version }) });
  call.res.setHeader('Vary', 'Accept');
  call.res.status(200).type(app.contentType(r)).send(text);
}
