import {
  type CustomFieldDefinition, CUSTOM_FIELDS_MEMBER, type PrincipalId, readCustomFields, ValidationError, type ValidationIssue,
} from '@almanac/domain-kernel';
import { STOCK_TASK_TYPES, type TaskTypeCatalog } from '../model/infolog-types.js';
import { isObject, type JsonObject, setMembers } from '../model/json.js';
import { isLocalDateTime, isTimeZoneName } from '../model/local-time.js';
import { quantiseTaskPriority } from '../model/priority.js';
import { progressOfStatus } from '../model/progress.js';
import {
  DEPENDENT_MEMBERS, READ_ONLY_MEMBERS, TASK_COMPLETED, TASK_PRICE, TASK_PRICELIST, TASK_STATUS, TASK_TYPE, type TaskData,
} from '../model/task.js';
import { storedUid } from '../model/uid.js';
import type { TaskLookups } from '../ports/task-lookups.js';
import { readParticipants } from './read-participants.js';
import { readRelatedTo } from './read-related-to.js';
import { readTaskStatus, readTaskType } from './read-task-status.js';

export interface TaskInputContext {
  /**
   * `create` (POST, or a PUT that creates); `replace`: the input is the whole task (a PATCH arrives
   * already applied); `merge`: a PUT on an existing task, where omitted members keep their stored
   * values (behaviour §3.5: InfoLog merges).
   */
  readonly mode: 'create' | 'replace' | 'merge';
  /** The stored task, for `replace` and `merge`. */
  readonly previous?: TaskData;
  /** Members the request set to null (see prepareTaskBody): never kept by a merge. */
  readonly cleared?: ReadonlySet<string>;
  /** Strict media type: a created task must bring its own UID of at least 12 characters (behaviour §2.2). */
  readonly strict?: boolean;
  /** The owner of the collection: the task's owner participant. */
  readonly ownerId: PrincipalId;
  readonly customFields: readonly CustomFieldDefinition[];
  readonly lookups: TaskLookups;
  readonly types?: TaskTypeCatalog;
  /** Makes a UID for a task created without a usable one. */
  readonly generateUid: () => string;
  /** The UID a PUT that creates names in its URL, used when the body has none. */
  readonly uidFromUrl?: string;
}

/** The members this reader interprets; the rest is kept as it came (DECISIONS.md). */
const KNOWN = new Set([
  '@type', 'uid', 'title', 'description', 'timeZone', 'start', 'due', 'showWithoutTime', 'duration', 'estimatedDuration',
  'percentComplete', 'priority', 'privacy', 'keywords', 'progress', 'participants', 'replyTo', 'relatedTo', CUSTOM_FIELDS_MEMBER,
  TASK_TYPE, TASK_STATUS, TASK_COMPLETED, TASK_PRICE, ...READ_ONLY_MEMBERS,
]);
const DURATION = /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d*[1-9])?S)?)?$/;
const PRIVACY = ['public', 'private', 'secret'];

/**
 * Reads a task from canonical (RFC 8984) JSON as the JSCalendar codec returns it, applying the
 * InfoLog rules of behaviour §5.4: a known `egroupware.org:type`; the status validated per type,
 * or taken from `progress` (unknown → not-started); `percentComplete` an integer 0–100; priority
 * kept at InfoLog's four levels; one category; participants resolved to owner, responsible
 * accounts and CC'd addresses; parent and primary link checked; custom fields checked against
 * their definitions. Read-only members are ignored, unknown ones kept.
 * @returns the task to store, with `sequence` counting the writes.
 * @throws ValidationError with a JSON pointer per problem
 */
