import { describeLoginThrottleStoreContract } from '@almanac/accounts/testing';
import { createTestDatabase, testStoreKinds } from '../testing/test-database.js';
import { PostgresLoginThrottleStore } from './postgres-login-throttle-store.js';

for (const kind of testStoreKinds()) {
  describeLoginThrottleStoreContract(kind, async () => {
    const t = await createTestDatabase(kind);
    return { store: new PostgresLoginThrottleStore(t.db), dispose: t.dispose };
  });
}
