import type { KernelRepositories, UnitOfWork } from '../ports/unit-of-work.js';

/** What a contract suite needs from an adapter under test: fresh, empty storage per call. */
export interface KernelStoreFixture {
  readonly repos: KernelRepositories;
  readonly uow: UnitOfWork;
  dispose(): Promise<void>;
}

export type KernelStoreFactory = () => Promise<KernelStoreFixture>;
