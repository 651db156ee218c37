import {
  type Collection, type Grant, groupId, type Principal, Right, type Rights, rightsOn, type StoredResource,
} from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import { caldav, dav, type QName } from '../xml/names.js';
import { el, type XmlElement } from '../xml/tree.js';
import type { DavCall } from './context.js';
import type { DavApp } from './dav-app.js';
import { mayOnResource } from './locate.js';

const has = (rights: Rights, bits: number) => (rights & bits) === bits;
const isCalendarKind = (c: Collection) => c.kind === 'calendar' || c.kind === 'tasks' || c.kind === 'inbox' || c.kind === 'outbox';

/**
 * `DAV:current-user-privilege-set` of a collection from the grants of its owner (behaviour §4.3):
 * READ → read, ADD → bind, EDIT → write-content, DELETE → unbind, always
 * read-current-user-privilege-set; calendars add read-free-busy; the owner's inbox and outbox add
 * schedule-deliver / schedule-send. Almanac gives write-properties only with EDIT, not with READ as
 * the reference does: collection properties are stored per collection, shared by every reader.
 */
export function collectionPrivileges(call: DavCall, collection: Collection, grants: readonly Grant[]): QName[] {
  const rights = rightsOn(call.actor, collection, grants);
  const out: QName[] = [];
  if (has(rights, Right.READ)) out.push(dav('read'));
  if (isCalendarKind(collection) && (rights & (Right.READ | Right.FREEBUSY)) !== 0) out.push(caldav('read-free-busy'));
  const write = [
    has(rights, Right.EDIT) && dav('write-properties'), has(rights, Right.EDIT) && dav('write-content'),
    has(rights, Right.ADD) && dav('bind'), has(rights, Right.DELETE) && dav('unbind'),
  ].filter((p): p is QName => p !== false);
  if (write.length === 4) out.push(dav('write'));
  out.push(...write, dav('read-current-user-privilege-set'));
  if (collection.ownerId === call.actor.userId) {
    if (collection.kind === 'inbox') out.push(caldav('schedule-deliver'));
    if (collection.kind === 'outbox') out.push(caldav('schedule-send'));
  }
  return out;
}

/** A union view is read-only as a whole: what the caller may do to every collection in it. */
export function viewPrivileges(call: DavCall, view: CollectionView): QName[] {
  if (!view.union && view.target) return collectionPrivileges(call, view.target, view.grants);
  return [dav('read'), dav('read-current-user-privilege-set')];
}

/** A resource: read, plus write-content when the caller may edit it (behaviour §4.3). */
export function resourcePrivileges(call: DavCall, view: CollectionView, app: DavApp, r: StoredResource): QName[] {
  const out: QName[] = [dav('read')];
  if (mayOnResource(call, view, app, r, 'edit')) out.push(dav('write-content'), dav('write-properties'));
  out.push(dav('read-current-user-privilege-set'));
  return out;
}

/**
 * Whether the caller may create and delete collections in `owner`'s home: its own home, or a
 * group's home when the group granted it ADD, EDIT and DELETE on that app.
 */
export function mayManageCollections(call: DavCall, owner: Principal, kind: Collection['kind'], grants: readonly Grant[]): boolean {
  if (owner.kind === 'user') return owner.id === call.actor.userId;
  if (!call.actor.groupIds.includes(groupId(owner.id))) return false;
  const rights = rightsOn(call.actor, { ownerId: owner.id, kind }, grants);
  return has(rights, Right.ADD | Right.EDIT | Right.DELETE);
}

/** A home: the owner (or a group manager) may bind and unbind collections. */
export function homePrivileges(call: DavCall, owner: Principal, grants: readonly Grant[]): QName[] {
  const manage = (['calendar', 'addressbook', 'tasks'] as const).some((kind) => mayManageCollections(call, owner, kind, grants));
  return manage
    ? [dav('read'), dav('bind'), dav('unbind'), dav('read-current-user-privilege-set')]
    : [dav('read'), dav('read-current-user-privilege-set')];
}

/** Root, principals: read only (behaviour §4.3). */
export const READ_ONLY_PRIVILEGES: readonly QName[] = [dav('read'), dav('read-current-user-privilege-set')];

const priv = (name: QName, abstract: boolean, description: string, ...children: XmlElement[]): XmlElement =>
  el(dav('supported-privilege'), el(dav('privilege'), el(name)), abstract ? el(dav('abstract')) : undefined,
    el(dav('description'), { '{http://www.w3.org/XML/1998/namespace}lang': 'en' }, description), ...children);

/** `DAV:supported-privilege-set` (RFC 3744 §5.3) with the tree of behaviour §6.3. */
export function supportedPrivilegeSet(calendar: boolean): XmlElement {
  const read = calendar
    ? priv(dav('read'), false, 'Read', priv(caldav('read-free-busy'), false, 'Read free/busy time'))
    : priv(dav('read'), false, 'Read');
  return priv(dav('all'), true, 'Any operation',
    read,
    priv(dav('write'), false, 'Write',
      priv(dav('write-properties'), false, 'Write properties'), priv(dav('write-content'), false, 'Write content'),
      priv(dav('bind'), false, 'Add members'), priv(dav('unbind'), false, 'Remove members')),
    priv(dav('read-current-user-privilege-set'), false, 'Read own privileges'));
}
