import type { KernelRepositories, UnitOfWork } from '@almanac/domain-kernel';
import type { Kysely } from 'kysely';
import { PostgresGroupRepository } from './accounts/postgres-group-repository.js';
import { PostgresUserRepository } from './accounts/postgres-user-repository.js';
import { PostgresCollectionRepository } from './collections/postgres-collection-repository.js';
import { PostgresGrantRepository } from './collections/postgres-grant-repository.js';
import { PostgresResourceRepository } from './resources/postgres-resource-repository.js';
import type { Database } from './schema.js';
import { PostgresCustomFieldRepository } from './extras/postgres-custom-field-repository.js';
import { PostgresLinkRepository } from './extras/postgres-link-repository.js';
import { PostgresAppTokenRepository } from './tokens/postgres-app-token-repository.js';

/** The kernel's repositories over one Kysely handle (the pool, or a transaction). */
export function createPostgresRepositories(db: Kysely<Database>): KernelRepositories {
  return {
    users: new PostgresUserRepository(db),
    groups: new PostgresGroupRepository(db),
    collections: new PostgresCollectionRepository(db),
    grants: new PostgresGrantRepository(db),
    tokens: new PostgresAppTokenRepository(db),
    resources: new PostgresResourceRepository(db),
    customFields: new PostgresCustomFieldRepository(db),
    links: new PostgresLinkRepository(db),
  };
}

/** Runs work in one database transaction, with repositories bound to it. */
export class PostgresUnitOfWork implements UnitOfWork {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }
  run<T>(work: (repos: KernelRepositories) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute((trx) => work(createPostgresRepositories(trx)));
  }
}
