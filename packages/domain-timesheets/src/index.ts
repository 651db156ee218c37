export type { TimesheetData } from './model/timesheet.js';
export { READ_ONLY_MEMBERS, KNOWN_MEMBERS } from './model/timesheet.js';
export { isoDurationMinutes, readMinutes } from './model/durations.js';
export { readUtcDateTime, formatUtc } from './model/instants.js';
export type { TimesheetStatusRepository } from './ports/timesheet-status-repository.js';
export { readTimesheetInput, type TimesheetInputContext } from './use-cases/read-timesheet-input.js';
export { renderTimesheet, timesheetEtag, timesheetTitle, type RenderTimesheetContext } from './use-cases/render-timesheet.js';
export { timesheetDraft } from './use-cases/timesheet-draft.js';
export { timesheetInputSchema, timesheetSchema } from './model/timesheet-schema.js';
