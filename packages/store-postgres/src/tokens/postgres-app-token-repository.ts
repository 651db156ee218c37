import {
  type AppToken, type AppTokenId, appTokenId, type AppTokenRepository, type NewAppToken, NotFoundError, type TokenScope,
  type UserId, userId,
} from '@almanac/domain-kernel';
import type { Kysely, Selectable } from 'kysely';
import { isForeignKeyViolation } from '../pg-errors.js';
import type { AppTokenTable, Database } from '../schema.js';

type TokenRow = Omit<Selectable<AppTokenTable>, 'secret_hash'>;
const COLUMNS = ['id', 'user_id', 'created_by', 'scopes', 'label', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'] as const;

const toToken = (r: TokenRow): AppToken => ({
  id: appTokenId(r.id), userId: r.user_id === null ? null : userId(r.user_id),
  createdBy: r.created_by === null ? null : userId(r.created_by), scopes: r.scopes as TokenScope[], label: r.label,
  createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at,
});

export class PostgresAppTokenRepository implements AppTokenRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(t: NewAppToken) {
    if (t.userId !== null) {
      const owner = await this.#db.selectFrom('principal').select('id').where('id', '=', t.userId).where('kind', '=', 'user').executeTakeFirst();
      if (!owner) throw new NotFoundError('user', 'account/user-not-found', { id: t.userId });
    }
    try {
      const row = await this.#db.insertInto('app_token').values({
        user_id: t.userId, created_by: t.createdBy, scopes: JSON.stringify(t.scopes), label: t.label,
        secret_hash: t.secretHash, expires_at: t.expiresAt, revoked_at: null, last_used_at: null,
      }).returning(COLUMNS).executeTakeFirstOrThrow();
      return toToken(row);
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new NotFoundError('user', 'account/user-not-found', { id: t.createdBy });
      throw err;
    }
  }

  async get(id: AppTokenId) {
    const row = await this.#db.selectFrom('app_token').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toToken(row);
  }

  async getWithSecretHash(id: AppTokenId) {
    const row = await this.#db.selectFrom('app_token').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { token: toToken(row), secretHash: row.secret_hash };
  }

  async list(filter: { userId?: UserId } = {}) {
    let q = this.#db.selectFrom('app_token').select(COLUMNS).orderBy('id');
    if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
    return (await q.execute()).map(toToken);
  }

  async revoke(id: AppTokenId, at: Date) {
    // coalesce keeps the first revocation time when revoked twice.
    const row = await this.#db.updateTable('app_token')
      .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) }))
      .where('id', '=', id).returning(COLUMNS).executeTakeFirst();
    if (!row) throw new NotFoundError('token', 'token/not-found', { id });
    return toToken(row);
  }

  async markUsed(id: AppTokenId, at: Date) {
    await this.#db.updateTable('app_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
