import { describeKernelStoreContract } from '@almanac/domain-kernel/testing';
import { createPostgresRepositories, PostgresUnitOfWork } from './postgres-store.js';
import { createTestDatabase, testStoreKinds } from './testing/test-database.js';

// The same contract suites as the in-memory adapters, on PGlite and on real PostgreSQL. The
// concurrency scenario runs many rounds on PostgreSQL, where writers really run in parallel.
for (const kind of testStoreKinds()) {
  describeKernelStoreContract(kind, async () => {
    const t = await createTestDatabase(kind);
    return { repos: createPostgresRepositories(t.db), uow: new PostgresUnitOfWork(t.db), dispose: t.dispose };
  }, { concurrencyRounds: kind === 'postgres' ? 25 : 3 });
}
