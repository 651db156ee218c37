import {
  ForbiddenError, NotFoundError, type ResourceDraft, ResourceNameTakenError, RevisionMismatchError, type StoredResource,
  UidConflictError, ValidationError,
} from '@almanac/domain-kernel';
import { HttpError } from '@almanac/http-kit';
import { type DavCall, hrefOf } from '../dav/context.js';
import type { DavApp } from '../dav/dav-app.js';
import { DavPreconditionError, invalidDataError } from '../dav/errors.js';
import { bareMediaType, findMediaType } from '../dav/media-types.js';
import { collectionOfResource, mayOnCollection, mayOnResource, renderContextOf } from '../dav/locate.js';
import { storeContextOf } from '../dav/store-context.js';
import type { ResourceNode, Target } from '../dav/nodes.js';
import { encodePathSegment } from '../headers/href.js';
import { evaluateConditions } from '../headers/conditional.js';
import { preconditions } from '../xml/write/preconditions.js';
import { textBody } from './body.js';

/** RFC 4791 §5.3.2.1 / RFC 6352 §6.3.2.1: the UID is in use by the resource at `href`. */
function uidConflict(app: DavApp, href: string, message: string): DavPreconditionError {
  const condition = app.dataProperty === 'calendar-data' ? preconditions.caldav.noUidConflict(href) : preconditions.carddav.noUidConflict(href);
  return new DavPreconditionError(409, condition, message);
}

/** Refuses a body whose media type the collection does not take (415 with supported-*-data). */
function checkMediaType(call: DavCall, app: DavApp): void {
  const type = bareMediaType(call.req.headers['content-type']);
  // Legacy types some clients send (behaviour §6.7) are aliases: text/x-vcard, text/directory, text/x-vcalendar.
  if (type === undefined || findMediaType(app.mediaTypes, type)) return;
  const condition = app.dataProperty === 'calendar-data' ? preconditions.caldav.supportedCalendarData() : preconditions.carddav.supportedAddressData();
  throw new DavPreconditionError(415, condition, `this collection takes ${app.mediaTypes.map((m) => m.contentType).join(', ')}, not ${type}`);
}

/**
 * PUT of a resource (behaviour §6.1, DECISIONS.md "ETags"): replaces the resource at the URL or
 * creates one named by the URL segment, through the app. The text is stored as received, so a
 * later GET returns the same bytes and ETag; the ETag (and Schedule-Tag) is sent on every
 * successful PUT. `If-Match` on a missing resource and `If-None-Match: *` on an existing one are
 * 412; a UID used by another resource, or a changed UID, is 409 `no-uid-conflict`.
 */
export async function putResource(call: DavCall, target: Target): Promise<void> {
  if (target.kind === 'node' && target.node.type !== 'resource') throw new HttpError(405, 'PUT needs a resource URL inside a calendar or address book', { Allow: 'OPTIONS, GET, HEAD, DELETE, PROPFIND, PROPPATCH, REPORT' });
  if (target.kind === 'none' || target.kind === 'new-collection') throw new HttpError(409, 'resources are stored inside a calendar or address book');
  const existingNode = target.kind === 'node' ? (target.node as ResourceNode) : undefined;
  const { view, app } = target.kind === 'new-resource' ? { view: target.parent.view, app: target.app } : existingNode!;
  const existing: StoredResource | undefined = existingNode?.resource;
  if (existing && !mayOnResource(call, view, app, existing, 'read')) throw new NotFoundError(`'${call.req.path}'`);

  const outcome = evaluateConditions('PUT', {
    ifMatch: call.req.headers['if-match'], ifNoneMatch: call.req.headers['if-none-match'], ifScheduleTagMatch: call.req.headers['if-schedule-tag-match'],
  }, existing ? { etag: `"${app.etag(existing)}"`, ...(app.scheduleTag && { scheduleTag: `"${app.scheduleTag(existing)}"` }) } : { etag: undefined });
  if (!outcome.ok) throw new HttpError(412, existing ? 'the resource has changed (If-Match / If-None-Match)' : 'If-Match on a resource that does not exist');

  const collection = existing ? collectionOfResource(view, existing) : view.target;
  if (!collection) throw new ForbiddenError('entries cannot be created here', 'access/read-only');
  // An app that stores writes itself checks the rights on existing resources itself (a participant may answer without EDIT).
  if (existing ? !app.write && !mayOnResource(call, view, app, existing, 'edit') : !mayOnCollection(call, collection, 'add', view.grants)) {
    throw new ForbiddenError(existing ? 'you may not change this entry' : `you may not add to ${view.href}`, existing ? 'access/no-edit' : 'access/no-add');
  }
  checkMediaType(call, app);
  const text = textBody(call);
  const name = existing?.name ?? (target.kind === 'new-resource' ? target.segment : '');
  let draft: ResourceDraft;
  const ctx = { ...renderContextOf(call, view), collection, name, contentType: call.req.headers['content-type'], ...(existing && { existing }) };
  try {
    draft = await app.fromText(text, ctx);
  } catch (err) {
    if (err instanceof ValidationError) throw invalidDataError(app.dataProperty, err);
    throw err;
  }
  const href = (resourceName: string) => hrefOf(call, view.href + encodePathSegment(resourceName));
  if (existing && draft.uid !== existing.uid) throw uidConflict(app, href(existing.name), `this resource has UID ${existing.uid}; a PUT cannot change it`);
  const stored = { ...draft, name, rawText: text };
  let written: StoredResource;
  try {
    if (app.write) written = await app.write(stored, storeContextOf(call, view, app, ctx));
    else {
      written = existing
        ? await call.deps.repos.resources.replace(collection.id, existing.id, stored, { ifRevision: existing.revision })
        : await call.deps.repos.resources.create(collection.id, stored);
    }
  } catch (err) {
    if (err instanceof UidConflictError) throw uidConflict(app, href(err.existingName), err.message);
    if (err instanceof ValidationError) throw invalidDataError(app.dataProperty, err);
    if (err instanceof RevisionMismatchError || err instanceof ResourceNameTakenError) throw new HttpError(412, 'the resource changed meanwhile');
    throw err;
  }
  call.res.setHeader('ETag', `"${app.etag(written)}"`);
  if (app.scheduleTag) call.res.setHeader('Schedule-Tag', `"${app.scheduleTag(written)}"`);
  call.res.status(existingNode ? 204 : 201).end();
}
