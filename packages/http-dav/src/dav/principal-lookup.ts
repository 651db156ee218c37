import { type Grant, groupId, type GroupId, type Principal, type PrincipalId, userId } from '@almanac/domain-kernel';
import type { DavCall } from './context.js';

/** A user or group by id, memoized per request (many collections share an owner). */
export async function principalById(call: DavCall, id: PrincipalId): Promise<Principal | undefined> {
  const key = `principal:${id}`;
  if (call.cache.has(key)) return call.cache.get(key) as Principal | undefined;
  const found: Principal | undefined = (await call.deps.repos.users.get(userId(id))) ?? (await call.deps.repos.groups.get(groupId(id)));
  call.cache.set(key, found);
  return found;
}

/** The groups a user belongs to, as principals. */
export async function groupsOf(call: DavCall, ids: readonly GroupId[]): Promise<Principal[]> {
  const out: Principal[] = [];
  for (const id of ids) {
    const g = await principalById(call, id);
    if (g) out.push(g);
  }
  return out;
}

/** The grants an owner gave, memoized per request. */
export async function grantsOfOwner(call: DavCall, ownerId: PrincipalId): Promise<Grant[]> {
  const key = `grants:${ownerId}`;
  if (!call.cache.has(key)) call.cache.set(key, await call.deps.repos.grants.listByOwner(ownerId));
  return call.cache.get(key) as Grant[];
}
