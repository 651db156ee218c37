import { type Kysely, sql } from 'kysely';

const SCHEMA = [
  `create table custom_field (
    id serial primary key,
    app text not null,
    name text not null,
    type text not null,
    label text not null default '',
    options jsonb not null default '{}',
    multiple boolean not null default false,
    constraint custom_field_app_name_key unique (app, name)
  )`,
  // Entry links are symmetric; a file link has no second entry and carries the bytes itself.
  `create table link (
    id serial primary key,
    from_resource_id integer not null references resource (id) on delete cascade,
    to_resource_id integer references resource (id) on delete cascade,
    file_name text,
    file_type text,
    file_size integer,
    file_content bytea,
    remark text not null default '',
    rel text,
    created_at timestamptz not null default now(),
    created_by integer references principal (id) on delete set null,
    check ((to_resource_id is null) <> (file_content is null))
  )`,
  `create index link_from_idx on link (from_resource_id)`,
  `create index link_to_idx on link (to_resource_id) where to_resource_id is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table link`.execute(db);
  await sql`drop table custom_field`.execute(db);
}
