import {
  NotFoundError, type NewUser, PrincipalNameTakenError, type User, type UserId, type UserPatch, type UserRepository,
} from '@almanac/domain-kernel';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../pg-errors.js';
import type { Database } from '../schema.js';
import { toUser, USER_COLUMNS } from './rows.js';

export class PostgresUserRepository implements UserRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #users() {
    return this.#db.selectFrom('principal').where('kind', '=', 'user');
  }

  async create(user: NewUser): Promise<User> {
    try {
      const row = await this.#db.insertInto('principal').values({
        kind: 'user', name: user.login.toLowerCase(), full_name: user.fullName, email: user.email,
        is_admin: user.isAdmin, password_hash: user.passwordHash,
      }).returning(USER_COLUMNS).executeTakeFirstOrThrow();
      return toUser(row);
    } catch (err) {
      if (isUniqueViolation(err, 'principal_name_key')) throw new PrincipalNameTakenError(user.login);
      throw err;
    }
  }

  async get(id: UserId) {
    const row = await this.#users().select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async getByLogin(login: string) {
    const row = await this.#users().select(USER_COLUMNS).where('name', '=', login.toLowerCase()).executeTakeFirst();
    return row && toUser(row);
  }

  async getByEmail(email: string) {
    const rows = await this.#users().select(USER_COLUMNS).where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .limit(2).execute();
    return rows.length === 1 ? toUser(rows[0]!) : undefined;
  }

  async getCredentials(login: string) {
    const row = await this.#users().selectAll().where('name', '=', login.toLowerCase()).executeTakeFirst();
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  async list() {
    const rows = await this.#users().select(USER_COLUMNS).orderBy('name').execute();
    return rows.map((row) => toUser(row));
  }

  async count() {
    const { n } = await this.#users().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  async update(id: UserId, patch: UserPatch) {
    const row = await this.#db.updateTable('principal')
      .set({
        ...(patch.fullName !== undefined && { full_name: patch.fullName }),
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.isAdmin !== undefined && { is_admin: patch.isAdmin }),
        updated_at: new Date(),
      })
      .where('id', '=', id).where('kind', '=', 'user')
      .returning(USER_COLUMNS).executeTakeFirst();
    if (!row) throw new NotFoundError('user', 'account/user-not-found', { id });
    return toUser(row);
  }

  async setPasswordHash(id: UserId, passwordHash: string) {
    const r = await this.#db.updateTable('principal').set({ password_hash: passwordHash, updated_at: new Date() })
      .where('id', '=', id).where('kind', '=', 'user').executeTakeFirst();
    if (r.numUpdatedRows === 0n) throw new NotFoundError('user', 'account/user-not-found', { id });
  }

  async delete(id: UserId) {
    const r = await this.#db.deleteFrom('principal').where('id', '=', id).where('kind', '=', 'user').executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new NotFoundError('user', 'account/user-not-found', { id });
  }
}
