import { type App, type Grant, type GrantRepository, NotFoundError, type PrincipalId, principalId } from '@almanac/domain-kernel';
import type { Kysely, Selectable } from 'kysely';
import { isForeignKeyViolation } from '../pg-errors.js';
import type { AccessGrantTable, Database } from '../schema.js';

const toGrant = (r: Selectable<AccessGrantTable>): Grant => ({
  ownerId: principalId(r.owner_id), granteeId: principalId(r.grantee_id), app: r.app as App, rights: r.rights,
});

export class PostgresGrantRepository implements GrantRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async set(grant: Grant) {
    if (grant.rights === 0) {
      await this.#db.deleteFrom('access_grant').where('owner_id', '=', grant.ownerId)
        .where('grantee_id', '=', grant.granteeId).where('app', '=', grant.app).execute();
      return;
    }
    try {
      await this.#db.insertInto('access_grant')
        .values({ owner_id: grant.ownerId, grantee_id: grant.granteeId, app: grant.app, rights: grant.rights })
        .onConflict((oc) => oc.columns(['owner_id', 'grantee_id', 'app']).doUpdateSet({ rights: grant.rights }))
        .execute();
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new NotFoundError('principal', 'account/principal-not-found', { grant });
      throw err;
    }
  }

  async get(ownerId: PrincipalId, granteeId: PrincipalId, app: App) {
    const row = await this.#db.selectFrom('access_grant').selectAll().where('owner_id', '=', ownerId)
      .where('grantee_id', '=', granteeId).where('app', '=', app).executeTakeFirst();
    return row && toGrant(row);
  }

  async listByOwner(ownerId: PrincipalId) {
    const rows = await this.#db.selectFrom('access_grant').selectAll().where('owner_id', '=', ownerId)
      .orderBy('grantee_id').orderBy('app').execute();
    return rows.map(toGrant);
  }

  async listByGrantees(granteeIds: readonly PrincipalId[]) {
    if (granteeIds.length === 0) return [];
    const rows = await this.#db.selectFrom('access_grant').selectAll().where('grantee_id', 'in', [...granteeIds])
      .orderBy('owner_id').orderBy('grantee_id').orderBy('app').execute();
    return rows.map(toGrant);
  }
}
