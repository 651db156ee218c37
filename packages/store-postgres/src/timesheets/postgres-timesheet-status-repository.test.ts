import { describeTimesheetStatusContract } from '@almanac/domain-timesheets/testing';
import { createTestDatabase, testStoreKinds } from '../testing/test-database.js';
import { PostgresTimesheetStatusRepository } from './postgres-timesheet-status-repository.js';

for (const kind of testStoreKinds()) {
  describeTimesheetStatusContract(kind, async () => {
    const t = await createTestDatabase(kind);
    return { repo: new PostgresTimesheetStatusRepository(t.db), dispose: t.dispose };
  });
}
