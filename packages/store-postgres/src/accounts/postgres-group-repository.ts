import {
  type GroupId, groupId, type GroupRepository, NotFoundError, PrincipalNameTakenError, type UserId, userId,
} from '@almanac/domain-kernel';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../pg-errors.js';
import type { Database } from '../schema.js';
import { toGroup } from './rows.js';

export class PostgresGroupRepository implements GroupRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #groups() {
    return this.#db.selectFrom('principal').where('kind', '=', 'group');
  }

  async create(name: string) {
    try {
      const row = await this.#db.insertInto('principal').values({ kind: 'group', name: name.toLowerCase(), email: null, password_hash: null })
        .returningAll().executeTakeFirstOrThrow();
      return toGroup(row);
    } catch (err) {
      if (isUniqueViolation(err, 'principal_name_key')) throw new PrincipalNameTakenError(name);
      throw err;
    }
  }

  async get(id: GroupId) {
    const row = await this.#groups().selectAll().where('id', '=', id).executeTakeFirst();
    return row && toGroup(row);
  }

  async getByName(name: string) {
    const row = await this.#groups().selectAll().where('name', '=', name.toLowerCase()).executeTakeFirst();
    return row && toGroup(row);
  }

  async list() {
    return (await this.#groups().selectAll().orderBy('name').execute()).map(toGroup);
  }

  async addMember(group: GroupId, user: UserId) {
    // Check both ends first: a foreign key alone cannot tell a group from a user.
    const kinds = await this.#db.selectFrom('principal').select(['id', 'kind']).where('id', 'in', [group, user]).execute();
    if (!kinds.some((k) => k.id === group && k.kind === 'group')) throw new NotFoundError('group', 'account/group-not-found', { id: group });
    if (!kinds.some((k) => k.id === user && k.kind === 'user')) throw new NotFoundError('user', 'account/user-not-found', { id: user });
    await this.#db.insertInto('group_member').values({ group_id: group, member_id: user })
      .onConflict((oc) => oc.doNothing()).execute();
  }

  async removeMember(group: GroupId, user: UserId) {
    await this.#db.deleteFrom('group_member').where('group_id', '=', group).where('member_id', '=', user).execute();
  }

  async members(group: GroupId) {
    const rows = await this.#db.selectFrom('group_member').select('member_id').where('group_id', '=', group).orderBy('member_id').execute();
    return rows.map((r) => userId(r.member_id));
  }

  async groupsOf(user: UserId) {
    const rows = await this.#db.selectFrom('group_member').select('group_id').where('member_id', '=', user).orderBy('group_id').execute();
    return rows.map((r) => groupId(r.group_id));
  }

  async delete(id: GroupId) {
    const r = await this.#db.deleteFrom('principal').where('id', '=', id).where('kind', '=', 'group').executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new NotFoundError('group', 'account/group-not-found', { id });
  }
}
