import {
  type Actor, type Collection, type CollectionRepository, type Grant, type GrantRepository, type GroupRepository,
  may, type Principal, type UserRepository,
} from '@almanac/domain-kernel';

export interface TreeDeps {
  readonly users: UserRepository;
  readonly groups: GroupRepository;
  readonly collections: CollectionRepository;
  readonly grants: GrantRepository;
}

/** A user's or group's home by its URL segment (behaviour §1.3: groups are accounts too). */
export async function findPrincipal(deps: TreeDeps, segment: string): Promise<Principal | undefined> {
  let name: string;
  try {
    name = decodeURIComponent(segment).toLowerCase();
  } catch {
    return undefined;
  }
  return (await deps.users.getByLogin(name)) ?? (await deps.groups.getByName(name));
}

/** The grants that matter for the actor on one owner's collections. */
export async function grantsFromOwner(deps: TreeDeps, owner: Principal): Promise<Grant[]> {
  return deps.grants.listByOwner(owner.id);
}

/**
 * The owner's collections the actor may see at all (read or free/busy). Owners see all of theirs;
 * an empty list means the home does not exist for this actor (DECISIONS.md: answer as missing).
 */
export async function visibleCollections(deps: TreeDeps, actor: Actor, owner: Principal): Promise<Collection[]> {
  const collections = await deps.collections.listByOwner(owner.id);
  if (owner.id === actor.userId) return collections;
  const grants = await grantsFromOwner(deps, owner);
  return collections.filter((collection) => may(actor, 'read-free-busy', { collection }, grants));
}
