import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely/migration';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-custom-fields-and-links.js';
import * as m0003 from './0003-timesheet-statuses.js';
import * as m0004 from './0004-contacts.js';
import * as m0005 from './0005-dav-properties.js';

/** Every migration in order. Names sort lexically; never rename or edit a released one. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-custom-fields-and-links': m0002,
  '0003-timesheet-statuses': m0003,
  '0004-contacts': m0004,
  '0005-dav-properties': m0005,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;

/**
 * Brings the schema to the latest version. Kysely's migrator takes a lock, so app nodes starting
 * together against one PostgreSQL run each migration once.
 * @throws Error naming the failed migration.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(result.error as Error).message ?? result.error}`, { cause: result.error });
  }
  return result;
}
