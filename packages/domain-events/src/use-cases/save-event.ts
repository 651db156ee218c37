import {
  type Actor, ForbiddenError, type KernelRepositories, NotFoundError, PreconditionFailedError, RevisionMismatchError,
} from '@almanac/domain-kernel';
import { organizerChanged, perCopyPart, withPerCopyPart } from '../model/changes.js';
import { deepEqual } from '../model/deep-equal.js';
import {
  type EventData, eventScheduleTag, SERVER_MEMBER, sequenceOf, serverInfo, type StoredEvent, withServerInfo,
} from '../model/event.js';
import { type AccountRef, accountKey, organizerKeyOf, participantsOf } from '../model/participants.js';
import { applyReply } from '../model/replies.js';
import type { SchedulingMessage } from '../ports/scheduling-delivery.js';
import { distribute, eventDraft, nameFor } from './distribute.js';
import { defaultNewId, type EventServices, type SaveEventCommand, type WriteGuard } from './event-services.js';
import { organizerMessages, replyMessages, sendAll } from './external-messages.js';
import { ownerOf, withOrganizer } from './organizer.js';
import { resolveParticipants } from './resolve-participants.js';
import { type ScheduleRole, scheduleRole } from './schedule-role.js';
import { WritePlan, withRetries } from './write-plan.js';

/** RFC 8984 §1.4.3 UTCDateTime without fractions, as the reference writes `created`/`updated`. */
export const formatUtc = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Members a client cannot set: the server computes them (behaviour §3.12, RFC 5545 §3.8.7.4). */
const SERVER_SET = ['sequence', 'created', 'updated', SERVER_MEMBER] as const;

/**
 * Checks the client's precondition against the event as it is now, inside the unit of work.
 * @throws RevisionMismatchError, PreconditionFailedError
 */
export function checkGuard(guard: WriteGuard | undefined, current: StoredEvent): void {
  if (!guard) return;
  if ('revision' in guard) {
    if (guard.revision !== current.revision) throw new RevisionMismatchError(guard.revision, current.revision);
  } else if (guard.scheduleTag !== eventScheduleTag(current)) {
    throw new PreconditionFailedError('the event has changed (If-Schedule-Tag-Match)', 'event/schedule-tag-mismatch');
  }
}

/** The participant keys the actor answers for on an event it may not edit: its own user key. */
function ownKey(actor: Actor, event: EventData): string | undefined {
  const key = String(actor.userId);
  return participantsOf(event)[key] ? key : undefined;
}

interface SaveContext {
  readonly repos: KernelRepositories;
  readonly services: EventServices;
  readonly cmd: SaveEventCommand;
  readonly current: StoredEvent | undefined;
  readonly owner: AccountRef;
  readonly incoming: EventData;
  readonly plan: WritePlan;
  readonly now: string;
}

/**
 * Creates or replaces an event and keeps every local participant's copy in step (RFC 6638
 * implicit scheduling), all in one unit of work:
 * - on the organizer's copy, a caller with EDIT writes the whole event: participants resolved to
 *   accounts, the organizer defaulted, `sequence` bumped when the organizer changed something
 *   beyond replies and alerts (so the Schedule-Tag changes only then), and the copies updated,
 *   created or (for dropped participants) removed;
 * - on an attendee's copy, only the attendee's reply (status, comment, also per occurrence) and
 *   its own alerts are taken; the reply goes to the organizer's copy and from there to the other
 *   copies, none of which gets a new sequence;
 * - a participant without EDIT may answer for itself on any copy it can read (behaviour §6.6).
 * Alerts stay per copy: a writer who is not the calendar's owner keeps the owner's.
 *
 * Idempotent: a copy that would not change is not written. Races with concurrent writes to the
 * copies are retried from fresh reads.
 *
 * @throws ValidationError for unresolvable participants or an unusable start
 * @throws ForbiddenError without the right to write this copy, or when the organizer would change
 * @throws RevisionMismatchError, PreconditionFailedError when the guard fails
 * @throws UidConflictError, ResourceNameTakenError when a create clashes in the collection
 */
export async function saveEvent(services: EventServices, cmd: SaveEventCommand): Promise<StoredEvent> {
  let messages: SchedulingMessage[] = [];
  const stored = await withRetries(() => services.uow.run(async (repos) => {
    const current = cmd.existing && (await repos.resources.get<EventData>(cmd.collection.id, cmd.existing.id));
    if (cmd.existing && !current) throw new NotFoundError('event', 'resource/not-found', { id: cmd.existing.id });
    if (current) checkGuard(cmd.guard, current);
    const owner = await ownerOf(repos, cmd.collection);
    const clean = Object.fromEntries(Object.entries(cmd.event).filter(([k]) => !(SERVER_SET as readonly string[]).includes(k))) as EventData;
    const incoming = await resolveParticipants(clean, { users: repos.users, groups: repos.groups, owner, actor: cmd.actor, previous: current?.data });
    const ctx: SaveContext = { repos, services, cmd, current, owner, incoming, plan: new WritePlan(), now: formatUtc(services.clock.now()) };
    const role = await scheduleRole(repos, cmd.collection, owner, current?.data ?? incoming, services.defaultCalendar ?? 'calendar');
    if (role.kind === 'attendee') await planAttendeeCopy(ctx, role);
    else if (current && !cmd.access.edit) await planOwnReply(ctx, role, current);
    else await planFullWrite(ctx, role);
    const written = await ctx.plan.execute(repos);
    messages = ctx.plan.messages;
    return written!;
  }));
  await sendAll(services, messages);
  return stored;
}

