import { describeDeadPropertiesContract } from '@almanac/domain-kernel/testing';
import { createPostgresRepositories } from '../postgres-store.js';
import { createTestDatabase, testStoreKinds } from '../testing/test-database.js';
import { PostgresDeadPropertyRepository } from './postgres-dead-property-repository.js';

for (const kind of testStoreKinds()) {
  describeDeadPropertiesContract(kind, async () => {
    const t = await createTestDatabase(kind);
    return { repos: createPostgresRepositories(t.db), deadProperties: new PostgresDeadPropertyRepository(t.db), dispose: t.dispose };
  });
}
