import type { KernelRepositories } from '@almanac/domain-kernel';
import { taskEtag, taskFacts, taskTitle } from '@almanac/domain-tasks';
import type { DavApp } from '../../dav/dav-app.js';
import { calendarQueryHook, type CalDavModel, partialTextHook } from '../caldav/caldav-hooks.js';
import { textOnce } from '../caldav/object-views.js';
import { asTask, TASK_CONTENT_TYPE, taskToICalendar } from './task-text.js';
import { readTaskText, type TaskLookupsFor, writeTask } from './task-writing.js';

/** What the CalDAV tasks app is built on: the same as the REST tasks app. */
export interface TasksDavAppDeps {
  readonly repos: KernelRepositories;
  /** The look-ups reading a task needs, seen with one writer's rights (the server's kernel adapter). */
  readonly lookupsFor: TaskLookupsFor;
}

/**
 * Task lists (InfoLog) over CalDAV (RFC 4791, behaviour §5.4, §6): VTODO resources stored as
 * received, the canonical Task derived by the JSCalendar codec and read with the REST app's
 * InfoLog rules (`readTaskInput`), ETag `"<id>:<sequence>:<revision>"` as REST's; tasks last
 * written as JSON generated as iCalendar. calendar-query with the VTODO time ranges of RFC 4791
 * §9.9 and partial calendar-data.
 *
 * @example createDavRouter({ …, apps: { infolog: tasksDavApp({ repos, lookupsFor }) } })
 */
export function tasksDavApp(deps: TasksDavAppDeps): DavApp {
  const lookups = (ctx: Parameters<CalDavModel['text']>[1]) => deps.lookupsFor(ctx.actor, ctx.me);
  const model: CalDavModel = {
    type: 'VTODO',
    text: (r, ctx) => textOnce(r, ctx, () => taskToICalendar(r, ctx, { repos: deps.repos, lookups: lookups(ctx) })),
    entry: (r) => asTask(r).data as unknown as ReturnType<CalDavModel['entry']>,
    // A task's stored range is its start to due, which says nothing of COMPLETED/CREATED or recurrence.
    rangeBoundsOccurrences: false,
  };
  return {
    app: 'infolog',
    kinds: ['tasks'],
    dataProperty: 'calendar-data',
    mediaTypes: [{ contentType: 'text/calendar', version: '2.0' }],
    components: () => ['VTODO'],
    etag: (r) => taskEtag(asTask(r)),
    contentType: () => TASK_CONTENT_TYPE,
    displayName: (r) => taskTitle(asTask(r).data),
    facts: (r) => taskFacts(asTask(r).data),
    toText: (r, { ctx }) => model.text(r, ctx),
    fromText: (text, ctx) => readTaskText(text, ctx, deps),
    write: (draft, ctx) => writeTask(deps.repos, draft, ctx),
    calendarQuery: calendarQueryHook(model),
    partialText: partialTextHook(model),
  };
}
