import { type Kysely, sql } from 'kysely';

// Dead properties of collections (RFC 4918 §4.2), set by PROPPATCH / MKCOL / MKCALENDAR: the
// element as the client sent it, serialised; one row per (collection, namespace, local name).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table dav_property (
  collection_id integer not null references collection (id) on delete cascade,
  namespace text not null,
  name text not null,
  xml text not null,
  primary key (collection_id, namespace, name)
)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table dav_property`.execute(db);
}
