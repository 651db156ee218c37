import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { principalId } from '@almanac/domain-kernel';
import { createPostgresRepositories } from '../postgres-store.js';
import { createTestDatabase, type TestDatabase, testStoreKinds } from '../testing/test-database.js';

// Migration 0004: the accounts directory belongs to the system principal 0, which no user or
// group query sees (the server's REST tests cover how it is kept in step with the accounts).
for (const kind of testStoreKinds()) {
  describe(`accounts directory (${kind})`, () => {
    let t: TestDatabase;
    beforeAll(async () => { t = await createTestDatabase(kind); });
    afterAll(async () => { await t.dispose(); });

    it('exists after migrating, owned by principal 0, which is neither a user nor a group', async () => {
      const repos = createPostgresRepositories(t.db);
      const directory = await repos.collections.getByName(principalId(0), 'addressbook-accounts');
      expect(directory).toMatchObject({ kind: 'addressbook', displayName: 'Accounts', changeNumber: 0 });
      expect(await repos.users.list()).toEqual([]);
      expect(await repos.groups.list()).toEqual([]);
      expect(await repos.users.count()).toBe(0);
      expect(await repos.users.getByLogin('#system')).toBeUndefined();
      expect(await repos.groups.getByName('#system')).toBeUndefined();
    });

    it('takes cards, changes and tombstones like any collection', async () => {
      const repos = createPostgresRepositories(t.db);
      const directory = (await repos.collections.getByName(principalId(0), 'addressbook-accounts'))!;
      const draft = { uid: 'almanac-account-1', name: 'almanac-account-1.vcf', kind: 'card' as const, data: { '@type': 'Card', version: '1.0', uid: 'almanac-account-1' } };
      const card = await repos.resources.create(directory.id, draft);
      const { token } = await repos.resources.changesSince(directory.id, null);
      await repos.resources.delete(directory.id, card.id);
      expect((await repos.resources.changesSince(directory.id, token)).changes).toEqual([expect.objectContaining({ deleted: true, uid: 'almanac-account-1' })]);
    });
  });
}
