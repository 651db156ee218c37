import type { GroupId, PrincipalId, UserId } from '../ids.js';
import { appOfCollectionKind } from './apps.js';
import type { CollectionKind } from './collections.js';
import { ALL_RIGHTS, type Grant, NO_RIGHTS, Right, type Rights } from './grants.js';

/** Who is asking: a user and the groups the user belongs to. */
export interface Actor {
  readonly userId: UserId;
  readonly groupIds: readonly GroupId[];
}

/** What an actor may want to do. `respond` = change one's own participation status. */
export type Action =
  | 'read'
  | 'read-free-busy'
  | 'add'
  | 'edit'
  | 'delete'
  | 'respond'
  | 'invite';

/** The facts about a collection the policy needs. */
export interface CollectionFacts {
  readonly ownerId: PrincipalId;
  readonly kind: CollectionKind;
}

/** The facts about one resource the policy needs; absent facts are false or empty. */
export interface ResourceFacts {
  /** Private contacts and events need the PRIVATE right besides READ/EDIT/DELETE. */
  readonly isPrivate?: boolean;
  /** Participants may always read their events and answer for themselves (behaviour §4.3). */
  readonly participantIds?: readonly PrincipalId[];
  /** Extra principals allowed to read this one resource (per-entry sharing). */
  readonly readerIds?: readonly PrincipalId[];
}

/**
 * The rights an actor holds on an owner's collections of one app: everything for the owner
 * itself, otherwise the union of the grants from that owner to the actor or any of its groups.
 * Being an administrator grants nothing here: admins manage accounts, not other people's data.
 */
export function rightsOn(
  actor: Actor,
  collection: CollectionFacts,
  grants: readonly Grant[],
): Rights {
  if (collection.ownerId === actor.userId) return ALL_RIGHTS;
  // RFC 6638 scheduling boxes belong to their owner alone.
  if (collection.kind === 'inbox' || collection.kind === 'outbox') return NO_RIGHTS;
  const app = appOfCollectionKind(collection.kind);
  const me = new Set<PrincipalId>([actor.userId, ...actor.groupIds]);
  let rights = NO_RIGHTS;
  for (const g of grants) {
    if (g.ownerId === collection.ownerId && g.app === app && me.has(g.granteeId)) rights |= g.rights;
  }
  return rights;
}

const needs: Record<Exclude<Action, 'respond'>, number> = {
  read: Right.READ,
  'read-free-busy': Right.READ | Right.FREEBUSY,
  add: Right.ADD,
  edit: Right.EDIT,
  delete: Right.DELETE,
  invite: Right.INVITE,
};

/**
 * The one access question of Almanac: may `actor` do `action` on `collection`, or on one
 * `resource` in it? Pure; callers load the grants (all grants whose owner is the collection's
 * owner suffice) and the actor's groups.
 *
 * @example may(bob, 'read', { collection: aliceCalendar }, grants) // true if alice granted READ
 */
export function may(
  actor: Actor,
  action: Action,
  target: { collection: CollectionFacts; resource?: ResourceFacts },
  grants: readonly Grant[],
): boolean {
  const { collection, resource } = target;
  const rights = rightsOn(actor, collection, grants);
  const me = new Set<PrincipalId>([actor.userId, ...actor.groupIds]);
  const participates = resource?.participantIds?.some((p) => me.has(p)) ?? false;

  if (action === 'respond') return participates || (rights & Right.EDIT) !== 0;
  if (action === 'read' && resource) {
    if (participates || (resource.readerIds?.some((p) => me.has(p)) ?? false)) return true;
  }
  if (action === 'read-free-busy' && participates) return true;

  // 'read-free-busy' is satisfied by either bit; every other action by its own bit.
  const has = action === 'read-free-busy' ? (rights & needs[action]) !== 0 : (rights & needs[action]) === needs[action];
  if (!has) return false;
  // A private resource shows its content only to holders of PRIVATE (free/busy stays visible).
  if (resource?.isPrivate && collection.ownerId !== actor.userId && action !== 'read-free-busy' && action !== 'add') {
    return (rights & Right.PRIVATE) !== 0;
  }
  return true;
}
