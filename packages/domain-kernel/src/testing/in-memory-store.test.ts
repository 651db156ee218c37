import { describeKernelStoreContract } from './index.js';
import { InMemoryKernelStore } from './in-memory-store.js';

describeKernelStoreContract('in-memory', async () => {
  const store = new InMemoryKernelStore();
  return { repos: store.repos, uow: store, dispose: async () => {} };
});
