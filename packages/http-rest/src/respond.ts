import type { StoredResource } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import { absoluteUrl, type RestCall, renderContext } from './context.js';
import type { RestApp } from './rest-app.js';

/** Sets ETag (and Schedule-Tag for events) of a resource. */
export function setResourceHeaders(call: RestCall, app: RestApp, r: StoredResource): void {
  call.res.setHeader('ETag', `"${app.etag(r)}"`);
  if (app.scheduleTag) call.res.setHeader('Schedule-Tag', `"${app.scheduleTag(r)}"`);
}

/** The app's media type, with `profile=rfc` echoed on JSCalendar/JSContact types when asked for (DECISIONS.md "JSON shapes"). */
export function resourceContentType(call: RestCall, app: RestApp, r: StoredResource): string {
  const type = app.contentType(r);
  if (call.flavor.profile !== 'rfc' || !/\+json\b/i.test(type) || /;\s*profile=/i.test(type)) return type;
  return type.replace(/(;\s*charset=[^;]*)?$/i, ';profile=rfc$1');
}

/** The resource as GET returns it: JSON in the request's profile, its own content type. */
export async function sendResource(call: RestCall, view: CollectionView, app: RestApp, r: StoredResource, status = 200): Promise<void> {
  const render = await app.renderer(renderContext(call, view));
  setResourceHeaders(call, app, r);
  const type = resourceContentType(call, app, r);
  const json = JSON.stringify(await render(r), null, call.flavor.pretty ? 2 : undefined);
  // A type that names its charset is sent as written (behaviour §2.3 spells
  // `application/jscalendar+json;type=task;charset=utf-8`); Express would respace a string body's.
  if (/;\s*charset=/i.test(type)) call.res.status(status).setHeader('Content-Type', type).send(Buffer.from(json));
  else call.res.status(status).type(type).send(json);
}

/** `Prefer: return=representation` (RFC 7240, behaviour §3.10), also inside a list of preferences. */
export const wantsRepresentation = (call: RestCall) =>
  /(?:^|[,;\s])return\s*=\s*"?representation"?/i.test(String(call.req.headers.prefer ?? ''));

/** The canonical REST URL path of a resource in the view. */
export const resourcePath = (view: CollectionView, app: RestApp, r: StoredResource) => view.href + app.segment(r);

/** Answers a successful write: 201/204, or 200/201 with the representation when preferred. */
export async function answerWrite(
  call: RestCall, view: CollectionView, app: RestApp, r: StoredResource, created: boolean, location: string | undefined,
): Promise<void> {
  if (location) call.res.setHeader('Location', location);
  if (wantsRepresentation(call)) {
    if (created) call.res.setHeader('Content-Location', absoluteUrl(call, resourcePath(view, app, r)));
    return sendResource(call, view, app, r, created ? 201 : 200);
  }
  setResourceHeaders(call, app, r);
  call.res.status(created ? 201 : 204).end();
}
