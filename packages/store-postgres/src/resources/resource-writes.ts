import {
  type CollectionId, NotFoundError, type ResourceDraft, type ResourceId, ResourceNameTakenError, RevisionMismatchError,
  type StoredResource, UidConflictError, type WriteOptions,
} from '@almanac/domain-kernel';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isUniqueViolation } from '../pg-errors.js';
import type { Database } from '../schema.js';
import { draftColumns, type ResourceRow, toStoredResource } from './rows.js';

/*
 * Every write is one statement whose first CTE is `update collection … returning change_number`:
 * it takes the collection's row lock and the next change number, and the write uses that number.
 * Writers of one collection therefore commit in number order, and they hold the lock only for one
 * statement and its commit (a reader that reads the counter first and rows up to it sees no gap).
 */
const nextChangeNumber = (collection: CollectionId) =>
  sql`update collection set change_number = change_number + 1 where id = ${collection} returning change_number`;

const live = (db: Kysely<Database>, collection: CollectionId) =>
  db.selectFrom('resource').selectAll().where('collection_id', '=', collection).where('deleted_at', 'is', null);

/** Why a guarded write touched no row: the collection or resource is gone, or the revision moved on. */
async function explainMiss(db: Kysely<Database>, collection: CollectionId, id: ResourceId, opts: WriteOptions): Promise<never> {
  const row = await live(db, collection).where('id', '=', id).select('revision').executeTakeFirst();
  if (row && opts.ifRevision !== undefined && row.revision !== opts.ifRevision) throw new RevisionMismatchError(opts.ifRevision, row.revision);
  if (!row && !(await db.selectFrom('collection').select('id').where('id', '=', collection).executeTakeFirst())) {
    throw new NotFoundError('collection', 'collection/not-found', { id: collection });
  }
  throw new NotFoundError('resource', 'resource/not-found', { id });
}

/** Turns a unique violation into the domain's conflict, naming the holder when it can be looked up. */
async function conflict(db: Kysely<Database>, err: unknown, collection: CollectionId, draft: ResourceDraft): Promise<never> {
  if (isUniqueViolation(err, 'resource_live_uid_key')) {
    // Inside a unit of work the failed statement aborted the transaction, so no lookup there.
    const holder = db.isTransaction ? undefined : await live(db, collection).where('uid', '=', draft.uid).select('name').executeTakeFirst();
    throw new UidConflictError(draft.uid, holder?.name ?? draft.name);
  }
  if (isUniqueViolation(err, 'resource_live_name_key')) throw new ResourceNameTakenError(draft.name);
  throw err;
}

/** Fails fast on a taken uid or name, so the common conflict aborts no enclosing transaction. */
async function checkFree(db: Kysely<Database>, collection: CollectionId, uid: string, name: string): Promise<void> {
  const clash = await live(db, collection).select(['uid', 'name'])
    .where((eb) => eb.or([eb('uid', '=', uid), eb('name', '=', name)])).executeTakeFirst();
  if (clash?.uid === uid) throw new UidConflictError(uid, clash.name);
  if (clash) throw new ResourceNameTakenError(name);
}

async function one(db: Kysely<Database>, query: RawBuilder<ResourceRow>): Promise<ResourceRow | undefined> {
  return (await query.execute(db)).rows[0];
}

export async function createResource<T>(db: Kysely<Database>, collection: CollectionId, draft: ResourceDraft<T>): Promise<StoredResource<T>> {
  await checkFree(db, collection, draft.uid, draft.name);
  const v = draftColumns(draft);
  try {
    const row = await one(db, sql<ResourceRow>`with c as (${nextChangeNumber(collection)})
      insert into resource (collection_id, uid, name, kind, data, raw_text, revision, change_number, starts_at, ends_at, time_zone)
      select ${collection}, ${v.uid}, ${draft.name}, ${v.kind}, ${v.data}::jsonb, ${v.raw_text}, 1, c.change_number,
        ${v.starts_at}::timestamptz, ${v.ends_at}::timestamptz, ${v.time_zone} from c
      returning *`);
    if (!row) throw new NotFoundError('collection', 'collection/not-found', { id: collection });
    return toStoredResource<T>(row);
  } catch (err) {
    if (err instanceof NotFoundError) throw err;
    return conflict(db, err, collection, draft);
  }
}

/** The WHERE of a guarded write: the live resource, at the expected revision when one is given. */
const target = (collection: CollectionId, id: ResourceId, opts: WriteOptions) => sql`r.id = ${id} and r.collection_id = ${collection}
  and r.deleted_at is null${opts.ifRevision === undefined ? sql`` : sql` and r.revision = ${opts.ifRevision}`}`;

export async function replaceResource<T>(
  db: Kysely<Database>, collection: CollectionId, id: ResourceId, draft: ResourceDraft<T>, opts: WriteOptions = {},
): Promise<StoredResource<T>> {
  // A uid taken by another resource is rare (the REST and DAV layers refuse uid changes): the
  // unique index catches it without a query up front.
  const v = draftColumns(draft);
  try {
    // The collection's counter moves only when the resource is there, so a missed write leaves no gap.
    const row = await one(db, sql<ResourceRow>`with t as (select r.id from resource r where ${target(collection, id, opts)}),
      c as (update collection set change_number = change_number + 1 where id = ${collection} and exists (select 1 from t) returning change_number)
      update resource r set uid = ${v.uid}, kind = ${v.kind}, data = ${v.data}::jsonb, raw_text = ${v.raw_text},
        starts_at = ${v.starts_at}::timestamptz, ends_at = ${v.ends_at}::timestamptz, time_zone = ${v.time_zone},
        revision = r.revision + 1, change_number = c.change_number, updated_at = now()
      from c where ${target(collection, id, opts)}
      returning r.*`);
    return row ? toStoredResource<T>(row) : explainMiss(db, collection, id, opts);
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof RevisionMismatchError) throw err;
    return conflict(db, err, collection, draft);
  }
}

export async function deleteResource(db: Kysely<Database>, collection: CollectionId, id: ResourceId, opts: WriteOptions = {}): Promise<void> {
  const row = await one(db, sql<ResourceRow>`with t as (select r.id from resource r where ${target(collection, id, opts)}),
    c as (update collection set change_number = change_number + 1 where id = ${collection} and exists (select 1 from t) returning change_number)
    update resource r set deleted_at = now(), updated_at = now(), revision = r.revision + 1, change_number = c.change_number
    from c where ${target(collection, id, opts)}
    returning r.*`);
  if (!row) await explainMiss(db, collection, id, opts);
}
