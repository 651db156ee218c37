import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table timesheet_status (id serial primary key, label text not null unique)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table timesheet_status`.execute(db);
}
