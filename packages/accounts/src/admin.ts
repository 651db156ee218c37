import {
  type App, type Clock, type Collection, defaultCollections, type Group, type KernelRepositories, normalizeEmail,
  normalizePrincipalName, NotFoundError, type Principal, PrincipalNameTakenError, type Rights, type UnitOfWork, type User, ValidationError,
} from '@almanac/domain-kernel';
import type { PasswordHasher } from './ports/password-hasher.js';
import { generatePassword } from './secrets.js';

export interface AdminDeps {
  readonly repos: KernelRepositories;
  readonly uow: UnitOfWork;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
}

export interface AddUserInput {
  readonly login: string;
  readonly password: string;
  readonly email?: string | null;
  readonly fullName?: string;
  readonly isAdmin?: boolean;
}

const MIN_PASSWORD_LENGTH = 8;

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      [{ path: '/password', message: 'too short' }], 'account/weak-password');
  }
}

/**
 * Creates a user with its default collections, in one transaction.
 * @throws ValidationError (login, email, password), PrincipalNameTakenError
 */
export async function addUser(deps: AdminDeps, input: AddUserInput): Promise<{ user: User; collections: Collection[] }> {
  const login = normalizePrincipalName(input.login, 'login');
  const email = input.email ? normalizeEmail(input.email) : null;
  checkPassword(input.password);
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.uow.run(async (repos) => {
    const user = await repos.users.create({
      login, email, passwordHash, fullName: input.fullName?.trim() || login, isAdmin: input.isAdmin ?? false,
    });
    const collections = [];
    for (const draft of defaultCollections(user.id, 'user', user.fullName)) collections.push(await repos.collections.create(draft));
    return { user, collections };
  });
}

/** @throws NotFoundError, ValidationError */
export async function setPassword(deps: AdminDeps, login: string, password: string): Promise<void> {
  checkPassword(password);
  const user = await requireUser(deps.repos, login);
  await deps.repos.users.setPasswordHash(user.id, await deps.hasher.hash(password));
}

/** @throws NotFoundError */
export async function deleteUser(deps: AdminDeps, login: string): Promise<void> {
  const user = await requireUser(deps.repos, login);
  await deps.repos.users.delete(user.id);
}

/** Creates a group with its default collections. @throws ValidationError, PrincipalNameTakenError */
export async function addGroup(deps: AdminDeps, rawName: string): Promise<Group> {
  const name = normalizePrincipalName(rawName, 'group name');
  return deps.uow.run(async (repos) => {
    const group = await repos.groups.create(name);
    for (const draft of defaultCollections(group.id, 'group', group.name)) await repos.collections.create(draft);
    return group;
  });
}

/** @throws NotFoundError */
export async function addGroupMember(deps: AdminDeps, groupName: string, login: string): Promise<void> {
  const group = await deps.repos.groups.getByName(groupName);
  if (!group) throw new NotFoundError(`group '${groupName}'`, 'account/group-not-found');
  const user = await requireUser(deps.repos, login);
  await deps.repos.groups.addMember(group.id, user.id);
}

/** Sets what `grantee` may do on `owner`'s collections of `app` (replacing earlier rights). @throws NotFoundError */
export async function setGrant(deps: AdminDeps, owner: string, grantee: string, app: App, rights: Rights): Promise<void> {
  const [o, g] = await Promise.all([requirePrincipal(deps.repos, owner), requirePrincipal(deps.repos, grantee)]);
  if (o.id === g.id) throw new ValidationError('an owner cannot grant rights to itself', [{ path: '/grantee', message: 'same as owner' }], 'grant/self');
  await deps.repos.grants.set({ ownerId: o.id, granteeId: g.id, app, rights });
}

/**
 * On a first start with no accounts, creates the `admin` account. The password is the given one,
 * or a generated one that the caller shows once. Returns undefined when accounts already exist.
 */
export async function ensureInitialAdmin(deps: AdminDeps, password?: string): Promise<{ login: string; password: string; generated: boolean } | undefined> {
  if ((await deps.repos.users.count()) > 0) return undefined;
  const generated = !password;
  const pw = password || generatePassword();
  try {
    await addUser(deps, { login: 'admin', password: pw, fullName: 'Administrator', isAdmin: true });
  } catch (err) {
    // Another node starting at the same moment made it first.
    if (err instanceof PrincipalNameTakenError) return undefined;
    throw err;
  }
  return { login: 'admin', password: pw, generated };
}

/** @throws NotFoundError naming the login. */
export async function requireUser(repos: KernelRepositories, login: string): Promise<User> {
  const user = await repos.users.getByLogin(login);
  if (!user) throw new NotFoundError(`user '${login}'`, 'account/user-not-found');
  return user;
}

/** A user or group by name. @throws NotFoundError */
export async function requirePrincipal(repos: KernelRepositories, name: string): Promise<Principal> {
  const p = (await repos.users.getByLogin(name)) ?? (await repos.groups.getByName(name));
  if (!p) throw new NotFoundError(`user or group '${name}'`, 'account/principal-not-found');
  return p;
}