export async function readTaskInput(input: unknown, ctx: TaskInputContext): Promise<TaskData> {
  if (!isObject(input)) throw new ValidationError('a task must be a JSON object', [{ path: '', message: 'must be an object' }], 'task/invalid');
  const issues: ValidationIssue[] = [];
  const bad = (member: string, message: string) => issues.push({ path: `/${member}`, message });
  const previous = ctx.mode === 'create' ? undefined : ctx.previous;
  const src = ctx.mode === 'merge' && previous ? mergeWithStored(input, previous, ctx.cleared ?? new Set()) : input;
  const types = ctx.types ?? STOCK_TASK_TYPES;
  const out: JsonObject = { '@type': 'Task' };

  const uid = readUid(src.uid, ctx, bad);
  out.uid = uid;
  for (const member of ['title', 'description'] as const) {
    const v = src[member];
    if (v === undefined || v === '') continue;
    if (typeof v === 'string') out[member] = v;
    else bad(member, 'must be a string');
  }
  readTimes(src, out, bad);
  for (const member of ['duration', 'estimatedDuration'] as const) {
    const v = src[member];
    if (v === undefined) continue;
    if (typeof v === 'string' && DURATION.test(v)) out[member] = v;
    else bad(member, 'must be an RFC 8984 duration such as PT1H30M');
  }
  const percent = src.percentComplete;
  if (percent !== undefined) {
    if (typeof percent === 'number' && Number.isInteger(percent) && percent >= 0 && percent <= 100) {
      if (percent > 0) out.percentComplete = percent;
    } else bad('percentComplete', 'must be an integer from 0 to 100');
  }
  const priority = src.priority === undefined ? 5 : quantiseTaskPriority(src.priority);
  if (priority === undefined) bad('priority', 'must be an integer from 0 to 9');
  else out.priority = priority;
  const privacy = src.privacy ?? 'public';
  if (typeof privacy === 'string' && PRIVACY.includes(privacy)) out.privacy = privacy;
  else bad('privacy', `must be one of ${PRIVACY.join(', ')}`);
  if (src.keywords !== undefined) {
    const names = setMembers(src.keywords);
    if (!isObject(src.keywords) || names.length !== Object.keys(src.keywords).length) bad('keywords', 'must be an object like {"name": true}');
    else if (names.length > 1) bad('keywords', 'InfoLog supports only a single category');
    else if (names.length === 1) out.keywords = { [names[0]!]: true };
  }

  const type = readTaskType(src[TASK_TYPE], previous, types, bad);
  const status = readTaskStatus(src[TASK_STATUS], src.progress, type, previous, types, bad);
  if (type !== undefined) out[TASK_TYPE] = type;
  if (status !== undefined) {
    out[TASK_STATUS] = status;
    out.progress = progressOfStatus(status);
  }
  readExtensions(src, previous, out, bad);

  const participants = await readParticipants(src.participants, ctx.ownerId, ctx.lookups, issues);
  out.participants = participants;
  // RFC 8984 §4.4.4: replies go to the owner, who is always the collection's owner here; any
  // replyTo given is derived (the codec makes one from the owner participant) and not kept.
  const ownerEmail = participants[String(ctx.ownerId)]?.email;
  if (ownerEmail) out.replyTo = { imip: `mailto:${ownerEmail}` };
  const relatedTo = await readRelatedTo(src.relatedTo, uid, previous, ctx.lookups, issues);
  if (relatedTo) out.relatedTo = relatedTo;
  try {
    const cf = readCustomFields(ctx.customFields, src[CUSTOM_FIELDS_MEMBER], previous?.[CUSTOM_FIELDS_MEMBER]);
    if (cf) out[CUSTOM_FIELDS_MEMBER] = cf;
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    issues.push(...err.issues);
  }
  for (const [key, value] of Object.entries(src)) if (!KNOWN.has(key) && value !== undefined) out[key] = value;

  if (issues.length) {
    throw new ValidationError(`Error parsing JsTask attribute '${issues[0]!.path.slice(1)}': ${issues[0]!.message}`, issues, 'task/invalid');
  }
  out.sequence = previous ? (previous.sequence ?? 0) + 1 : 0;
  return out as TaskData;
}

