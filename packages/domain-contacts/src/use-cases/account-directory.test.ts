import { describe, expect, it } from '@jest/globals';
import type { Collection, KernelRepositories, User } from '@almanac/domain-kernel';
import { InMemoryKernelStore } from '@almanac/domain-kernel/testing';
import { AccountDirectory, accountUid, reconcileAccountDirectory } from './account-directory.js';

/** A store with two accounts and a directory collection (owned by a group here: in memory there is no system principal). */
async function setup() {
  const store = new InMemoryKernelStore();
  const { repos } = store;
  const newUser = (login: string, fullName: string, email: string | null) =>
    repos.users.create({ login, fullName, email, isAdmin: false, passwordHash: null });
  const ralf = await newUser('ralf', 'Ralf Becker', 'ralf@example.org');
  const birgit = await newUser('birgit', 'Birgit', null);
  const system = await repos.groups.create('system');
  const directory = await repos.collections.create({ ownerId: system.id, kind: 'addressbook', name: 'addressbook-accounts' });
  return { repos, ralf, birgit, directory };
}

const cards = async (repos: KernelRepositories, directory: Collection) =>
  (await repos.resources.listPage(directory.id, { limit: 100 })).map((r) => r.data as Record<string, unknown>);

describe('reconcileAccountDirectory', () => {
  it('makes one card per account: name parts, work email, account id column', async () => {
    const { repos, ralf, birgit, directory } = await setup();
    expect(await reconcileAccountDirectory(repos, directory.id)).toEqual({ created: 2, updated: 0, deleted: 0 });
    const byUid = Object.fromEntries((await cards(repos, directory)).map((c) => [c.uid, c]));
    expect(byUid[accountUid(ralf)]).toMatchObject({
      kind: 'individual', name: { full: 'Ralf Becker', components: [{ kind: 'given', value: 'Ralf' }, { kind: 'surname', value: 'Becker' }] },
      emails: { work: { address: 'ralf@example.org', contexts: { work: true }, pref: 1 } },
      'almanac:columns': { account_id: String(ralf.id), email: 'ralf@example.org', n_family: 'Becker' },
    });
    expect(byUid[accountUid(birgit)]).not.toHaveProperty('emails');
  });

  it('changes nothing when nothing changed, and follows renames and deletions with changes a sync sees', async () => {
    const { repos, ralf, birgit, directory } = await setup();
    await reconcileAccountDirectory(repos, directory.id);
    const token = (await repos.resources.changesSince(directory.id, null)).token;
    expect(await reconcileAccountDirectory(repos, directory.id)).toEqual({ created: 0, updated: 0, deleted: 0 });
    await repos.users.update(ralf.id, { fullName: 'Ralf B.' });
    await repos.users.delete(birgit.id);
    expect(await reconcileAccountDirectory(repos, directory.id)).toEqual({ created: 0, updated: 1, deleted: 1 });
    const changes = (await repos.resources.changesSince(directory.id, token)).changes;
    expect(changes.map((c) => (c.deleted ? `deleted ${c.uid}` : `${c.resource.uid} ${(c.resource.data as { name: { full: string } }).name.full}`)).sort())
      .toEqual([`${accountUid(ralf)} Ralf B.`, `deleted ${accountUid(birgit)}`].sort());
  });

  it('gives way to a concurrent reconcile without failing or duplicating', async () => {
    const { repos, directory } = await setup();
    const results = await Promise.all([1, 2, 3].map(() => reconcileAccountDirectory(repos, directory.id)));
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(2);
    expect(await cards(repos, directory)).toHaveLength(2);
  });
});

describe('AccountDirectory', () => {
  it('reconciles only when the accounts or the collection changed', async () => {
    const { repos, directory } = await setup();
    let listings = 0;
    // Counts the directory listings, which only a reconcile makes.
    const resources = new Proxy(repos.resources, {
      get: (target, key) => {
        if (key === 'listPage') listings++;
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const dir = new AccountDirectory({ ...repos, resources });
    await dir.refresh(directory);
    await dir.refresh(directory);
    expect(listings).toBe(1);
    const added: User = await repos.users.create({ login: 'new', fullName: 'New Person', email: null, isAdmin: false, passwordHash: null });
    await Promise.all([dir.refresh(directory), dir.refresh(directory)]);
    expect(listings).toBe(2);
    expect((await cards(repos, directory)).map((c) => c.uid)).toContain(accountUid(added));
  });
});
