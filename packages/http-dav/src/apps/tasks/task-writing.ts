import type { Task } from '@almanac/codec-jscalendar';
import { ForbiddenError, type KernelRepositories, type ResourceDraft, type StoredResource } from '@almanac/domain-kernel';
import {
  isResponsible, membersChangedBeyond, readTaskInput, RESPONSIBLE_MEMBERS, storedUid, TASK_PRICE, TASK_TYPE, type TaskData, taskDraft,
  type TaskLookups,
} from '@almanac/domain-tasks';
import type { DavStoreContext, DavWriteContext } from '../../dav/dav-app.js';
import { readCalendarObject } from '../caldav/calendar-object.js';
import { asTask, customFieldsOnce, fromICalendar } from './task-text.js';

/** What the tasks app reads and writes with. */
export interface TaskStoreDeps {
  readonly repos: KernelRepositories;
  readonly lookupsFor: TaskLookupsFor;
}
export type TaskLookupsFor = (actor: DavWriteContext['actor'], me: DavWriteContext['me']) => TaskLookups;

/**
 * InfoLog members no VTODO property carries (the time spent, the type, the price, custom fields):
 * a PUT that does not mention them (a client that drops unknown properties) keeps the stored ones.
 */
const KEPT_WHEN_ABSENT = ['duration', TASK_TYPE, TASK_PRICE, 'egroupware.org:customfields'];

/**
 * Reads a PUT body into a task draft: one VTODO (RFC 4791 §4.1) converted by the codec, then read
 * by `readTaskInput` with the InfoLog rules of the REST app (types, statuses from STATUS,
 * priorities, one category, participants resolved to the owner, responsible accounts and CC'd
 * addresses, parent and primary link checked). The UID is the client's, short ones too.
 * @throws ValidationError / DavPreconditionError (valid-calendar-data, supported-calendar-component, …)
 */
export async function readTaskText(text: string, ctx: DavWriteContext, deps: TaskStoreDeps): Promise<ResourceDraft<TaskData>> {
  const entry: Record<string, unknown> = fromICalendar(readCalendarObject<Task>(text, 'VTODO').entry as Task & Record<string, unknown>);
  const uid = storedUid(String(entry.uid));
  const previous = ctx.existing && asTask(ctx.existing).data;
  // A different UID: the layer answers no-uid-conflict (RFC 4791 §5.3.2.1) before anything is read.
  if (previous && uid !== previous.uid) return { uid, name: ctx.name, kind: 'task', data: entry as unknown as TaskData };
  if (previous) for (const member of KEPT_WHEN_ABSENT) if (entry[member] === undefined && previous[member] !== undefined) entry[member] = previous[member];
  const data = await readTaskInput(entry, {
    mode: previous ? 'replace' : 'create',
    previous,
    strict: false,
    ownerId: ctx.collection.ownerId,
    customFields: await customFieldsOnce(deps.repos, ctx),
    lookups: deps.lookupsFor(ctx.actor, ctx.me),
    generateUid: () => uid,
  });
  return { ...taskDraft(data), name: ctx.name };
}

/**
 * Stores a PUT of a task as the REST app does: a create in the collection, or a replace guarded by
 * the revision read; without EDIT, the users and groups responsible for the task may still change
 * its progress (behaviour §4.3).
 * @throws ForbiddenError
 */
export async function writeTask(repos: KernelRepositories, draft: ResourceDraft, ctx: DavStoreContext): Promise<StoredResource> {
  const existing = ctx.existing && asTask(ctx.existing);
  if (!existing) return repos.resources.create(ctx.collection.id, draft);
  if (!ctx.may('edit', existing)) {
    if (!isResponsible(existing.data, [ctx.actor.userId, ...ctx.actor.groupIds])) throw new ForbiddenError('you may not edit this entry', 'access/no-edit');
    const beyond = membersChangedBeyond(existing.data, draft.data as TaskData);
    if (beyond.length) {
      throw new ForbiddenError(`as a responsible user you may change only ${[...RESPONSIBLE_MEMBERS].join(', ')}, not ${beyond.join(', ')}`, 'access/responsible-only', { members: beyond });
    }
  }
  return repos.resources.replace(ctx.collection.id, existing.id, draft, { ifRevision: existing.revision });
}
