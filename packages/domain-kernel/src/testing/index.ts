export { InMemoryKernelStore } from './in-memory-store.js';
export type { KernelStoreFactory, KernelStoreFixture } from './contract-fixture.js';
export { describeAccountsContract, newUser } from './accounts-contract.js';
export { describeCollectionsContract } from './collections-contract.js';
export { describeResourcesContract, type ResourcesContractOptions } from './resources-contract.js';
export { describeUnitOfWorkContract } from './unit-of-work-contract.js';
export { describeExtrasContract } from './extras-contract.js';
export { InMemoryDeadPropertyRepository } from './in-memory-dead-properties.js';
export { describeDeadPropertiesContract, type DeadPropertiesFixture } from './dead-properties-contract.js';

import type { KernelStoreFactory } from './contract-fixture.js';
import { describeAccountsContract } from './accounts-contract.js';
import { describeCollectionsContract } from './collections-contract.js';
import { describeResourcesContract, type ResourcesContractOptions } from './resources-contract.js';
import { describeUnitOfWorkContract } from './unit-of-work-contract.js';
import { describeExtrasContract } from './extras-contract.js';

/** Every kernel port contract, for an adapter that implements them all. */
export function describeKernelStoreContract(label: string, factory: KernelStoreFactory, options: ResourcesContractOptions = {}): void {
  describeAccountsContract(label, factory);
  describeCollectionsContract(label, factory);
  describeResourcesContract(label, factory, options);
  describeUnitOfWorkContract(label, factory);
  describeExtrasContract(label, factory);
}
