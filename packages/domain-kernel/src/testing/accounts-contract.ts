import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotFoundError, PrincipalNameTakenError } from '../errors.js';
import { userId } from '../ids.js';
import type { NewUser } from '../ports/user-repository.js';
import type { KernelStoreFactory, KernelStoreFixture } from './contract-fixture.js';

let seq = 0;
export const newUser = (over: Partial<NewUser> = {}): NewUser => ({
  login: `user${++seq}`, fullName: `User ${seq}`, email: `user${seq}@example.org`, isAdmin: false,
  passwordHash: `hash-${seq}`, ...over,
});

/** The behaviour every UserRepository and GroupRepository adapter must show. */
export function describeAccountsContract(label: string, factory: KernelStoreFactory): void {
  describe(`${label}: users and groups`, () => {
    let f: KernelStoreFixture;
    beforeAll(async () => { f = await factory(); });
    afterAll(async () => { await f.dispose(); });

    it('creates a user and finds it by id and by login in any case', async () => {
      const u = await f.repos.users.create(newUser({ login: 'alice', fullName: 'Alice Liddell', email: 'alice@example.org' }));
      expect(u).toMatchObject({ kind: 'user', login: 'alice', fullName: 'Alice Liddell', email: 'alice@example.org', isAdmin: false });
      expect(u.createdAt).toBeInstanceOf(Date);
      expect(await f.repos.users.get(u.id)).toEqual(u);
      expect(await f.repos.users.getByLogin('ALICE')).toEqual(u);
      expect(await f.repos.users.getByLogin('nobody')).toBeUndefined();
    });

    it('finds a user by email in any case, but not when two share it', async () => {
      const u = await f.repos.users.create(newUser({ email: 'Erin@Example.org' }));
      expect((await f.repos.users.getByEmail('erin@example.ORG'))?.id).toBe(u.id);
      await f.repos.users.create(newUser({ email: 'shared@example.org' }));
      await f.repos.users.create(newUser({ email: 'SHARED@example.org' }));
      expect(await f.repos.users.getByEmail('shared@example.org')).toBeUndefined();
      expect(await f.repos.users.getByEmail('nobody@example.org')).toBeUndefined();
    });

    it('keeps the password hash out of the user and hands it out only as credentials', async () => {
      const u = await f.repos.users.create(newUser({ login: 'carol', passwordHash: 'scrypt$abc' }));
      expect(JSON.stringify(u)).not.toContain('scrypt$abc');
      expect(await f.repos.users.getCredentials('carol')).toEqual({ user: u, passwordHash: 'scrypt$abc' });
      await f.repos.users.setPasswordHash(u.id, 'scrypt$new');
      expect((await f.repos.users.getCredentials('carol'))?.passwordHash).toBe('scrypt$new');
    });

    it('rejects a second user or group with a taken name, whatever its case', async () => {
      await f.repos.users.create(newUser({ login: 'dave' }));
      await expect(f.repos.users.create(newUser({ login: 'Dave' }))).rejects.toBeInstanceOf(PrincipalNameTakenError);
      await expect(f.repos.groups.create('dave')).rejects.toBeInstanceOf(PrincipalNameTakenError);
      await f.repos.groups.create('staff');
      await expect(f.repos.users.create(newUser({ login: 'staff' }))).rejects.toBeInstanceOf(PrincipalNameTakenError);
    });

    it('lists users ordered by login and counts them', async () => {
      const before = await f.repos.users.count();
      await f.repos.users.create(newUser({ login: 'zed' }));
      await f.repos.users.create(newUser({ login: 'abe' }));
      const logins = (await f.repos.users.list()).map((u) => u.login);
      expect(logins).toEqual([...logins].sort());
      expect(logins).toEqual(expect.arrayContaining(['zed', 'abe']));
      expect(await f.repos.users.count()).toBe(before + 2);
    });

    it('updates name, email and admin flag', async () => {
      const u = await f.repos.users.create(newUser());
      const v = await f.repos.users.update(u.id, { fullName: 'New Name', email: null, isAdmin: true });
      expect(v).toMatchObject({ id: u.id, fullName: 'New Name', email: null, isAdmin: true });
      expect(await f.repos.users.get(u.id)).toEqual(v);
    });

    it('reports a missing user as not found on update, password change and delete', async () => {
      const ghost = userId(987654);
      await expect(f.repos.users.update(ghost, { fullName: 'x' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(f.repos.users.setPasswordHash(ghost, 'x')).rejects.toBeInstanceOf(NotFoundError);
      await expect(f.repos.users.delete(ghost)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps group memberships, idempotently, in both directions', async () => {
      const g = await f.repos.groups.create('Editors');
      expect(g).toMatchObject({ kind: 'group', name: 'editors' });
      expect(await f.repos.groups.getByName('EDITORS')).toEqual(g);
      const a = await f.repos.users.create(newUser());
      const b = await f.repos.users.create(newUser());
      await f.repos.groups.addMember(g.id, a.id);
      await f.repos.groups.addMember(g.id, a.id);
      await f.repos.groups.addMember(g.id, b.id);
      expect(await f.repos.groups.members(g.id)).toEqual([a.id, b.id]);
      expect(await f.repos.groups.groupsOf(a.id)).toEqual([g.id]);
      await f.repos.groups.removeMember(g.id, a.id);
      expect(await f.repos.groups.members(g.id)).toEqual([b.id]);
      expect(await f.repos.groups.groupsOf(a.id)).toEqual([]);
      expect((await f.repos.groups.list()).map((x) => x.name)).toContain('editors');
    });

    it('refuses a membership of a missing group or user', async () => {
      const g = await f.repos.groups.create('ghosts');
      const u = await f.repos.users.create(newUser());
      await expect(f.repos.groups.addMember(g.id, userId(999999) )).rejects.toBeInstanceOf(NotFoundError);
      await expect(f.repos.groups.addMember(u.id as never, u.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('deletes a user together with its collections, grants, memberships and tokens', async () => {
      const u = await f.repos.users.create(newUser());
      const other = await f.repos.users.create(newUser());
      const g = await f.repos.groups.create(`team${seq}`);
      await f.repos.groups.addMember(g.id, u.id);
      const c = await f.repos.collections.create({ ownerId: u.id, kind: 'calendar', name: 'calendar' });
      await f.repos.resources.create(c.id, { uid: 'u1', name: 'u1.ics', kind: 'event', data: {} });
      await f.repos.grants.set({ ownerId: u.id, granteeId: other.id, app: 'calendar', rights: 1 });
      await f.repos.grants.set({ ownerId: other.id, granteeId: u.id, app: 'calendar', rights: 1 });
      await f.repos.tokens.create({ userId: u.id, createdBy: u.id, scopes: ['dav'], label: '', expiresAt: null, secretHash: 'h' });
      const madeForAll = await f.repos.tokens.create({ userId: null, createdBy: u.id, scopes: ['dav'], label: '', expiresAt: null, secretHash: 'h' });

      await f.repos.users.delete(u.id);
      expect(await f.repos.users.get(u.id)).toBeUndefined();
      expect(await f.repos.collections.get(c.id)).toBeUndefined();
      expect(await f.repos.groups.members(g.id)).toEqual([]);
      expect(await f.repos.grants.listByOwner(u.id)).toEqual([]);
      expect(await f.repos.grants.listByOwner(other.id)).toEqual([]);
      expect(await f.repos.tokens.list({ userId: u.id })).toEqual([]);
      expect(await f.repos.tokens.get(madeForAll.id)).toBeUndefined();
    });
  });
}
