import type { Group } from '../model/accounts.js';
import type { GroupId, UserId } from '../ids.js';

/** Stores groups and their members. Group names share one namespace with logins. */
export interface GroupRepository {
  /** @throws PrincipalNameTakenError */
  create(name: string): Promise<Group>;
  get(id: GroupId): Promise<Group | undefined>;
  getByName(name: string): Promise<Group | undefined>;
  /** Every group, ordered by name. */
  list(): Promise<Group[]>;
  /** Idempotent. @throws NotFoundError when the group or the user does not exist. */
  addMember(group: GroupId, user: UserId): Promise<void>;
  /** Idempotent. */
  removeMember(group: GroupId, user: UserId): Promise<void>;
  /** Members ordered by id. */
  members(group: GroupId): Promise<UserId[]>;
  /** The groups a user belongs to, ordered by id. */
  groupsOf(user: UserId): Promise<GroupId[]>;
  /** @throws NotFoundError */
  delete(id: GroupId): Promise<void>;
}
