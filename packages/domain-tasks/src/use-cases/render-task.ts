import type { Participant } from '@almanac/codec-jscalendar';
import { type CustomFieldDefinition, CUSTOM_FIELDS_MEMBER, renderCustomFields, type StoredResource } from '@almanac/domain-kernel';
import { isObject, type JsonObject } from '../model/json.js';
import { TASK_COMPLETED, TASK_PRICE, TASK_PRICELIST, TASK_STATUS, TASK_TYPE, type TaskData } from '../model/task.js';
import { egroupwareUid } from '../model/uid.js';
import type { AccountSummary } from '../ports/task-lookups.js';
import { accountParticipant } from './read-participants.js';

export interface RenderTaskContext {
  /** The owner of the task's collection. */
  readonly ownerId: number;
  /** Accounts loaded for this rendering (names and addresses are shown as they are now). */
  readonly account: (id: number) => AccountSummary | undefined;
  readonly customFields: readonly CustomFieldDefinition[];
  /** e.g. `Almanac InfoLog`. */
  readonly prodId: string;
}

// The reference's member order (behaviour §5.4), which its clients' fixtures follow.
const ORDER = [
  '@type', 'prodId', 'uid', 'sequence', 'created', 'updated', 'title', 'start', 'showWithoutTime', 'timeZone', 'due', 'duration',
  'estimatedDuration', 'description', 'participants', 'progress', 'priority', 'keywords', 'privacy', 'percentComplete', TASK_TYPE,
  TASK_STATUS, TASK_PRICELIST, TASK_PRICE, TASK_COMPLETED, 'locations', 'relatedTo', CUSTOM_FIELDS_MEMBER,
];

const utc = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
// Behaviour §5: empty, null, false and 0 values are omitted (RFC 8984 defaults make that lossless).
const empty = (v: unknown) => v === undefined || v === null || v === '' || v === 0 || v === false;

/**
 * A stored task as canonical RFC 8984 JSON for a response: the server's members (`prodId`,
 * `created`, `updated`, `sequence`), participants' names and addresses as the accounts have them
 * now (the owner added if missing), custom fields with their definitions; empty values omitted,
 * members in the reference's order, unknown members last. Pass it to the codec's
 * `formatJSCalendar` for the requested profile, then `egroupwareTaskShape` for `egroupware`.
 */
export function renderTask(r: StoredResource<TaskData>, ctx: RenderTaskContext): JsonObject {
  const d = r.data as unknown as JsonObject;
  const values: JsonObject = {
    ...d, '@type': 'Task', prodId: ctx.prodId, uid: r.data.uid, created: utc(r.createdAt), updated: utc(r.updatedAt),
    participants: participantsNow(r.data, ctx),
    [CUSTOM_FIELDS_MEMBER]: renderCustomFields(ctx.customFields, r.data[CUSTOM_FIELDS_MEMBER]),
  };
  const out: JsonObject = {};
  for (const key of [...ORDER, ...Object.keys(values)]) {
    if (!(key in out) && !empty(values[key])) out[key] = values[key];
  }
  return out;
}

function participantsNow(data: TaskData, ctx: RenderTaskContext): Record<string, Participant> {
  const out: Record<string, Participant> = {};
  for (const [key, p] of Object.entries(data.participants ?? {})) {
    const account = /^\d+$/.test(key) ? ctx.account(Number(key)) : undefined;
    if (!account) {
      out[key] = p;
      continue;
    }
    const { name: _n, email: _e, sendTo: _s, kind: _k, ...rest } = p;
    out[key] = { ...rest, ...accountParticipant(account, p.roles ?? {}) };
  }
  if (!Object.values(out).some((p) => p.roles?.owner)) {
    const owner = ctx.account(ctx.ownerId);
    out[String(ctx.ownerId)] = owner ? accountParticipant(owner, { owner: true }) : { '@type': 'Participant', kind: 'individual', roles: { owner: true } };
  }
  return out;
}

/**
 * The task-specific part of the `egroupware` profile that the JSCalendar codec leaves alone
 * (behaviour §5, §5.4): a UUID as `urn:uuid:` UID (parent keys in `relatedTo` stay bare, as
 * seed 002 shows them), CC'd participants keyed by their email address. Apply after `formatJSCalendar(…, { profile:
 * 'egroupware' })`. Pure.
 */
export function egroupwareTaskShape(task: JsonObject): JsonObject {
  const out: JsonObject = { ...task };
  if (typeof out.uid === 'string') out.uid = egroupwareUid(out.uid);
  if (isObject(out.participants)) {
    out.participants = Object.fromEntries(Object.entries(out.participants).map(([k, p]) => {
      const cc = isObject(p) && isObject(p.roles) && p.roles.informational === true && !/^\d+$/.test(k) && typeof p.email === 'string';
      return [cc ? (p as JsonObject).email as string : k, p];
    }));
  }
  return out;
}
