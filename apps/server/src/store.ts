import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoginThrottleStore } from '@almanac/accounts';
import type { DeadPropertyRepository, KernelRepositories, UnitOfWork } from '@almanac/domain-kernel';
import type { TimesheetStatusRepository } from '@almanac/domain-timesheets';
import {
  createPostgresRepositories, migrateToLatest, openDatabase, PostgresDeadPropertyRepository, PostgresLoginThrottleStore,
  PostgresTimesheetStatusRepository, PostgresUnitOfWork,
} from '@almanac/store-postgres';
import type { ServerConfig } from './config.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

/** The opened store with its repositories; the composition root hands these to the adapters. */
export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly repos: KernelRepositories;
  readonly uow: UnitOfWork;
  readonly throttle: LoginThrottleStore;
  readonly timesheetStatuses: TimesheetStatusRepository;
  /** DAV dead properties of collections. */
  readonly deadProperties: DeadPropertyRepository;
  /** Held for the embedded store only. */
  readonly lock: DataDirLock | undefined;
  /** Where the embedded store lives, or a redacted PostgreSQL URL. */
  readonly location: string;
  close(): Promise<void>;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * Opens (and migrates) the store: PostgreSQL when `databaseUrl` is set, else PGlite in
 * `<dataDir>/pglite`, under the data directory's lock.
 * @throws DataDirLockedError when another process holds the embedded store
 */
export async function openStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>, role: string): Promise<Store> {
  let lock: DataDirLock | undefined;
  let opened;
  if (config.databaseUrl) {
    opened = await openDatabase({ kind: 'postgres', connectionString: config.databaseUrl });
  } else {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    lock = acquireDataDirLock(config.dataDir, role);
    try {
      opened = await openDatabase({ kind: 'pglite', dataDir: join(config.dataDir, 'pglite') });
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  try {
    await migrateToLatest(opened.db);
  } catch (err) {
    await opened.close();
    lock?.release();
    throw err;
  }
  const { db } = opened;
  return {
    kind: opened.kind,
    repos: createPostgresRepositories(db),
    uow: new PostgresUnitOfWork(db),
    throttle: new PostgresLoginThrottleStore(db),
    timesheetStatuses: new PostgresTimesheetStatusRepository(db),
    deadProperties: new PostgresDeadPropertyRepository(db),
    lock,
    location: config.databaseUrl ? redact(config.databaseUrl) : join(config.dataDir, 'pglite'),
    async close() {
      await opened.close();
      lock?.release();
    },
  };
}
