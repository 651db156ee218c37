import {
  CollectionNameTakenError, type CollectionKind, ForbiddenError, validateCollectionDraft, ValidationError,
} from '@almanac/domain-kernel';
import { HttpError } from '@almanac/http-kit';
import { type DavCall, hrefOf } from '../dav/context.js';
import { SettingsPlan } from '../dav/collection-settings.js';
import { DavPreconditionError, sendDavError } from '../dav/errors.js';
import type { Target } from '../dav/nodes.js';
import { grantsOfOwner } from '../dav/principal-lookup.js';
import { mayManageCollections } from '../dav/privileges.js';
import { DAV_ALLOW } from '../dav/compliance.js';
import { caldav, carddav, dav, type QName } from '../xml/names.js';
import { readMkcalendar, readMkcol } from '../xml/requests/mkcol.js';
import { serializeElement } from '../xml/serialize.js';
import { el } from '../xml/tree.js';
import { DAV_ERROR_CONTENT_TYPE } from '../xml/write/content-types.js';
import { preconditions } from '../xml/write/preconditions.js';
import { statusLine } from '../xml/write/status.js';
import { xmlBody } from './body.js';
import { propstatsOf } from './proppatch.js';

const hasType = (types: readonly QName[] | undefined, name: QName) => types?.some((t) => t.ns === name.ns && t.local === name.local) ?? false;

/** The collection kind a creation asks for, or a failure on the property that decides it. */
function kindOf(method: 'MKCOL' | 'MKCALENDAR', plan: SettingsPlan): CollectionKind | undefined {
  let calendar = method === 'MKCALENDAR';
  if (method === 'MKCOL') {
    const types = plan.creation.resourceType;
    const isCalendar = hasType(types, caldav('calendar'));
    const isAddressbook = hasType(types, carddav('addressbook'));
    // RFC 5689 §3.3 DAV:valid-resourcetype: Almanac holds calendars and address books, nothing else.
    if (!hasType(types, dav('collection')) || isCalendar === isAddressbook) {
      plan.failures.push({ name: dav('resourcetype'), status: 403, error: preconditions.validResourcetype(), message: 'only a calendar or an address book can be created' });
      return undefined;
    }
    if (isAddressbook) return 'addressbook';
    calendar = isCalendar;
  }
  const components = plan.creation.supportedComponents;
  if (!calendar || components === undefined || components.includes('VEVENT')) return 'calendar';
  // Task lists are calendars that take VTODO only (behaviour §1.2: the InfoLog app).
  if (components.every((c) => c === 'VTODO' || c === 'VTIMEZONE')) return 'tasks';
  plan.failures.push({
    name: caldav('supported-calendar-component-set'), status: 403, error: preconditions.caldav.supportedCalendarComponent(),
    message: 'a calendar takes VEVENT, a task list VTODO',
  });
  return undefined;
}

/**
 * MKCALENDAR (RFC 4791 §5.3.1) and extended MKCOL (RFC 5689) one level below a home: creates a
 * calendar, a task list (components VTODO only) or an address book named by the URL segment, in
 * one's own home or a group's home one manages, with the body's properties (display name,
 * description, color; the rest stored as sent). A property that cannot be set fails the request
 * (403 with `mkcol-response` / `mkcalendar-response`) and nothing is created.
 */
export async function makeCollection(call: DavCall, target: Target, method: 'MKCOL' | 'MKCALENDAR'): Promise<void> {
  if (target.kind === 'node') {
    return sendDavError(call.res, 405, preconditions.resourceMustBeNull(), 'something already exists at this URL', { Allow: DAV_ALLOW });
  }
  if (target.kind === 'new-resource') {
    const condition = target.app.dataProperty === 'calendar-data'
      ? preconditions.caldav.calendarCollectionLocationOk() : preconditions.carddav.addressbookCollectionLocationOk();
    throw new DavPreconditionError(403, condition, 'collections cannot be nested inside calendars or address books');
  }
  if (target.kind === 'none') throw new HttpError(409, 'collections are created directly below a home, /<login>/<name>/');

  const { home, name } = target;
  const body = xmlBody(call);
  const props = method === 'MKCOL' ? readMkcol(body).props : readMkcalendar(body).props;
  if (method === 'MKCOL' && props.length === 0) {
    throw new DavPreconditionError(403, preconditions.validResourcetype(), 'only calendars and address books can be created: use MKCALENDAR or an extended MKCOL (RFC 5689)');
  }
  const plan = new SettingsPlan('create');
  for (const p of props) plan.set(p);
  const kind = kindOf(method, plan);
  const grants = await grantsOfOwner(call, home.owner.id);
  if (kind && !mayManageCollections(call, home.owner, kind, grants)) {
    throw new DavPreconditionError(403, preconditions.needPrivileges([{ href: hrefOf(call, home.path), privilege: dav('bind') }]), `you may not create collections in ${home.path}`);
  }
  if (plan.failures.length > 0 || !kind) {
    const root = method === 'MKCOL' ? dav('mkcol-response') : caldav('mkcalendar-response');
    const propstats = propstatsOf(plan.statuses()).map((p) => el(dav('propstat'),
      el(dav('prop'), p.props.map((entry) => el((entry as { name: QName }).name))), el(dav('status'), statusLine(p.status)),
      p.error ? el(dav('error'), p.error) : undefined, p.description ? el(dav('responsedescription'), p.description) : undefined));
    call.res.status(403).type(DAV_ERROR_CONTENT_TYPE).send(`<?xml version="1.0" encoding="utf-8"?>\n${serializeElement(el(root, propstats))}\n`);
    return;
  }
  let draft;
  try {
    draft = validateCollectionDraft({
      ownerId: home.owner.id, kind, name, displayName: plan.patch.displayName || name,
      ...(plan.patch.description !== undefined && { description: plan.patch.description }),
      ...(plan.patch.color !== undefined && { color: plan.patch.color }),
    });
  } catch (err) {
    if (err instanceof ValidationError) throw new ForbiddenError(`cannot create '${name}': ${err.issues.map((i) => i.message).join(', ')}`, 'collection/invalid-name');
    throw err;
  }
  let created;
  try {
    created = await call.deps.repos.collections.create(draft);
  } catch (err) {
    if (err instanceof CollectionNameTakenError) {
      return sendDavError(call.res, 405, preconditions.resourceMustBeNull(), err.message, { Allow: DAV_ALLOW });
    }
    throw err;
  }
  if (plan.deadSet.length > 0) await call.deps.deadProperties.apply(created.id, { set: plan.deadSet });
  call.res.setHeader('Location', hrefOf(call, `${home.path}${encodeURIComponent(name)}/`));
  call.res.status(201).end();
}
