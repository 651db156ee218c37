import { describe, expect, it } from '@jest/globals';
import { type Collection, collectionId, may, principalId } from '@almanac/domain-kernel';
import { InMemoryKernelStore } from '@almanac/domain-kernel/testing';
import { ACCOUNT_DIRECTORY, isAccountDirectory, resolvePath } from './views.js';

/** A store whose system principal 0 owns the accounts directory (in memory only users and groups can own collections). */
async function setup() {
  const { repos } = new InMemoryKernelStore();
  const directory: Collection = {
    id: collectionId(9000), ownerId: principalId(0), kind: 'addressbook', name: 'addressbook-accounts', displayName: 'Accounts',
    description: '', color: null, changeNumber: 0, createdAt: new Date(),
  };
  const collections = new Proxy(repos.collections, {
    get: (target, key) => key === 'getByName'
      ? async (owner: number, name: string) => (owner === 0 && name === directory.name ? directory : target.getByName(owner as never, name))
      : (Reflect.get(target, key) as (...a: unknown[]) => unknown).bind(target),
  });
  const ralf = await repos.users.create({ login: 'ralf', fullName: 'Ralf', email: null, isAdmin: false, passwordHash: null });
  await repos.collections.create({ ownerId: ralf.id, kind: 'addressbook', name: 'addressbook' });
  await repos.users.create({ login: 'bob', fullName: 'Bob', email: null, isAdmin: false, passwordHash: null });
  const deps = { repos: { ...repos, collections } };
  const actor = { userId: ralf.id, groupIds: [] };
  const resolve = (path: string) => resolvePath(deps, actor, ralf, path.split('/').slice(1).filter((s, i, a) => s !== '' || i < a.length - 1));
  return { resolve, actor, directory };
}

describe('the accounts directory in resolvePath (behaviour §1.2, §1.3 steps 4–5)', () => {
  it('is /addressbook-accounts/ and /<me>/addressbook-accounts/, readable by everyone and writable by no one', async () => {
    const { resolve, actor, directory } = await setup();
    for (const [path, href] of [['/addressbook-accounts/5', '/addressbook-accounts/'], ['/ralf/addressbook-accounts/5', '/ralf/addressbook-accounts/']]) {
      const target = await resolve(path!);
      expect(target).toMatchObject({ kind: 'collection', rest: ['5'], view: { href, app: 'addressbook', collections: [directory], union: false } });
      if (target.kind !== 'collection') throw new Error('not a collection');
      for (const action of ['read', 'add', 'edit', 'delete'] as const) {
        expect([action, may(actor, action, { collection: directory }, target.view.grants)]).toEqual([action, action === 'read']);
      }
    }
    expect(isAccountDirectory(directory)).toBe(true);
    expect(ACCOUNT_DIRECTORY.ownerId).toBe(0);
  });

  it('is part of the /addressbook/ union, while the target stays the user’s own address book', async () => {
    const { resolve, actor, directory } = await setup();
    const target = await resolve('/addressbook/');
    if (target.kind !== 'collection') throw new Error('not a collection');
    expect(target.view.collections.map((c) => c.name)).toEqual(['addressbook', 'addressbook-accounts']);
    expect(target.view.target?.name).toBe('addressbook');
    expect(may(actor, 'read', { collection: directory }, target.view.grants)).toBe(true);
    expect(may(actor, 'edit', { collection: directory }, target.view.grants)).toBe(false);
  });

  it('is not under another user’s home', async () => {
    const { resolve } = await setup();
    expect(await resolve('/bob/addressbook-accounts/')).toEqual({ kind: 'not-found' });
  });
});
