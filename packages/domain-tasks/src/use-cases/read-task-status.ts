import type { ValidationIssue } from '@almanac/domain-kernel';
import { defaultStatus, statusAllowed, type TaskTypeCatalog, taskTypes } from '../model/infolog-types.js';
import { progressOfStatus, statusOfProgress } from '../model/progress.js';
import { TASK_STATUS, TASK_TYPE, type TaskData } from '../model/task.js';

type Bad = (member: string, message: string) => number | void;

const sameProgress = (a: string, b: string) => a === b || ([a, b].every((p) => p === 'in-process' || p === 'in-progress'));

/** `egroupware.org:type`: a type of the catalog; the stored one when absent, else `task`. */
export function readTaskType(raw: unknown, previous: TaskData | undefined, catalog: TaskTypeCatalog, bad: Bad): string | undefined {
  const allowed = taskTypes(catalog);
  if (raw === undefined) return previous?.[TASK_TYPE] ?? (allowed.includes('task') ? 'task' : allowed[0]);
  if (typeof raw === 'string' && allowed.includes(raw)) return raw;
  bad(TASK_TYPE, `invalid InfoLog type ${JSON.stringify(raw)}; allowed: ${allowed.join(', ')}`);
  return undefined;
}

/**
 * The InfoLog status a write asks for (behaviour §5.4). A status that differs from the stored one
 * wins and must be allowed for the type (else an issue listing the allowed ones); otherwise a
 * `progress` that differs from the stored status's progress decides (unknown → not-started); else
 * the stored status stays, reset to the type's default when the type no longer allows it. A
 * PATCH or merged PUT carries both members, so "differs" is what tells which one the client set.
 */
export function readTaskStatus(
  rawStatus: unknown, rawProgress: unknown, type: string | undefined, previous: TaskData | undefined, catalog: TaskTypeCatalog, bad: Bad,
): string | undefined {
  if (type === undefined) return undefined;
  const stored = previous?.[TASK_STATUS];
  if (rawStatus !== undefined && rawStatus !== stored) {
    if (typeof rawStatus === 'string' && statusAllowed(catalog, type, rawStatus)) return rawStatus;
    bad(TASK_STATUS, `invalid status ${JSON.stringify(rawStatus)} for type '${type}'; allowed: ${(catalog.statuses[type] ?? []).join(', ')}`);
    return undefined;
  }
  if (rawProgress !== undefined && !(stored !== undefined && typeof rawProgress === 'string' && sameProgress(rawProgress, progressOfStatus(stored)))) {
    if (typeof rawProgress === 'string') return statusOfProgress(rawProgress, type, catalog);
    bad('progress', 'must be a string');
    return undefined;
  }
  const kept = typeof rawStatus === 'string' ? rawStatus : stored;
  return kept !== undefined && statusAllowed(catalog, type, kept) ? kept : defaultStatus(catalog, type);
}
