import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newUser } from './accounts-contract.js';
import type { KernelStoreFactory, KernelStoreFixture } from './contract-fixture.js';

/** Every UnitOfWork commits when its work resolves and rolls back everything when it throws. */
export function describeUnitOfWorkContract(label: string, factory: KernelStoreFactory): void {
  describe(`${label}: unit of work`, () => {
    let f: KernelStoreFixture;
    beforeAll(async () => { f = await factory(); });
    afterAll(async () => { await f.dispose(); });

    it('commits all writes when the work resolves', async () => {
      const id = await f.uow.run(async (r) => {
        const u = await r.users.create(newUser({ login: 'committed' }));
        await r.collections.create({ ownerId: u.id, kind: 'calendar', name: 'calendar' });
        return u.id;
      });
      expect(await f.repos.users.get(id)).toBeDefined();
      expect(await f.repos.collections.listByOwner(id)).toHaveLength(1);
    });

    it('rolls back every write when the work throws', async () => {
      await expect(f.uow.run(async (r) => {
        const u = await r.users.create(newUser({ login: 'rolledback' }));
        await r.collections.create({ ownerId: u.id, kind: 'calendar', name: 'calendar' });
        throw new Error('boom');
      })).rejects.toThrow('boom');
      expect(await f.repos.users.getByLogin('rolledback')).toBeUndefined();
    });
  });
}
