import { type Kysely, sql } from 'kysely';

// Raw SQL: partial unique indexes and checks read more plainly than the schema builder.
// Only PostgreSQL 15 features: CI runs PG 15 while PGlite embeds PG 18.
// One statement per entry: PGlite runs queries over the extended protocol, one statement each.
const SCHEMA = [
  `create table principal (
  id serial primary key,
  kind text not null check (kind in ('user', 'group')),
  name text not null check (name = lower(name)),
  full_name text not null default '',
  email text,
  is_admin boolean not null default false,
  password_hash text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint principal_name_key unique (name)
)`,
  `create table group_member (
  group_id integer not null references principal (id) on delete cascade,
  member_id integer not null references principal (id) on delete cascade,
  primary key (group_id, member_id)
)`,
  `create index group_member_member_idx on group_member (member_id)`,
  `create table collection (
  id serial primary key,
  owner_id integer not null references principal (id) on delete cascade,
  kind text not null check (kind in ('addressbook', 'calendar', 'tasks', 'timesheet', 'inbox', 'outbox')),
  name text not null,
  display_name text not null default '',
  description text not null default '',
  color text,
  change_number bigint not null default 0,
  sync_floor bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint collection_owner_name_key unique (owner_id, name)
)`,
  `create table access_grant (
  owner_id integer not null references principal (id) on delete cascade,
  grantee_id integer not null references principal (id) on delete cascade,
  app text not null,
  rights integer not null check (rights > 0),
  primary key (owner_id, grantee_id, app)
)`,
  `create index access_grant_grantee_idx on access_grant (grantee_id)`,
  `create table app_token (
  id serial primary key,
  user_id integer references principal (id) on delete cascade,
  created_by integer references principal (id) on delete cascade,
  scopes jsonb not null,
  label text not null default '',
  secret_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
)`,
  `create table resource (
  id serial primary key,
  collection_id integer not null references collection (id) on delete cascade,
  uid text not null,
  name text not null,
  kind text not null,
  data jsonb not null,
  raw_text text,
  revision integer not null,
  change_number bigint not null,
  starts_at timestamptz,
  ends_at timestamptz,
  time_zone text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
)`,
  `create unique index resource_live_uid_key on resource (collection_id, uid) where deleted_at is null`,
  `create unique index resource_live_name_key on resource (collection_id, name) where deleted_at is null`,
  `create index resource_change_idx on resource (collection_id, change_number)`,
  `create index resource_time_idx on resource (collection_id, starts_at, ends_at) where deleted_at is null`,
  `create index resource_tombstone_idx on resource (deleted_at) where deleted_at is not null`,
  `create table login_throttle (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['login_throttle', 'resource', 'app_token', 'access_grant', 'collection', 'group_member', 'principal']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
