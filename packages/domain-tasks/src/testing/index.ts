export { InMemoryTaskLookups, type TaskLookupsFixture } from './in-memory-task-lookups.js';
export { describeTaskLookupsContract, TASK_LOOKUPS_FIXTURE, type TaskLookupsUnderTest } from './task-lookups-contract.js';
