import { describeTimesheetStatusContract } from './timesheet-status-contract.js';
import { InMemoryTimesheetStatusRepository } from './in-memory-timesheet-status-repository.js';

describeTimesheetStatusContract('in-memory', async () => ({ repo: new InMemoryTimesheetStatusRepository(), dispose: async () => {} }));
