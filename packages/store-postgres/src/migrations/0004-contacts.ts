import { type Kysely, sql } from 'kysely';

/**
 * The accounts directory (behaviour §1.2 `/addressbook-accounts/`): the reference files it under
 * owner 0, so the system principal 0 owns it here too. Its kind `system` keeps it out of every
 * user and group query (they filter by kind), and its name cannot be a login. The collection is
 * kept in step with the accounts by `@almanac/domain-contacts` (AccountDirectory).
 */
const STATEMENTS = [
  `alter table principal drop constraint principal_kind_check`,
  `alter table principal add constraint principal_kind_check check (kind in ('user', 'group', 'system'))`,
  `insert into principal (id, kind, name, full_name) values (0, 'system', '#system', 'System')`,
  `insert into collection (owner_id, kind, name, display_name, description)
    values (0, 'addressbook', 'addressbook-accounts', 'Accounts', 'Every user account, kept in step with the accounts')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from principal where id = 0`.execute(db);
  await sql`alter table principal drop constraint principal_kind_check`.execute(db);
  await sql`alter table principal add constraint principal_kind_check check (kind in ('user', 'group'))`.execute(db);
}
