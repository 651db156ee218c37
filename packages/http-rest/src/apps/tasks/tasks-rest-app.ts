import { type Actor, ForbiddenError, type KernelRepositories, type StoredResource, type User, ValidationError } from '@almanac/domain-kernel';
import {
  type AccountSummary, isResponsible, membersChangedBeyond, readTaskInput, renderTask, RESPONSIBLE_MEMBERS, type TaskData, taskDraft, taskEtag,
  taskFacts, type TaskLookups, taskTitle,
} from '@almanac/domain-tasks';
import type { RestApp, RestStoreContext } from '../../rest-app.js';
import { TASK_FILTER_COLUMNS } from './task-filter-columns.js';
import { inClientTerms, parseTaskBody, taskError, taskInProfile } from './task-json.js';
import { TaskLinkHooks } from './task-link-hooks.js';
import { TASK_SCHEMAS } from './task-schemas.js';

const asTask = (r: StoredResource) => r as StoredResource<TaskData>;
const PROD_ID = 'Almanac InfoLog';

/**
 * Behaviour §4.3: without EDIT, the users and groups responsible for a task may still change its
 * progress (status, percent done, completion).
 * @throws ForbiddenError
 */
function assertMayEdit(existing: StoredResource<TaskData>, next: TaskData, ctx: RestStoreContext): void {
  if (ctx.may('edit', existing)) return;
  if (!isResponsible(existing.data, [ctx.actor.userId, ...ctx.actor.groupIds])) throw new ForbiddenError('you may not edit this entry', 'access/no-edit');
  const beyond = membersChangedBeyond(existing.data, next);
  if (beyond.length) {
    throw new ForbiddenError(`as a responsible user you may change only ${[...RESPONSIBLE_MEMBERS].join(', ')}, not ${beyond.join(', ')}`, 'access/responsible-only', { members: beyond });
  }
}

/** What the tasks app is built on. */
export interface TasksRestAppDeps {
  readonly repos: KernelRepositories;
  /**
   * The look-ups reading a task needs, seen with one writer's rights (the server's kernel adapter;
   * the DAV tasks app gets the same, so both interfaces resolve participants and links alike).
   */
  readonly lookupsFor: (actor: Actor, me: User) => TaskLookups;
}

/**
 * Tasks (InfoLog) over REST (behaviour §5.4, seed 002): canonical RFC 8984 Tasks stored with the
 * InfoLog members, shown as `application/jscalendar+json;type=task` in the `egroupware` profile
 * or, on request, `rfc`. A PUT merges what it omits with the stored task (behaviour §3.5); a
 * primary link in `relatedTo` and the links sub-collection are kept in step; responsible users
 * may change a task's progress without an EDIT grant (behaviour §4.3).
 */
export function tasksRestApp(deps: TasksRestAppDeps): RestApp {
  const { repos } = deps;
  const hooks = new TaskLinkHooks(repos);
  return {
    app: 'infolog',
    dataProperty: 'calendar-data',
    flatPost: true,
    filterColumns: TASK_FILTER_COLUMNS,
    segment: (r) => String(r.id),
    etag: (r) => taskEtag(asTask(r)),
    contentType: () => 'application/jscalendar+json;type=task;charset=utf-8',
    displayName: (r) => taskTitle(asTask(r).data),
    facts: (r) => taskFacts(asTask(r).data),
    async renderer(ctx) {
      const customFields = await repos.customFields.list('infolog');
      const lookups = deps.lookupsFor(ctx.actor, ctx.me);
      const accounts = new Map<number, AccountSummary | undefined>();
      return async (r) => {
        const task = asTask(r);
        const ownerId = ctx.collectionOf(r).ownerId;
        for (const id of [ownerId, ...Object.keys(task.data.participants ?? {}).filter((k) => /^\d+$/.test(k)).map(Number)]) {
          if (!accounts.has(id)) accounts.set(id, await lookups.accountById(id));
        }
        const canonical = renderTask(task, { ownerId, customFields, prodId: PROD_ID, account: (id) => accounts.get(id) });
        return taskInProfile(canonical, ctx.profile);
      };
    },
    async read(body, ctx) {
      const existing = ctx.existing && asTask(ctx.existing);
      // A PATCH arrives applied to the JSON the client sees (its profile); the strict media type
      // has already held the patch to RFC 8984 PatchObject rules, so the whole is read leniently.
      const { task, cleared } = parseTaskBody(body, ctx.strict && ctx.method !== 'PATCH');
      try {
        const data = await readTaskInput(task, {
          mode: !existing ? 'create' : ctx.method === 'PUT' ? 'merge' : 'replace',
          previous: existing?.data,
          cleared,
          strict: ctx.strict,
          ownerId: ctx.collection.ownerId,
          customFields: await repos.customFields.list('infolog'),
          lookups: deps.lookupsFor(ctx.actor, ctx.me),
          generateUid: () => globalThis.crypto.randomUUID(),
          uidFromUrl: ctx.segment,
        });
        return taskDraft(data);
      } catch (err) {
        if (err instanceof ValidationError) throw taskError(inClientTerms(err.issues, body));
        throw err;
      }
    },
    async write(draft, ctx) {
      const existing = ctx.existing && asTask(ctx.existing);
      if (!existing) return repos.resources.create(ctx.collection.id, draft);
      assertMayEdit(existing, draft.data as TaskData, ctx);
      return repos.resources.replace(ctx.collection.id, existing.id, draft, { ifRevision: existing.revision });
    },
    schemas: TASK_SCHEMAS,
    afterWrite: (r, ctx) => hooks.afterWrite(r, ctx.me),
    linkAdded: (entry, link) => hooks.linkAdded(entry, link),
    linkRemoved: (entry, link) => hooks.linkRemoved(entry, link),
  };
}
