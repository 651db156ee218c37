import { type Clock, systemClock } from '../clock.js';
import type { KernelRepositories, UnitOfWork } from '../ports/unit-of-work.js';
import { InMemoryGroupRepository, InMemoryUserRepository } from './in-memory-accounts.js';
import { InMemoryAppTokenRepository, InMemoryCollectionRepository, InMemoryGrantRepository } from './in-memory-collections.js';
import { InMemoryResourceRepository } from './in-memory-resources.js';
import { InMemoryCustomFieldRepository, InMemoryLinkRepository } from './in-memory-extras.js';
import { emptyState, type InMemoryState } from './in-memory-state.js';

/**
 * All kernel repositories over one in-memory state, for unit tests of use cases. A unit of
 * work snapshots the state and restores it when the work throws, like a rollback.
 */
export class InMemoryKernelStore implements UnitOfWork {
  #state: InMemoryState = emptyState();
  readonly repos: KernelRepositories;

  constructor(clock: Clock = systemClock) {
    const state = () => this.#state;
    this.repos = {
      users: new InMemoryUserRepository(state, clock),
      groups: new InMemoryGroupRepository(state, clock),
      collections: new InMemoryCollectionRepository(state, clock),
      grants: new InMemoryGrantRepository(state),
      tokens: new InMemoryAppTokenRepository(state, clock),
      resources: new InMemoryResourceRepository(state, clock),
      customFields: new InMemoryCustomFieldRepository(state),
      links: new InMemoryLinkRepository(state, clock),
    };
  }

  async run<T>(work: (repos: KernelRepositories) => Promise<T>): Promise<T> {
    const snapshot = structuredClone(this.#state);
    try {
      return await work(this.repos);
    } catch (err) {
      this.#state = snapshot;
      throw err;
    }
  }
}
