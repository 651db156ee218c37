import type { Principal } from '@almanac/domain-kernel';
import { grantsFromOwner } from '@almanac/http-kit';
import { type DavCall, hrefOf } from '../dav/context.js';
import type { DavNode } from '../dav/nodes.js';
import { homePath, principalDisplayName, principalPath } from '../dav/paths.js';
import { homePrivileges, READ_ONLY_PRIVILEGES } from '../dav/privileges.js';
import { supportedReports } from '../reports/supported.js';
import { caldav, carddav, dav } from '../xml/names.js';
import { hrefElement, resourceType } from '../xml/write/values.js';
import { addCommon, COLLECTION_CONTENT_TYPE } from './common.js';
import { LiveProperties } from './live.js';

const plainCollection = (displayName: string) => new LiveProperties()
  .add(dav('resourcetype'), () => resourceType(dav('collection')))
  .add(dav('displayname'), () => displayName)
  .add(dav('getcontenttype'), () => COLLECTION_CONTENT_TYPE);

/** The server name shown as the root's displayname and in the browser index. */
export const SERVER_NAME = 'Almanac CalDAV/CardDAV server';

/**
 * The root (behaviour §1.2, §6.3): the caller's home sets and the directory gateway, so that
 * clients that start at the root find everything (RFC 6764 §6 bootstrapping).
 */
export function rootProperties(call: DavCall): LiveProperties {
  const home = () => hrefElement(hrefOf(call, homePath(call.me)));
  const props = plainCollection(SERVER_NAME)
    .add(caldav('calendar-home-set'), home)
    .add(carddav('addressbook-home-set'), home)
    .add(carddav('directory-gateway'), () => hrefElement(hrefOf(call, '/addressbook/')));
  return addCommon(props, call, () => READ_ONLY_PRIVILEGES, supportedReports({ type: 'root', path: '/' }));
}

/** `/principals/` and the users/groups lists below it. */
export function principalCollectionProperties(call: DavCall, node: Extract<DavNode, { type: 'principals' | 'principal-list' }>): LiveProperties {
  const name = node.type === 'principals' ? 'Principals' : node.of === 'users' ? 'Users' : 'Groups';
  return addCommon(plainCollection(name), call, () => READ_ONLY_PRIVILEGES, supportedReports(node));
}

/** A user's or group's home `/<login>/` (behaviour §6.3). */
export function homeProperties(call: DavCall, owner: Principal): LiveProperties {
  const props = plainCollection(principalDisplayName(owner))
    .add(dav('owner'), () => hrefElement(hrefOf(call, principalPath(owner))));
  const privileges = async () => homePrivileges(call, owner, await grantsFromOwner(call.deps.repos, owner));
  return addCommon(props, call, privileges, supportedReports({ type: 'home', owner, path: homePath(owner) }));
}
