import {
  type CollectionDraft, type CollectionId, CollectionNameTakenError, type CollectionPatch, type CollectionRepository,
  NotFoundError, type PrincipalId,
} from '@almanac/domain-kernel';
import type { Kysely } from 'kysely';
import { isForeignKeyViolation, isUniqueViolation } from '../pg-errors.js';
import type { Database } from '../schema.js';
import { toCollection } from './rows.js';

export class PostgresCollectionRepository implements CollectionRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(draft: CollectionDraft) {
    try {
      const row = await this.#db.insertInto('collection').values({
        owner_id: draft.ownerId, kind: draft.kind, name: draft.name, display_name: draft.displayName ?? draft.name,
        description: draft.description ?? '', color: draft.color ?? null,
      }).returningAll().executeTakeFirstOrThrow();
      return toCollection(row);
    } catch (err) {
      if (isUniqueViolation(err, 'collection_owner_name_key')) throw new CollectionNameTakenError(draft.name);
      if (isForeignKeyViolation(err)) throw new NotFoundError('owner', 'account/principal-not-found', { id: draft.ownerId });
      throw err;
    }
  }

  async get(id: CollectionId) {
    const row = await this.#db.selectFrom('collection').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCollection(row);
  }

  async getByName(ownerId: PrincipalId, name: string) {
    const row = await this.#db.selectFrom('collection').selectAll()
      .where('owner_id', '=', ownerId).where('name', '=', name).executeTakeFirst();
    return row && toCollection(row);
  }

  async listByOwner(ownerId: PrincipalId) {
    const rows = await this.#db.selectFrom('collection').selectAll().where('owner_id', '=', ownerId).orderBy('id').execute();
    return rows.map(toCollection);
  }

  async update(id: CollectionId, patch: CollectionPatch) {
    const row = await this.#db.updateTable('collection')
      .set({
        ...(patch.displayName !== undefined && { display_name: patch.displayName }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.color !== undefined && { color: patch.color }),
        updated_at: new Date(),
      })
      .where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw new NotFoundError('collection', 'collection/not-found', { id });
    return toCollection(row);
  }

  async delete(id: CollectionId) {
    const r = await this.#db.deleteFrom('collection').where('id', '=', id).executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new NotFoundError('collection', 'collection/not-found', { id });
  }
}
