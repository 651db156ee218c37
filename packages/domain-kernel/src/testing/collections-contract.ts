import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CollectionNameTakenError, NotFoundError } from '../errors.js';
import { appTokenId, collectionId, type UserId } from '../ids.js';
import { Right } from '../model/grants.js';
import { newUser } from './accounts-contract.js';
import type { KernelStoreFactory, KernelStoreFixture } from './contract-fixture.js';

/** The behaviour every CollectionRepository, GrantRepository and AppTokenRepository must show. */
export function describeCollectionsContract(label: string, factory: KernelStoreFactory): void {
  describe(`${label}: collections, grants and tokens`, () => {
    let f: KernelStoreFixture;
    let alice: UserId;
    let bob: UserId;
    beforeAll(async () => {
      f = await factory();
      alice = (await f.repos.users.create(newUser())).id;
      bob = (await f.repos.users.create(newUser())).id;
    });
    afterAll(async () => { await f.dispose(); });

    it('creates collections with defaults and finds them by owner and name', async () => {
      const c = await f.repos.collections.create({ ownerId: alice, kind: 'calendar', name: 'work', displayName: 'Work' });
      expect(c).toMatchObject({ ownerId: alice, kind: 'calendar', name: 'work', displayName: 'Work', description: '', color: null, changeNumber: 0 });
      expect(await f.repos.collections.get(c.id)).toEqual(c);
      expect(await f.repos.collections.getByName(alice, 'work')).toEqual(c);
      expect(await f.repos.collections.getByName(bob, 'work')).toBeUndefined();
    });

    it('allows a name once per owner', async () => {
      await f.repos.collections.create({ ownerId: alice, kind: 'addressbook', name: 'shared' });
      await expect(f.repos.collections.create({ ownerId: alice, kind: 'calendar', name: 'shared' }))
        .rejects.toBeInstanceOf(CollectionNameTakenError);
      await expect(f.repos.collections.create({ ownerId: bob, kind: 'calendar', name: 'shared' })).resolves.toBeDefined();
    });

    it('lists an owner’s collections in creation order and updates their properties', async () => {
      const owner = (await f.repos.users.create(newUser())).id;
      const a = await f.repos.collections.create({ ownerId: owner, kind: 'calendar', name: 'b-first' });
      const b = await f.repos.collections.create({ ownerId: owner, kind: 'tasks', name: 'a-second' });
      expect((await f.repos.collections.listByOwner(owner)).map((c) => c.id)).toEqual([a.id, b.id]);
      const u = await f.repos.collections.update(a.id, { displayName: 'Ünïcode ✓', description: 'd', color: '#FF0000' });
      expect(u).toMatchObject({ displayName: 'Ünïcode ✓', description: 'd', color: '#FF0000', name: 'b-first' });
      expect(await f.repos.collections.get(a.id)).toEqual(u);
    });

    it('deletes a collection and reports missing ones as not found', async () => {
      const c = await f.repos.collections.create({ ownerId: alice, kind: 'addressbook', name: 'gone' });
      await f.repos.collections.delete(c.id);
      expect(await f.repos.collections.get(c.id)).toBeUndefined();
      await expect(f.repos.collections.delete(c.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(f.repos.collections.update(collectionId(999999), { displayName: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('sets, replaces and removes grants per owner, grantee and app', async () => {
      const owner = (await f.repos.users.create(newUser())).id;
      await f.repos.grants.set({ ownerId: owner, granteeId: bob, app: 'calendar', rights: Right.READ });
      await f.repos.grants.set({ ownerId: owner, granteeId: bob, app: 'calendar', rights: Right.READ | Right.ADD });
      await f.repos.grants.set({ ownerId: owner, granteeId: bob, app: 'addressbook', rights: Right.READ });
      expect(await f.repos.grants.get(owner, bob, 'calendar')).toEqual({ ownerId: owner, granteeId: bob, app: 'calendar', rights: 3 });
      expect(await f.repos.grants.listByOwner(owner)).toEqual([
        { ownerId: owner, granteeId: bob, app: 'addressbook', rights: 1 },
        { ownerId: owner, granteeId: bob, app: 'calendar', rights: 3 },
      ]);
      expect((await f.repos.grants.listByGrantees([bob])).filter((g) => g.ownerId === owner)).toHaveLength(2);
      await f.repos.grants.set({ ownerId: owner, granteeId: bob, app: 'calendar', rights: 0 });
      expect(await f.repos.grants.get(owner, bob, 'calendar')).toBeUndefined();
      expect(await f.repos.grants.listByOwner(owner)).toHaveLength(1);
    });

    it('stores app tokens with their hash, lists, revokes and marks them used', async () => {
      const t = await f.repos.tokens.create({ userId: alice, createdBy: alice, scopes: ['calendar', 'addressbook'], label: 'phone', expiresAt: new Date('2031-01-01T00:00:00Z'), secretHash: 'sha256:abc' });
      expect(t).toMatchObject({ userId: alice, scopes: ['calendar', 'addressbook'], label: 'phone', revokedAt: null, lastUsedAt: null });
      expect(t.expiresAt?.toISOString()).toBe('2031-01-01T00:00:00.000Z');
      expect(JSON.stringify(t)).not.toContain('sha256:abc');
      expect(await f.repos.tokens.getWithSecretHash(t.id)).toEqual({ token: t, secretHash: 'sha256:abc' });
      const all = await f.repos.tokens.create({ userId: null, createdBy: alice, scopes: ['dav'], label: 'sync', expiresAt: null, secretHash: 'h2' });
      expect((await f.repos.tokens.list({ userId: alice })).map((x) => x.id)).toEqual([t.id]);
      expect((await f.repos.tokens.list()).map((x) => x.id)).toEqual(expect.arrayContaining([t.id, all.id]));
      const at = new Date('2030-06-01T12:00:00Z');
      const r = await f.repos.tokens.revoke(t.id, at);
      expect(r.revokedAt?.toISOString()).toBe(at.toISOString());
      const again = await f.repos.tokens.revoke(t.id, new Date('2030-07-01T00:00:00Z'));
      expect(again.revokedAt?.toISOString()).toBe(at.toISOString());
      await f.repos.tokens.markUsed(all.id, at);
      expect((await f.repos.tokens.get(all.id))?.lastUsedAt?.toISOString()).toBe(at.toISOString());
      await expect(f.repos.tokens.revoke(appTokenId(999999), at)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
