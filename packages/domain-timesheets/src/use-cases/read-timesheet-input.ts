import {
  type CustomFieldDefinition, CUSTOM_FIELDS_MEMBER, readCustomFields, ValidationError, type ValidationIssue,
} from '@almanac/domain-kernel';
import { readMinutes } from '../model/durations.js';
import { readUtcDateTime } from '../model/instants.js';
import { KNOWN_MEMBERS, READ_ONLY_MEMBERS, type TimesheetData } from '../model/timesheet.js';

export interface TimesheetInputContext {
  /** Both need the whole entry (PUT replaces, behaviour §3.5); a PATCH arrives here already merged. */
  readonly mode: 'create' | 'replace';
  readonly previous?: TimesheetData;
  readonly statuses: readonly string[];
  readonly customFields: readonly CustomFieldDefinition[];
  /** Resolves an account reference (email, login or numeric id) to a user id. */
  readonly resolveAccount: (ref: string) => Promise<number | undefined>;
  /** The user writing, recorded as `modifier`. */
  readonly actorId: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a timesheet from request JSON (behaviour §5.5): minutes or ISO durations, any parseable
 * start (UTC when no zone), a single category, a known status label, `quantity` defaulting to
 * hours worked, custom fields checked against their definitions, unknown members kept.
 * Read-only members (`id`, `etag`, `created`, `modified`, `modifier`, `owner`) are ignored.
 * @throws ValidationError with a JSON pointer per problem.
 */
export async function readTimesheetInput(input: unknown, ctx: TimesheetInputContext): Promise<TimesheetData> {
  if (!isObject(input)) throw new ValidationError('a timesheet must be a JSON object', [{ path: '', message: 'must be an object' }], 'timesheet/invalid');
  const issues: ValidationIssue[] = [];
  const bad = (member: string, message: string) => issues.push({ path: `/${member}`, message });
  const out: Record<string, unknown> = { '@type': 'timesheet' };

  const title = input.title;
  if (typeof title !== 'string' || title.trim() === '') bad('title', 'required, a non-empty string');
  else out.title = title;
  const start = input.start === undefined ? undefined : readUtcDateTime(input.start);
  if (start === undefined) bad('start', 'required, a date-time such as 2024-02-06T10:00:00Z');
  else out.start = start;
  const duration = input.duration === undefined ? undefined : readMinutes(input.duration);
  if (duration === undefined) bad('duration', 'required, minutes or an ISO 8601 duration such as PT1H30M');
  else out.duration = duration;

  if (input.description !== undefined && input.description !== null) {
    if (typeof input.description === 'string') { if (input.description) out.description = input.description; } else bad('description', 'must be a string');
  }
  if (input.paused !== undefined && input.paused !== null) {
    const paused = readMinutes(input.paused);
    if (paused === undefined) bad('paused', 'minutes or an ISO 8601 duration');
    else if (paused > 0) out.paused = paused;
  }
  for (const member of ['quantity', 'unitprice'] as const) {
    const v = input[member];
    if (v === undefined || v === null) continue;
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n)) bad(member, 'must be a number');
    else out[member] = n;
  }
  // Behaviour §5.5: quantity defaults to the hours worked.
  if (out.quantity === undefined && typeof out.duration === 'number') out.quantity = Math.round((out.duration / 60) * 1e6) / 1e6;
  if (out.unitprice === 0) delete out.unitprice;
  if (input.project !== undefined && input.project !== null) {
    if (typeof input.project === 'string') { if (input.project) out.project = input.project; } else bad('project', 'must be a string');
  }
  if (input.pricelist !== undefined && input.pricelist !== null) {
    if (Number.isSafeInteger(input.pricelist)) out.pricelist = input.pricelist; else bad('pricelist', 'must be an integer id');
  }
  readCategory(input.category, out, bad);
  if (input.status !== undefined && input.status !== null && input.status !== '') {
    if (typeof input.status !== 'string' || !ctx.statuses.includes(input.status)) {
      bad('status', ctx.statuses.length ? `unknown status; allowed: ${ctx.statuses.join(', ')}` : 'no timesheet statuses are defined');
    } else out.status = input.status;
  }
  await readReadable(input.readable, ctx, out, bad);
  try {
    const cf = readCustomFields(ctx.customFields, input[CUSTOM_FIELDS_MEMBER], ctx.previous?.[CUSTOM_FIELDS_MEMBER]);
    if (cf) out[CUSTOM_FIELDS_MEMBER] = cf;
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    issues.push(...err.issues);
  }
  for (const [key, value] of Object.entries(input)) {
    if (!KNOWN_MEMBERS.has(key) && !READ_ONLY_MEMBERS.has(key) && value !== undefined) out[key] = value;
  }
  if (issues.length) {
    throw new ValidationError(`Error parsing JsTimesheet attribute '${issues[0]!.path.slice(1)}': ${issues[0]!.message}`, issues, 'timesheet/invalid');
  }
  out.modifier = ctx.actorId;
  return out as unknown as TimesheetData;
}

function readCategory(value: unknown, out: Record<string, unknown>, bad: (m: string, msg: string) => void): void {
  if (value === undefined || value === null) return;
  const names = typeof value === 'string' ? [value] : isObject(value) ? Object.keys(value).filter((k) => value[k] === true) : undefined;
  if (!names) return bad('category', 'must be an object like {"name": true}');
  if (names.length > 1) return bad('category', 'only one category is allowed');
  if (names[0]) out.category = names[0];
}

async function readReadable(value: unknown, ctx: TimesheetInputContext, out: Record<string, unknown>, bad: (m: string, msg: string) => void): Promise<void> {
  if (value === undefined || value === null) return;
  const refs = Array.isArray(value) ? value.map(String) : isObject(value) ? Object.keys(value).filter((k) => value[k] === true) : undefined;
  if (!refs) return bad('readable', 'must be an object like {"user@example.org": true}');
  const ids: number[] = [];
  for (const ref of refs) {
    const id = await ctx.resolveAccount(ref);
    if (id === undefined) bad('readable', `unknown account '${ref}'`);
    else if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length) out.readable = ids;
}
