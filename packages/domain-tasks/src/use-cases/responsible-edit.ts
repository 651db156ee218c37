import type { PrincipalId } from '@almanac/domain-kernel';
import { isObject } from '../model/json.js';
import { TASK_COMPLETED, TASK_STATUS, type TaskData } from '../model/task.js';
import { responsibleIds } from './read-participants.js';

/**
 * Behaviour §4.3: responsible users and groups may change some members of a task without an EDIT
 * grant. These are the reference's defaults (its `responsible_edit`: status, percent done and the
 * completion date), with `progress`, which follows the status.
 */
export const RESPONSIBLE_MEMBERS: ReadonlySet<string> = new Set([TASK_STATUS, 'progress', 'percentComplete', TASK_COMPLETED]);

/** Whether any of the principals (a user and its groups) is responsible for the task. */
export const isResponsible = (data: TaskData, principals: readonly PrincipalId[]): boolean =>
  responsibleIds(data.participants).some((id) => principals.includes(id));

// Participants are compared by who takes part in which role: names and addresses come from the
// accounts at each write, so they may differ without anyone having edited them.
function comparable(key: string, value: unknown): string {
  if (key !== 'participants' || !isObject(value)) return stable(value);
  return stable(Object.fromEntries(Object.entries(value).map(([k, p]) => [k, isObject(p) ? p.roles ?? null : p])));
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value) ?? 'undefined';
  return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(',')}}`;
}

/**
 * The top-level members a write changes besides `allowed` (and the write counter `sequence`), in
 * name order; empty when the write stays within them. Pure.
 * @example membersChangedBeyond(stored, { ...stored, title: 'x', percentComplete: 50 }) // ['title']
 */
export function membersChangedBeyond(previous: TaskData, next: TaskData, allowed: ReadonlySet<string> = RESPONSIBLE_MEMBERS): string[] {
  const before = previous as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
    .filter((k) => k !== 'sequence' && !allowed.has(k) && comparable(k, before[k]) !== comparable(k, after[k]));
}
