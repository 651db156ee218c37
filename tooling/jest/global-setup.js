// Runs once per jest process, before every project; later projects reuse what the first set up.
import { providePostgres } from './postgres.js';

export default async function globalSetup() {
  if (globalThis.__almanacPostgres) return;
  const pgInfo = await providePostgres();
  globalThis.__almanacPostgres = pgInfo;
  if ('url' in pgInfo) {
    process.env.DATABASE_URL = pgInfo.url;
    delete process.env.ALMANAC_TEST_PG_SKIP;
  } else {
    process.env.ALMANAC_TEST_PG_SKIP = pgInfo.skipReason;
    console.warn(`\n[almanac] real-PostgreSQL suites are skipped: ${pgInfo.skipReason}\n`);
  }
}
