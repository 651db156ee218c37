import { describeTaskLookupsContract } from './task-lookups-contract.js';
import { InMemoryTaskLookups } from './in-memory-task-lookups.js';

describeTaskLookupsContract('in-memory', async (fixture) => ({
  lookups: new InMemoryTaskLookups(fixture), idOf: (id) => id, accountIdOf: (id) => id, dispose: async () => {},
}));