/** Behaviour §3.5: a PUT keeps what it leaves out, unless it cleared it with null. */
function mergeWithStored(input: JsonObject, stored: TaskData, cleared: ReadonlySet<string>): JsonObject {
  const merged: JsonObject = { ...input };
  for (const [key, value] of Object.entries(stored)) {
    if (key in merged || cleared.has(key) || READ_ONLY_MEMBERS.has(key)) continue;
    // showWithoutTime follows start: a new start without it is judged afresh.
    if (DEPENDENT_MEMBERS.has(key) && 'start' in input) continue;
    merged[key] = value;
  }
  return merged;
}

function readUid(raw: unknown, ctx: TaskInputContext, bad: (m: string, msg: string) => void): string {
  const previous = ctx.mode === 'create' ? undefined : ctx.previous;
  if (previous) {
    // DECISIONS.md: a PUT without uid keeps the stored one; a different one is refused.
    if (raw === undefined) return previous.uid;
    if (typeof raw !== 'string' || storedUid(raw) !== previous.uid) bad('uid', 'must not change the UID of an existing task');
    return previous.uid;
  }
  const given = typeof raw === 'string' && raw.trim() !== '' ? storedUid(raw.trim()) : undefined;
  if (raw !== undefined && typeof raw !== 'string') bad('uid', 'must be a string');
  if (ctx.strict && (given === undefined || given.length < 12)) {
    bad('uid', 'required under the strict media type, at least 12 characters');
    return given ?? '';
  }
  // Behaviour §2.2: a missing or short UID is replaced by a generated one in relaxed mode.
  if (given !== undefined && given.length >= 12) return given;
  return ctx.uidFromUrl && given === undefined ? storedUid(ctx.uidFromUrl) : ctx.generateUid();
}

function readTimes(src: JsonObject, out: JsonObject, bad: (m: string, msg: string) => void): void {
  const zone = src.timeZone;
  if (zone !== undefined) {
    const custom = typeof zone === 'string' && zone.startsWith('/') && isObject(src.timeZones) && zone in src.timeZones;
    if (custom || isTimeZoneName(zone)) out.timeZone = zone;
    else bad('timeZone', `unknown time zone ${JSON.stringify(zone)}`);
  }
  for (const member of ['start', 'due'] as const) {
    const v = src[member];
    if (v === undefined) continue;
    if (isLocalDateTime(v)) out[member] = v;
    else bad(member, 'must be a local date-time such as 2024-05-10T10:00:00');
  }
  // Behaviour §5.4: a start at midnight shows without time, unless the writer said otherwise.
  const whole = typeof src.showWithoutTime === 'boolean' ? src.showWithoutTime : typeof out.start === 'string' && out.start.endsWith('T00:00:00');
  if (src.showWithoutTime !== undefined && typeof src.showWithoutTime !== 'boolean') bad('showWithoutTime', 'must be true or false');
  else if (whole) out.showWithoutTime = true;
}

function readExtensions(src: JsonObject, previous: TaskData | undefined, out: JsonObject, bad: (m: string, msg: string) => void): void {
  const completed = src[TASK_COMPLETED];
  if (completed !== undefined) {
    if (isLocalDateTime(completed)) out[TASK_COMPLETED] = completed;
    else bad(TASK_COMPLETED, 'must be a local date-time such as 2024-06-01T12:00:00');
  }
  const price = src[TASK_PRICE];
  if (price !== undefined) {
    const n = typeof price === 'string' && price.trim() !== '' ? Number(price) : price;
    if (typeof n !== 'number' || !Number.isFinite(n)) bad(TASK_PRICE, 'must be a number');
    else if (n !== 0) out[TASK_PRICE] = n;
  }
  // Read-only over REST (behaviour §5.4): whatever set it before stays.
  if (previous?.[TASK_PRICELIST] !== undefined) out[TASK_PRICELIST] = previous[TASK_PRICELIST];
}
