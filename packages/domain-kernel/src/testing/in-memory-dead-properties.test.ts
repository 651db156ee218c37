import { describeDeadPropertiesContract } from './dead-properties-contract.js';
import { InMemoryDeadPropertyRepository } from './in-memory-dead-properties.js';
import { InMemoryKernelStore } from './in-memory-store.js';

describeDeadPropertiesContract('in-memory', async () => {
  const store = new InMemoryKernelStore();
  return { repos: store.repos, deadProperties: new InMemoryDeadPropertyRepository(store.repos.collections), dispose: async () => {} };
});
