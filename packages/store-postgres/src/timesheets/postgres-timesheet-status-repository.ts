import { NotFoundError } from '@almanac/domain-kernel';
import type { TimesheetStatusRepository } from '@almanac/domain-timesheets';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export class PostgresTimesheetStatusRepository implements TimesheetStatusRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }
  async list() {
    return (await this.#db.selectFrom('timesheet_status').select('label').orderBy('id').execute()).map((r) => r.label);
  }
  async add(label: string) {
    await this.#db.insertInto('timesheet_status').values({ label }).onConflict((oc) => oc.column('label').doNothing()).execute();
  }
  async remove(label: string) {
    const r = await this.#db.deleteFrom('timesheet_status').where('label', '=', label).executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new NotFoundError(`timesheet status '${label}'`, 'timesheet/status-not-found');
  }
}
