import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PGliteDialect } from 'kysely';
import pg from 'pg';
import { openDatabase, openPGlite } from '../database.js';
import { migrateToLatest } from '../migrations/index.js';
import type { Database } from '../schema.js';

export type TestStoreKind = 'pglite' | 'postgres';

export interface TestDatabase {
  readonly db: Kysely<Database>;
  readonly kind: TestStoreKind;
  /** Set for 'postgres': a connection string to this test's own database. */
  readonly connectionString?: string;
  dispose(): Promise<void>;
}

/** Why the real-PostgreSQL suites cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env.ALMANAC_TEST_PG_SKIP) return process.env.ALMANAC_TEST_PG_SKIP;
  if (!process.env.DATABASE_URL) return 'DATABASE_URL is not set (run the tests through the root jest config)';
  return undefined;
}

/** The store kinds to run a suite against: PGlite always, real PostgreSQL when one is reachable. */
export function testStoreKinds(): TestStoreKind[] {
  return postgresUnavailable() ? ['pglite'] : ['pglite', 'postgres'];
}

// A migrated, empty PGlite data directory is cached as a tarball: loading one takes about 0.5 s,
// running initdb and the migrations about 3 s (TOOLCHAIN §4).
// The cache key is a hash of the migration files, so any change to them builds a new template.
const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
const schemaFingerprint = (() => {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsDir).filter((n) => /\.(ts|js)$/.test(n)).sort()) {
    hash.update(name).update(readFileSync(join(migrationsDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
})();
const templatePath = join(tmpdir(), `almanac-pglite-template-${schemaFingerprint}.tar`);
let templateBytes: Promise<Uint8Array> | undefined;

async function pgliteTemplate(): Promise<Uint8Array> {
  if (existsSync(templatePath)) return readFileSync(templatePath);
  const pglite = await openPGlite({});
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
  await db.destroy();
  const tmp = `${templatePath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, dump);
  renameSync(tmp, templatePath);
  return dump;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated, empty database for one test file: an in-memory PGlite loaded from the cached
 * template, or a new database on the PostgreSQL server of DATABASE_URL (dropped on dispose).
 */
export async function createTestDatabase(kind: TestStoreKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    templateBytes ??= pgliteTemplate();
    const bytes = await templateBytes;
    const pglite = await openPGlite({ loadDataDir: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return { db, kind, dispose: () => db.destroy() };
  }
  const reason = postgresUnavailable();
  if (reason) throw new Error(`no PostgreSQL for tests: ${reason}`);
  const name = `almanac_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const { db } = await openDatabase({ kind: 'postgres', connectionString, poolSize: 20 });
  await migrateToLatest(db);
  return {
    db, kind, connectionString,
    dispose: async () => {
      await db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

