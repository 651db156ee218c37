import {
  type ChangeNumber, type ChangeSet, type CollectionId, InvalidSyncTokenError, NotFoundError, type ResourceDraft, type ResourceId,
  type ResourceQuery, type ResourceRepository, type StoredResource, type WriteOptions,
} from '@almanac/domain-kernel';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { inTransaction } from '../transaction.js';
import { createResource, deleteResource, replaceResource } from './resource-writes.js';
import { toChange, toStoredResource } from './rows.js';

/**
 * Change numbers: every write takes its collection's row lock and `change_number + 1` in the same
 * statement that writes the resource (see resource-writes.ts). Writers of one collection thus commit
 * in number order, and a reader that reads the counter first and then only rows up to it can never
 * see change n+1 while change n is still uncommitted.
 */
export class PostgresResourceRepository implements ResourceRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #live(db: Kysely<Database>, collection: CollectionId) {
    return db.selectFrom('resource').selectAll().where('collection_id', '=', collection).where('deleted_at', 'is', null);
  }

  create<T>(collection: CollectionId, draft: ResourceDraft<T>): Promise<StoredResource<T>> {
    return createResource(this.#db, collection, draft);
  }

  async get<T>(collection: CollectionId, id: ResourceId) {
    const row = await this.#live(this.#db, collection).where('id', '=', id).executeTakeFirst();
    return row && toStoredResource<T>(row);
  }

  async getByName<T>(collection: CollectionId, name: string) {
    const row = await this.#live(this.#db, collection).where('name', '=', name).executeTakeFirst();
    return row && toStoredResource<T>(row);
  }

  async getManyByName<T>(collection: CollectionId, names: readonly string[]) {
    if (names.length === 0) return [];
    // One array parameter, whatever the count (an IN list would take one parameter per name).
    const rows = await this.#live(this.#db, collection).where(sql<boolean>`name = any(${[...names]}::text[])`).execute();
    return rows.map((r) => toStoredResource<T>(r));
  }

  async getByUid<T>(collection: CollectionId, uid: string) {
    const row = await this.#live(this.#db, collection).where('uid', '=', uid).executeTakeFirst();
    return row && toStoredResource<T>(row);
  }

  async findById<T>(id: ResourceId) {
    const row = await this.#db.selectFrom('resource').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row && toStoredResource<T>(row);
  }

  async listPage<T>(collection: CollectionId, opts: { afterId?: ResourceId; limit: number; query?: ResourceQuery }) {
    let q = this.#live(this.#db, collection).orderBy('id').limit(opts.limit);
    if (opts.afterId !== undefined) q = q.where('id', '>', opts.afterId);
    const query = opts.query ?? {};
    if (query.kinds) q = query.kinds.length ? q.where('kind', 'in', [...query.kinds]) : q.where(sql<boolean>`false`);
    if (query.text) {
      const pattern = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`data::text ilike ${pattern}`);
    }
    for (const { path, value } of query.equals ?? []) {
      const at = sql`array[${sql.join(path.map((p) => sql`${p}`))}]::text[]`;
      q = q.where(sql<boolean>`(data #>> ${at} = ${value} or (jsonb_typeof(data #> ${at}) = 'array' and data #> ${at} @> jsonb_build_array(${value}::text)))`);
    }
    if (query.timeRange) {
      // RFC 4791 §9.9 overlap, with null columns as unbounded sides (see overlaps() in the kernel).
      const { start, end } = query.timeRange;
      if (end) q = q.where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<', end)]));
      if (start) {
        q = q.where((eb) => eb.or([
          eb('ends_at', 'is', null), eb('ends_at', '>', start),
          eb.and([eb('ends_at', '=', eb.ref('starts_at')), eb('starts_at', '>=', start)]),
        ]));
      }
    }
    return (await q.execute()).map((r) => toStoredResource<T>(r));
  }

  replace<T>(collection: CollectionId, id: ResourceId, draft: ResourceDraft<T>, opts?: WriteOptions) {
    return replaceResource(this.#db, collection, id, draft, opts);
  }

  delete(collection: CollectionId, id: ResourceId, opts?: WriteOptions) {
    return deleteResource(this.#db, collection, id, opts);
  }

  async changesSince<T>(collection: CollectionId, since: ChangeNumber | null, opts: { limit?: number } = {}): Promise<ChangeSet<T>> {
    // The counter first: every change numbered up to it has committed (its writer held the
    // collection lock until commit), so bounding the rows by it leaves no holes.
    const c = await this.#db.selectFrom('collection').select(['change_number', 'sync_floor'])
      .where('id', '=', collection).executeTakeFirst();
    if (!c) throw new NotFoundError('collection', 'collection/not-found', { id: collection });
    if (since !== null) {
      if (!Number.isSafeInteger(since) || since < 0) throw new InvalidSyncTokenError(since, 'malformed');
      if (since > c.change_number) throw new InvalidSyncTokenError(since, 'ahead of the collection');
      if (since < c.sync_floor) throw new InvalidSyncTokenError(since, 'older than the sync horizon');
    }
    let q = this.#db.selectFrom('resource').selectAll()
      .where('collection_id', '=', collection)
      .where('change_number', '<=', c.change_number)
      .orderBy('change_number');
    q = since === null ? q.where('deleted_at', 'is', null) : q.where('change_number', '>', since);
    if (opts.limit !== undefined) q = q.limit(opts.limit + 1);
    const rows = await q.execute();
    const more = opts.limit !== undefined && rows.length > opts.limit;
    const page = more ? rows.slice(0, opts.limit) : rows;
    return {
      changes: page.map((r) => toChange<T>(r)),
      more,
      token: more ? page[page.length - 1]!.change_number : c.change_number,
    };
  }

  async purgeTombstones(before: Date) {
    return inTransaction(this.#db, async (trx) => {
      const purged = await trx.deleteFrom('resource').where('deleted_at', '<', before)
        .returning(['collection_id', 'change_number']).execute();
      const floors = new Map<number, number>();
      for (const p of purged) floors.set(p.collection_id, Math.max(floors.get(p.collection_id) ?? 0, p.change_number));
      for (const [id, floor] of floors) {
        await trx.updateTable('collection').set((eb) => ({ sync_floor: eb.fn('greatest', [eb.ref('sync_floor'), eb.val(floor)]) }))
          .where('id', '=', id).execute();
      }
      return purged.length;
    });
  }
}
