import { type CollectionId, type DeadProperty, type DeadPropertyChanges, type DeadPropertyRepository, NotFoundError } from '@almanac/domain-kernel';
import type { Kysely } from 'kysely';
import { isForeignKeyViolation } from '../pg-errors.js';
import type { Database } from '../schema.js';

/** Dead properties of collections in `dav_property`; the foreign key drops them with their collection. */
export class PostgresDeadPropertyRepository implements DeadPropertyRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async list(collectionId: CollectionId): Promise<DeadProperty[]> {
    const rows = await this.#db.selectFrom('dav_property').select(['namespace', 'name', 'xml'])
      .where('collection_id', '=', collectionId)
      // Byte order, so that the order does not depend on the database's collation.
      .orderBy((eb) => eb.fn('convert_to', ['namespace', eb.val('UTF8')]))
      .orderBy((eb) => eb.fn('convert_to', ['name', eb.val('UTF8')]))
      .execute();
    return rows.map((r) => ({ ns: r.namespace, name: r.name, xml: r.xml }));
  }

  async apply(collectionId: CollectionId, changes: DeadPropertyChanges): Promise<void> {
    try {
      await this.#db.transaction().execute(async (trx) => {
        for (const p of changes.remove ?? []) {
          await trx.deleteFrom('dav_property').where('collection_id', '=', collectionId)
            .where('namespace', '=', p.ns).where('name', '=', p.name).execute();
        }
        const set = changes.set ?? [];
        if (set.length > 0) {
          await trx.insertInto('dav_property')
            .values(set.map((p) => ({ collection_id: collectionId, namespace: p.ns, name: p.name, xml: p.xml })))
            .onConflict((oc) => oc.columns(['collection_id', 'namespace', 'name']).doUpdateSet((eb) => ({ xml: eb.ref('excluded.xml') })))
            .execute();
        } else if (!(await trx.selectFrom('collection').select('id').where('id', '=', collectionId).executeTakeFirst())) {
          throw new NotFoundError('collection', 'collection/not-found', { id: collectionId });
        }
      });
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new NotFoundError('collection', 'collection/not-found', { id: collectionId });
      throw err;
    }
  }

  async removeAll(collectionId: CollectionId): Promise<void> {
    await this.#db.deleteFrom('dav_property').where('collection_id', '=', collectionId).execute();
  }
}
