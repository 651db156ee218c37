import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/** Where the data lives: the embedded PGlite (a data directory, or memory) or a real PostgreSQL. */
export type StoreConfig =
  | { readonly kind: 'pglite'; readonly dataDir?: string; readonly loadDataDir?: Blob }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly poolSize?: number };

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly kind: StoreConfig['kind'];
  close(): Promise<void>;
}

const INT8 = 20;
// int8 (change numbers, counts) comes back as a string from pg and as a number from PGlite;
// numbers everywhere keep the two stores interchangeable (TOOLCHAIN §4). Values stay far below 2^53.
const int8 = (value: string) => Number(value);

/** Opens a PGlite instance; `dataDir` undefined keeps everything in memory. */
export async function openPGlite(config: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  return PGlite.create({ dataDir: config.dataDir, loadDataDir: config.loadDataDir, parsers: { [INT8]: int8 } });
}

/**
 * Opens the store's database. Nothing is migrated here; call `migrateToLatest`.
 * @example const { db, close } = await openDatabase({ kind: 'pglite', dataDir: './data' });
 */
export async function openDatabase(config: StoreConfig): Promise<OpenDatabase> {
  if (config.kind === 'pglite') {
    const pglite = await openPGlite(config);
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return { db, kind: 'pglite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.poolSize ?? 10,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8 ? int8 : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser },
  });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
