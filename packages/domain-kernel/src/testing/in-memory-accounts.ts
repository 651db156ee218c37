import { NotFoundError, PrincipalNameTakenError } from '../errors.js';
import { type GroupId, groupId, type UserId, userId } from '../ids.js';
import type { Group, User } from '../model/accounts.js';
import type { Clock } from '../clock.js';
import type { GroupRepository } from '../ports/group-repository.js';
import type { NewUser, UserPatch, UserRepository } from '../ports/user-repository.js';
import type { InMemoryState, PrincipalRow } from './in-memory-state.js';

const toUser = (r: PrincipalRow): User => ({
  id: userId(r.id), kind: 'user', login: r.name, fullName: r.fullName, email: r.email,
  isAdmin: r.isAdmin, createdAt: new Date(r.createdAt),
});
const toGroup = (r: PrincipalRow): Group => ({ id: groupId(r.id), kind: 'group', name: r.name, createdAt: new Date(r.createdAt) });

function nameTaken(state: InMemoryState, name: string): boolean {
  const lower = name.toLowerCase();
  return [...state.principals.values()].some((p) => p.name.toLowerCase() === lower);
}

/** Deletes a principal with everything that hangs off it, as the Postgres foreign keys do. */
function cascadePrincipal(state: InMemoryState, id: number): void {
  state.principals.delete(id);
  for (const key of [...state.members]) {
    const [g, u] = key.split(':').map(Number);
    if (g === id || u === id) state.members.delete(key);
  }
  for (const [key, g] of state.grants) if (g.ownerId === id || g.granteeId === id) state.grants.delete(key);
  for (const [key, t] of state.tokens) if (t.token.userId === id || t.token.createdBy === id) state.tokens.delete(key);
  for (const [cid, c] of state.collections) {
    if (c.ownerId !== id) continue;
    state.collections.delete(cid);
    for (const [rid, r] of state.resources) if (r.collectionId === cid) state.resources.delete(rid);
  }
}

export class InMemoryUserRepository implements UserRepository {
  readonly #state: () => InMemoryState;
  readonly #clock: Clock;
  constructor(state: () => InMemoryState, clock: Clock) {
    this.#state = state;
    this.#clock = clock;
  }

  #row(id: number): PrincipalRow | undefined {
    const r = this.#state().principals.get(id);
    return r?.kind === 'user' ? r : undefined;
  }
  #byLogin(login: string): PrincipalRow | undefined {
    const lower = login.toLowerCase();
    return [...this.#state().principals.values()].find((p) => p.kind === 'user' && p.name === lower);
  }

  async create(user: NewUser): Promise<User> {
    const state = this.#state();
    if (nameTaken(state, user.login)) throw new PrincipalNameTakenError(user.login);
    const row: PrincipalRow = {
      id: ++state.seq.principal, kind: 'user', name: user.login.toLowerCase(), fullName: user.fullName,
      email: user.email, isAdmin: user.isAdmin, passwordHash: user.passwordHash, createdAt: this.#clock.now(),
    };
    state.principals.set(row.id, row);
    return toUser(row);
  }
  async get(id: UserId) {
    const r = this.#row(id);
    return r && toUser(r);
  }
  async getByLogin(login: string) {
    const r = this.#byLogin(login);
    return r && toUser(r);
  }
  async getByEmail(email: string) {
    const lower = email.toLowerCase();
    const found = [...this.#state().principals.values()].filter((p) => p.kind === 'user' && p.email?.toLowerCase() === lower);
    return found.length === 1 ? toUser(found[0]!) : undefined;
  }
  async getCredentials(login: string) {
    const r = this.#byLogin(login);
    return r && { user: toUser(r), passwordHash: r.passwordHash };
  }
  async list() {
    return [...this.#state().principals.values()].filter((p) => p.kind === 'user')
      .sort((a, b) => a.name.localeCompare(b.name)).map(toUser);
  }
  async count() {
    return [...this.#state().principals.values()].filter((p) => p.kind === 'user').length;
  }
  async update(id: UserId, patch: UserPatch) {
    const r = this.#row(id);
    if (!r) throw new NotFoundError('user', 'account/user-not-found', { id });
    if (patch.fullName !== undefined) r.fullName = patch.fullName;
    if (patch.email !== undefined) r.email = patch.email;
    if (patch.isAdmin !== undefined) r.isAdmin = patch.isAdmin;
    return toUser(r);
  }
  async setPasswordHash(id: UserId, passwordHash: string) {
    const r = this.#row(id);
    if (!r) throw new NotFoundError('user', 'account/user-not-found', { id });
    r.passwordHash = passwordHash;
  }
  async delete(id: UserId) {
    if (!this.#row(id)) throw new NotFoundError('user', 'account/user-not-found', { id });
    cascadePrincipal(this.#state(), id);
  }
}

export class InMemoryGroupRepository implements GroupRepository {
  readonly #state: () => InMemoryState;
  readonly #clock: Clock;
  constructor(state: () => InMemoryState, clock: Clock) {
    this.#state = state;
    this.#clock = clock;
  }
  #row(id: number): PrincipalRow | undefined {
    const r = this.#state().principals.get(id);
    return r?.kind === 'group' ? r : undefined;
  }

  async create(name: string): Promise<Group> {
    const state = this.#state();
    if (nameTaken(state, name)) throw new PrincipalNameTakenError(name);
    const row: PrincipalRow = {
      id: ++state.seq.principal, kind: 'group', name: name.toLowerCase(), fullName: '', email: null,
      isAdmin: false, passwordHash: null, createdAt: this.#clock.now(),
    };
    state.principals.set(row.id, row);
    return toGroup(row);
  }
  async get(id: GroupId) {
    const r = this.#row(id);
    return r && toGroup(r);
  }
  async getByName(name: string) {
    const lower = name.toLowerCase();
    const r = [...this.#state().principals.values()].find((p) => p.kind === 'group' && p.name === lower);
    return r && toGroup(r);
  }
  async list() {
    return [...this.#state().principals.values()].filter((p) => p.kind === 'group')
      .sort((a, b) => a.name.localeCompare(b.name)).map(toGroup);
  }
  async addMember(group: GroupId, user: UserId) {
    const state = this.#state();
    if (!this.#row(group)) throw new NotFoundError('group', 'account/group-not-found', { id: group });
    if (state.principals.get(user)?.kind !== 'user') throw new NotFoundError('user', 'account/user-not-found', { id: user });
    state.members.add(`${group}:${user}`);
  }
  async removeMember(group: GroupId, user: UserId) {
    this.#state().members.delete(`${group}:${user}`);
  }
  async members(group: GroupId) {
    return [...this.#state().members].map((k) => k.split(':').map(Number))
      .filter(([g]) => g === group).map(([, u]) => userId(u!)).sort((a, b) => a - b);
  }
  async groupsOf(user: UserId) {
    return [...this.#state().members].map((k) => k.split(':').map(Number))
      .filter(([, u]) => u === user).map(([g]) => groupId(g!)).sort((a, b) => a - b);
  }
  async delete(id: GroupId) {
    if (!this.#row(id)) throw new NotFoundError('group', 'account/group-not-found', { id });
    cascadePrincipal(this.#state(), id);
  }
}
