import type { AppTokenRepository } from './app-token-repository.js';
import type { CollectionRepository } from './collection-repository.js';
import type { CustomFieldRepository } from './custom-field-repository.js';
import type { GrantRepository } from './grant-repository.js';
import type { GroupRepository } from './group-repository.js';
import type { LinkRepository } from './link-repository.js';
import type { ResourceRepository } from './resource-repository.js';
import type { UserRepository } from './user-repository.js';

/** The repositories of the kernel, as one bundle that a unit of work hands out. */
export interface KernelRepositories {
  readonly users: UserRepository;
  readonly groups: GroupRepository;
  readonly collections: CollectionRepository;
  readonly grants: GrantRepository;
  readonly tokens: AppTokenRepository;
  readonly resources: ResourceRepository;
  readonly customFields: CustomFieldRepository;
  readonly links: LinkRepository;
}

/**
 * Runs work atomically: the repositories passed to `work` write in one transaction that
 * commits when `work` resolves and rolls back when it throws.
 */
export interface UnitOfWork {
  run<T>(work: (repos: KernelRepositories) => Promise<T>): Promise<T>;
}
