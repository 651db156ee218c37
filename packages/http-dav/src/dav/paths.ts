import type { Principal } from '@almanac/domain-kernel';
import { encodePathSegment } from '../headers/href.js';

/** Path of the principal collection (RFC 3744 §5.8 principal-collection-set). */
export const PRINCIPALS_PATH = '/principals/';

/** `/principals/users/<login>/` or `/principals/groups/<name>/` (behaviour §1.2). */
export function principalPath(p: Principal): string {
  return p.kind === 'user' ? `/principals/users/${encodePathSegment(p.login)}/` : `/principals/groups/${encodePathSegment(p.name)}/`;
}

/** A principal's home, `/<login>/`: its calendar-home-set and addressbook-home-set. */
export function homePath(p: Principal): string {
  return `/${encodePathSegment(p.kind === 'user' ? p.login : p.name)}/`;
}

/** The login or group name. */
export const principalName = (p: Principal): string => (p.kind === 'user' ? p.login : p.name);

/** A principal's display name: the full name of a user, "Group <name>" for a group (behaviour §6.3). */
export const principalDisplayName = (p: Principal): string => (p.kind === 'user' ? p.fullName || p.login : `Group ${p.name}`);
