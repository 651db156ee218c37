import type { LoginThrottleStore, ThrottleRecord } from '@almanac/accounts';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, LoginThrottleTable } from '../schema.js';

const toRecord = (r: Selectable<LoginThrottleTable>): ThrottleRecord => ({
  key: r.key, failures: r.failures, windowStartedAt: r.window_started_at, lockedUntil: r.locked_until,
});

/** Failed-login counts shared by every app node. Each method is one statement, so counts never race. */
export class PostgresLoginThrottleStore implements LoginThrottleStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(keys: readonly string[]) {
    if (keys.length === 0) return [];
    return (await this.#db.selectFrom('login_throttle').selectAll().where('key', 'in', [...keys]).execute()).map(toRecord);
  }

  async recordFailure(key: string, at: Date, windowStart: Date) {
    const stale = sql<boolean>`login_throttle.window_started_at < ${windowStart}`;
    const row = await this.#db.insertInto('login_throttle')
      .values({ key, failures: 1, window_started_at: at, locked_until: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({
        failures: sql`case when ${stale} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql`case when ${stale} then ${at} else login_throttle.window_started_at end`,
      }))
      .returningAll().executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async lock(key: string, until: Date) {
    await this.#db.updateTable('login_throttle').set({ locked_until: until }).where('key', '=', key).execute();
  }

  async clear(key: string) {
    await this.#db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }
}
