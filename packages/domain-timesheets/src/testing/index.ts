export { InMemoryTimesheetStatusRepository } from './in-memory-timesheet-status-repository.js';
export { describeTimesheetStatusContract } from './timesheet-status-contract.js';