/** A write on an attendee's copy: its owner's reply and alerts only. */
async function planAttendeeCopy(ctx: SaveContext, role: Extract<ScheduleRole, { kind: 'attendee' }>): Promise<void> {
  const { cmd, current, services } = ctx;
  if (!cmd.access.edit) throw new ForbiddenError('you may not edit this entry', 'access/no-edit');
  const key = accountKey(ctx.owner);
  const organizer = role.organizer;
  const replied = applyReply(organizer.data, key, ctx.incoming, (rid) => services.times.isOccurrence(organizer.data, rid));
  const data = stamp(ctx, organizer, replied);
  if (data !== organizer.data) {
    ctx.plan.add({ op: 'replace', collectionId: role.organizerCollection.id, target: organizer, client: false, draft: eventDraft(services, data, organizer.name, null) });
  }
  // Alerts are the calendar owner's: another writer keeps them as they are.
  const perCopy = cmd.actor.userId === cmd.collection.ownerId ? perCopyPart(ctx.incoming) : perCopyPart(current?.data);
  await distribute(ctx.repos, services, ctx.plan, {
    organizerCollection: role.organizerCollection, organizerKey: role.organizerKey, data,
    client: { collection: cmd.collection, stored: current, name: cmd.name, perCopy, rawText: cmd.rawText },
  });
}

/** A participant without EDIT answering on a copy it can read: its own reply only. */
async function planOwnReply(ctx: SaveContext, role: ScheduleRole, current: StoredEvent): Promise<void> {
  const key = ownKey(ctx.cmd.actor, current.data);
  if (!key) throw new ForbiddenError('you may not edit this entry', 'access/no-edit');
  const replied = applyReply(current.data, key, ctx.incoming, (rid) => ctx.services.times.isOccurrence(current.data, rid));
  const data = withServerInfo({ ...replied, updated: ctx.now }, { ...serverInfo(current.data), updatedBy: ctx.cmd.actor.userId });
  ctx.plan.add({ op: 'replace', collectionId: ctx.cmd.collection.id, target: current, client: true, draft: eventDraft(ctx.services, data, current.name, null) });
  if (role.kind === 'organizer' && role.organizerKey) {
    await distribute(ctx.repos, ctx.services, ctx.plan, { organizerCollection: ctx.cmd.collection, organizerKey: role.organizerKey, data });
  }
}

/** `event` with the replies of every participant but `except` taken from `stored`. */
function keepReplies(event: EventData, stored: EventData, except: string): EventData {
  let out = event;
  for (const key of Object.keys(participantsOf(stored))) if (key !== except) out = applyReply(out, key, stored);
  return out;
}

/** The organizer's event after a reply: `updated` and the writer set when the reply changed it. */
function stamp(ctx: SaveContext, before: StoredEvent, after: EventData): EventData {
  if (deepEqual(before.data, after)) return before.data;
  return withServerInfo({ ...after, updated: ctx.now }, { ...serverInfo(before.data), updatedBy: ctx.cmd.actor.userId });
}

/** A full write: the organizer's copy, an external invitation, or an unscheduled event. */
async function planFullWrite(ctx: SaveContext, role: ScheduleRole): Promise<void> {
  const { cmd, current, services } = ctx;
  let data = role.kind === 'external' ? ctx.incoming
    : await withOrganizer(ctx.incoming, { users: ctx.repos.users, groups: ctx.repos.groups, owner: ctx.owner, actor: cmd.actor, previous: current?.data });
  if (current && cmd.actor.userId !== cmd.collection.ownerId) data = withPerCopyPart(data, perCopyPart(current.data));
  // RFC 6638 §3.2.10: a write conditioned on the Schedule-Tag was made without the replies that
  // arrived since; they are kept rather than overwritten with what the client saw.
  if (current && cmd.guard && 'scheduleTag' in cmd.guard) data = keepReplies(data, current.data, String(cmd.actor.userId));
  const before = current ? sequenceOf(current.data) : 0;
  const sequence = role.kind === 'external'
    ? (cmd.event.sequence === undefined ? before : sequenceOf(cmd.event))
    : Math.max(current && organizerChanged(current.data, data) ? before + 1 : before, sequenceOf(cmd.event));
  const info = current ? serverInfo(current.data) : {};
  const final = withServerInfo(
    { ...data, sequence, created: typeof current?.data.created === 'string' ? current.data.created : ctx.now, updated: ctx.now },
    { createdBy: info.createdBy ?? cmd.actor.userId, updatedBy: cmd.actor.userId },
  );
  const name = current?.name ?? cmd.name ?? (await nameFor(ctx.repos, cmd.collection, final.uid, services.newId ?? defaultNewId));
  const draft = eventDraft(services, final, name, cmd.rawText ?? null);
  ctx.plan.add(current
    ? { op: 'replace', collectionId: cmd.collection.id, target: current, client: true, draft }
    : { op: 'create', collectionId: cmd.collection.id, client: true, draft });
  const ownerKey = accountKey(ctx.owner);
  if (role.kind === 'organizer' && organizerKeyOf(final) === ownerKey) {
    await distribute(ctx.repos, services, ctx.plan, { organizerCollection: cmd.collection, organizerKey: ownerKey, data: final, previous: current?.data });
    ctx.plan.messages.push(...organizerMessages(current?.data, final, ownerKey));
  } else if (role.kind === 'external' && current) {
    ctx.plan.messages.push(...replyMessages(current.data, final, ownerKey, role.organizerKey));
  }
}
