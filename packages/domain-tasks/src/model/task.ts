import type { Task } from '@almanac/codec-jscalendar';
import type { CustomFieldValue } from '@almanac/domain-kernel';

/** The InfoLog extension members of a Task (behaviour §5.4), by role. */
export const TASK_TYPE = 'egroupware.org:type';
export const TASK_STATUS = 'egroupware.org:status';
export const TASK_COMPLETED = 'egroupware.org:completed';
export const TASK_PRICE = 'egroupware.org:price';
export const TASK_PRICELIST = 'egroupware.org:pricelist';

/** The relation (a `relatedTo` key of the form `<app>:<id>`) naming an InfoLog entry's primary link. */
export const PRIMARY_RELATION = 'egroupware.org-primary';

/**
 * A task as stored: a canonical RFC 8984 Task (the `rfc` profile) with the InfoLog members.
 * `duration` is the time already spent (behaviour §5.4; RFC 8984 Tasks have none, the codec keeps
 * it). `sequence` counts the writes after the first (the middle part of the ETag). Participants
 * are keyed by account id (owner, responsible users and groups) or by email (CC'd addresses).
 * Members Almanac does not model are kept as they came (DECISIONS.md).
 */
export interface TaskData extends Task {
  readonly [TASK_TYPE]: string;
  readonly [TASK_STATUS]: string;
  /** A LocalDateTime in the task's time zone. */
  readonly [TASK_COMPLETED]?: string;
  readonly [TASK_PRICE]?: number;
  /** Read-only over REST: set by other tools, kept across writes. */
  readonly [TASK_PRICELIST]?: number;
  readonly 'egroupware.org:customfields'?: Readonly<Record<string, CustomFieldValue>>;
}

/** Members the server computes; input values for them are ignored (behaviour §3.12, §5.3). */
export const READ_ONLY_MEMBERS: ReadonlySet<string> = new Set([
  'prodId', 'created', 'updated', 'sequence', 'status', TASK_PRICELIST,
]);

/** Members that follow another one and are recomputed when it changes, not merged on PUT. */
export const DEPENDENT_MEMBERS: ReadonlySet<string> = new Set(['showWithoutTime']);
