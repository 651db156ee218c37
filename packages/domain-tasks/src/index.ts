export {
  type TaskData, TASK_TYPE, TASK_STATUS, TASK_COMPLETED, TASK_PRICE, TASK_PRICELIST, PRIMARY_RELATION, READ_ONLY_MEMBERS,
} from './model/task.js';
export { type TaskTypeCatalog, STOCK_TASK_TYPES, taskTypes, statusAllowed, defaultStatus } from './model/infolog-types.js';
export { progressOfStatus, statusOfProgress } from './model/progress.js';
export { quantiseTaskPriority } from './model/priority.js';
export { isLocalDateTime, isTimeZoneName, localToInstant, instantToLocal } from './model/local-time.js';
export { storedUid, egroupwareUid, davNameOfUid } from './model/uid.js';
export type { TaskLookups, AccountSummary, PrimaryLinkRef, LinkTarget } from './ports/task-lookups.js';
export { prepareTaskBody, type PreparedTaskBody } from './use-cases/prepare-task-body.js';
export { readTaskInput, type TaskInputContext } from './use-cases/read-task-input.js';
export { readParticipants, responsibleIds, ccParticipantId } from './use-cases/read-participants.js';
export { readRelatedTo, parsePrimaryKey, parentUidOf, primaryLinkOf, withPrimaryLink } from './use-cases/read-related-to.js';
export { renderTask, egroupwareTaskShape, type RenderTaskContext } from './use-cases/render-task.js';
export { taskDraft, taskEtag, taskFacts, taskTimeRange, taskTitle } from './use-cases/task-draft.js';
export { RESPONSIBLE_MEMBERS, isResponsible, membersChangedBeyond } from './use-cases/responsible-edit.js';
