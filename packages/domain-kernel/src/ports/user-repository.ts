import type { User } from '../model/accounts.js';
import type { UserId } from '../ids.js';

export interface NewUser {
  readonly login: string;
  readonly fullName: string;
  readonly email: string | null;
  readonly isAdmin: boolean;
  readonly passwordHash: string | null;
}

export type UserPatch = Partial<Pick<User, 'fullName' | 'email' | 'isAdmin'>>;

/**
 * Stores user accounts. Logins are stored normalised (lower case) and share one namespace
 * with group names. The password hash is reachable only through `getCredentials`.
 */
export interface UserRepository {
  /** @throws PrincipalNameTakenError when a user or group already has the login. */
  create(user: NewUser): Promise<User>;
  get(id: UserId): Promise<User | undefined>;
  getByLogin(login: string): Promise<User | undefined>;
  /** The user with this email address (compared case-insensitively), if exactly one has it. */
  getByEmail(email: string): Promise<User | undefined>;
  /** For authentication only: the user with its stored password hash. */
  getCredentials(login: string): Promise<{ user: User; passwordHash: string | null } | undefined>;
  /** Every user, ordered by login. */
  list(): Promise<User[]>;
  count(): Promise<number>;
  /** @throws NotFoundError */
  update(id: UserId, patch: UserPatch): Promise<User>;
  /** @throws NotFoundError */
  setPasswordHash(id: UserId, passwordHash: string): Promise<void>;
  /** Removes the user with its collections, grants, memberships and tokens. @throws NotFoundError */
  delete(id: UserId): Promise<void>;
}
