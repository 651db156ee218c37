import { type App, ConflictError, type CustomFieldDefinition, type CustomFieldRepository, type CustomFieldType, NotFoundError } from '@almanac/domain-kernel';
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from '../pg-errors.js';
import type { CustomFieldTable, Database } from '../schema.js';

const toDefinition = (r: Selectable<CustomFieldTable>): CustomFieldDefinition => ({
  app: r.app as App, name: r.name, type: r.type as CustomFieldType, label: r.label, values: r.options, multiple: r.multiple,
});

export class PostgresCustomFieldRepository implements CustomFieldRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async list(app: App) {
    return (await this.#db.selectFrom('custom_field').selectAll().where('app', '=', app).orderBy('id').execute()).map(toDefinition);
  }

  async create(def: CustomFieldDefinition) {
    try {
      const row = await this.#db.insertInto('custom_field').values({
        app: def.app, name: def.name, type: def.type, label: def.label, options: JSON.stringify(def.values), multiple: def.multiple,
      }).returningAll().executeTakeFirstOrThrow();
      return toDefinition(row);
    } catch (err) {
      if (isUniqueViolation(err, 'custom_field_app_name_key')) {
        throw new ConflictError(`${def.app} already has a custom field '${def.name}'`, 'customfield/name-taken', { name: def.name });
      }
      throw err;
    }
  }

  async delete(app: App, name: string) {
    const r = await this.#db.deleteFrom('custom_field').where('app', '=', app).where('name', '=', name).executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new NotFoundError(`custom field '${name}'`, 'customfield/not-found');
  }
}
