import type { Task } from '@almanac/codec-jscalendar';
import { jscalendarToICalendarText } from '@almanac/codec-jscalendar/icalendar';
import type { CustomFieldDefinition, KernelRepositories, StoredResource } from '@almanac/domain-kernel';
import {
  type AccountSummary, instantToLocal, localToInstant, renderTask, TASK_COMPLETED, type TaskData, type TaskLookups,
} from '@almanac/domain-tasks';
import type { DavRenderContext } from '../../dav/dav-app.js';

/** PRODID of iCalendar generated from tasks written as JSON. */
export const TASK_PROD_ID = '-//Almanac//InfoLog//EN';

/** `text/calendar` of tasks (GET Content-Type and `getcontenttype`). */
export const TASK_CONTENT_TYPE = 'text/calendar; charset=utf-8; component=VTODO';

export const asTask = (r: StoredResource) => r as StoredResource<TaskData>;

type ICalProps = unknown[][];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The InfoLog custom field definitions, looked up once per request. */
export async function customFieldsOnce(repos: Pick<KernelRepositories, 'customFields'>, ctx: DavRenderContext): Promise<readonly CustomFieldDefinition[]> {
  let fields = ctx.cache.get('caldav:infolog-custom-fields') as Promise<readonly CustomFieldDefinition[]> | undefined;
  if (!fields) ctx.cache.set('caldav:infolog-custom-fields', (fields = repos.customFields.list('infolog')));
  return fields;
}

/** The accounts a task names, looked up once per request. */
async function accountsOnce(lookups: TaskLookups, ids: readonly number[], ctx: DavRenderContext): Promise<Map<number, AccountSummary | undefined>> {
  let accounts = ctx.cache.get('caldav:infolog-accounts') as Map<number, AccountSummary | undefined> | undefined;
  if (!accounts) ctx.cache.set('caldav:infolog-accounts', (accounts = new Map()));
  for (const id of ids) if (!accounts.has(id)) accounts.set(id, await lookups.accountById(id));
  return accounts;
}

/**
 * The members of a task that iCalendar says differently (behaviour §5.4): InfoLog's completion
 * time becomes COMPLETED (UTC, RFC 5545 §3.8.2.1); `duration`, InfoLog's time spent, is no VTODO
 * DURATION (which would be the planned length, and may not stand beside DUE) and stays out.
 */
function forICalendar(task: Record<string, unknown>): Record<string, unknown> {
  const { duration: _spent, [TASK_COMPLETED]: completed, ...rest } = task;
  const when = typeof completed === 'string' ? localToInstant(completed, typeof task.timeZone === 'string' ? task.timeZone : 'UTC') : undefined;
  if (!when) return rest;
  const ical = isObject(rest.iCalComponent) ? rest.iCalComponent : { '@type': 'ICalComponent', name: 'vtodo' };
  const properties = [...((ical.properties as ICalProps | undefined) ?? []), ['completed', {}, 'date-time', `${when.toISOString().slice(0, 19)}Z`]];
  return { ...rest, iCalComponent: { ...ical, properties } };
}

/**
 * The way back: COMPLETED (kept by the codec among the VTODO's unmapped properties) becomes
 * InfoLog's completion time, a LocalDateTime in the task's zone.
 */
export function fromICalendar(task: Task & Record<string, unknown>): Task & Record<string, unknown> {
  const ical = isObject(task.iCalComponent) ? task.iCalComponent : undefined;
  const properties = (ical?.properties as ICalProps | undefined) ?? [];
  const completed = properties.find((p) => p[0] === 'completed');
  if (!completed || typeof completed[3] !== 'string') return task;
  const at = new Date(completed[3].endsWith('Z') ? completed[3] : `${completed[3]}Z`);
  if (Number.isNaN(at.getTime())) return task;
  const rest = properties.filter((p) => p !== completed);
  const out: Task & Record<string, unknown> = { ...task, [TASK_COMPLETED]: instantToLocal(at, typeof task.timeZone === 'string' ? task.timeZone : 'UTC') };
  if (rest.length || Object.keys(ical!).some((k) => k !== 'properties' && k !== '@type' && k !== 'name')) out.iCalComponent = { ...ical!, properties: rest } as never;
  else delete out.iCalComponent;
  return out;
}

/**
 * A task written as JSON, as iCalendar: the REST view of it (renderTask: server members,
 * participants as the accounts are now, custom fields) written by the JSCalendar codec; InfoLog
 * members without an iCalendar property travel as JSCAL-PROP, so that a client that keeps
 * unknown properties sends them back.
 * @throws Error when the codec cannot write it (the resource is then answered alone with 500)
 */
export async function taskToICalendar(r: StoredResource, ctx: DavRenderContext, deps: { repos: Pick<KernelRepositories, 'customFields'>; lookups: TaskLookups }): Promise<string> {
  const task = asTask(r);
  const ownerId = ctx.collectionOf(r).ownerId;
  const ids = [ownerId, ...Object.keys(task.data.participants ?? {}).filter((k) => /^\d+$/.test(k)).map(Number)];
  const accounts = await accountsOnce(deps.lookups, ids, ctx);
  const canonical = renderTask(task, { ownerId, customFields: await customFieldsOnce(deps.repos, ctx), prodId: TASK_PROD_ID, account: (id) => accounts.get(id) });
  const text = jscalendarToICalendarText(forICalendar(canonical) as unknown as Task, { prodId: TASK_PROD_ID });
  if (!text.ok) throw new Error(`task ${r.id} cannot be written as iCalendar: ${text.errors[0]?.message ?? ''}`);
  return text.value;
}
