import {
  deleteEvent, type EventData, type EventServices, eventEtag, eventScheduleTag, organizerKeyOf, publicEventData, saveEvent, type WriteGuard,
} from '@almanac/domain-events';
import { PreconditionFailedError, type ResourceDraft, type StoredResource } from '@almanac/domain-kernel';
import { entityTags } from '../../conditional.js';
import type { RestStoreContext } from '../../rest-app.js';
import { asEvent } from './rendering.js';

type Condition = 'etag' | 'schedule-tag' | 'none';

const scheduleTagHeader = (ctx: RestStoreContext) => ctx.header?.('if-schedule-tag-match') ?? ctx.header?.('if-schedule');

/**
 * Which of the client's conditions counts (behaviour §3.9, RFC 6638 §3.2.10): with
 * If-Schedule-Tag-Match (alias If-Schedule), the organizer's If-Match wins when it sends both;
 * for everyone else the Schedule-Tag does, so that other participants' replies do not fail it.
 */
function conditionOf(r: StoredResource | undefined, ctx: RestStoreContext): Condition {
  const ifMatch = ctx.header?.('if-match') !== undefined;
  if (scheduleTagHeader(ctx) === undefined) return ifMatch ? 'etag' : 'none';
  const organizer = r !== undefined && organizerKeyOf(publicEventData(asEvent(r).data)) === String(ctx.actor.userId);
  return ifMatch && organizer ? 'etag' : 'schedule-tag';
}

const matches = (tags: '*' | string[] | undefined, value: string | undefined) => value !== undefined && tags !== undefined && (tags === '*' || tags.includes(value));

/**
 * Write preconditions of events: If-Match / If-None-Match as for every resource (If-Match on a
 * missing event is 412, DECISIONS.md), plus If-Schedule-Tag-Match, which on a missing event fails
 * the same way (the reference answers 404; RFC 9110 §13.1.1 says a failed condition is 412).
 * @throws PreconditionFailedError
 */
export function checkEventPreconditions(r: StoredResource | undefined, ctx: RestStoreContext): void {
  const condition = conditionOf(r, ctx);
  if (condition === 'etag' && !matches(entityTags(ctx.header?.('if-match')), r && eventEtag(asEvent(r)))) {
    throw new PreconditionFailedError(r ? 'the resource has changed (If-Match)' : 'If-Match on a resource that does not exist', 'resource/if-match');
  }
  if (condition === 'schedule-tag' && !matches(entityTags(scheduleTagHeader(ctx)), r && eventScheduleTag(asEvent(r)))) {
    throw new PreconditionFailedError(r ? 'the event has changed (If-Schedule-Tag-Match)' : 'If-Schedule-Tag-Match on an event that does not exist', 'event/schedule-tag-mismatch');
  }
  if (r && matches(entityTags(ctx.header?.('if-none-match')), eventEtag(asEvent(r)))) {
    throw new PreconditionFailedError('the resource exists (If-None-Match)', 'resource/if-none-match');
  }
}

/**
 * The guard the stored write is checked against in its unit of work: the Schedule-Tag when that
 * is the client's condition, else the revision the request read (If-Match checked it, and a PATCH
 * was applied to it).
 */
function guardOf(ctx: RestStoreContext): WriteGuard | undefined {
  const r = ctx.existing;
  if (!r) return undefined;
  if (conditionOf(r, ctx) === 'schedule-tag') return { scheduleTag: eventScheduleTag(asEvent(r)) };
  return { revision: r.revision };
}

/** A DELETE is guarded only by the condition the client sent. */
function deleteGuard(r: StoredResource, ctx: RestStoreContext): WriteGuard | undefined {
  const condition = conditionOf(r, ctx);
  if (condition === 'none') return undefined;
  return condition === 'schedule-tag' ? { scheduleTag: eventScheduleTag(asEvent(r)) } : { revision: r.revision };
}

/** Stores a POST/PUT/PATCH of an event with its scheduling (RestApp.write). */
export async function writeEvent(services: EventServices, draft: ResourceDraft, ctx: RestStoreContext): Promise<StoredResource> {
  return saveEvent(services, {
    actor: ctx.actor, collection: ctx.collection,
    access: { edit: ctx.may('edit', ctx.existing), delete: ctx.may('delete', ctx.existing) },
    existing: ctx.existing && asEvent(ctx.existing), event: draft.data as EventData,
    name: ctx.existing || !draft.name ? undefined : draft.name, guard: guardOf(ctx),
  });
}

/** DELETE of an event: removes it, or declines for an attendee's copy (RestApp.remove, behaviour §3.7). */
export async function removeEvent(services: EventServices, r: StoredResource, ctx: RestStoreContext): Promise<void> {
  await deleteEvent(services, {
    actor: ctx.actor, collection: ctx.collection, existing: asEvent(r),
    access: { edit: ctx.may('edit', r), delete: ctx.may('delete', r) },
    guard: deleteGuard(r, ctx),
  });
}
