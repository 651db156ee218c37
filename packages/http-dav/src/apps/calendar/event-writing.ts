import type { Event } from '@almanac/codec-jscalendar';
import {
  deleteEvent, type EventData, type EventServices, eventScheduleTag, saveEvent, type StoredEvent, type WriteGuard,
} from '@almanac/domain-events';
import { ForbiddenError, type KernelRepositories, type ResourceDraft, type StoredResource } from '@almanac/domain-kernel';
import type { DavStoreContext, DavWriteContext } from '../../dav/dav-app.js';
import { readCalendarObject } from '../caldav/calendar-object.js';
import { withPrincipalAddresses } from './principal-addresses.js';

export const asEvent = (r: StoredResource) => r as StoredEvent;

/**
 * What the reference stores for an event that does not say (behaviour §5.3), as the REST app
 * fills it in: confirmed, public, normal priority. The same on both interfaces, so a resource has
 * the same canonical data however it was written.
 */
const DEFAULTS: Readonly<Record<string, unknown>> = { status: 'confirmed', priority: 5, privacy: 'public' };

/** Events live in calendars; the scheduling inbox and outbox take no PUT (RFC 6638 §2.1, §2.2). */
function assertCalendar(ctx: DavWriteContext): void {
  if (ctx.collection.kind !== 'calendar') throw new ForbiddenError(`${ctx.collection.name} takes no events`, 'dav/not-a-calendar');
}

/**
 * Reads a PUT body into an event draft: one VEVENT series (RFC 4791 §4.1) converted by the codec
 * to the canonical Event, the VCALENDAR's own members left out, the reference's defaults filled
 * in. Participants addressed by a principal URL get their account's address; all are resolved to
 * accounts when it is stored.
 * @throws ValidationError / DavPreconditionError (valid-calendar-data, supported-calendar-component, valid-calendar-object-resource)
 */
export async function readEventText(text: string, ctx: DavWriteContext, repos: Pick<KernelRepositories, 'users' | 'groups'>): Promise<ResourceDraft<EventData>> {
  assertCalendar(ctx);
  const event: Record<string, unknown> = { ...(await withPrincipalAddresses(readCalendarObject<Event>(text, 'VEVENT').entry as EventData, repos)) };
  for (const [member, value] of Object.entries(DEFAULTS)) if (event[member] === undefined || event[member] === null) event[member] = value;
  return { uid: String(event.uid), name: ctx.name, kind: 'event', data: event as EventData };
}

/**
 * The guard of the stored write (RFC 6638 §3.2.10): the Schedule-Tag when the client sent
 * If-Schedule-Tag-Match (other participants' replies do not fail it, and are kept), else the
 * revision the layer checked the conditions against.
 */
function writeGuard(existing: StoredEvent | undefined, ctx: DavStoreContext): WriteGuard | undefined {
  if (!existing) return undefined;
  return ctx.header('if-schedule-tag-match') !== undefined ? { scheduleTag: eventScheduleTag(existing) } : { revision: existing.revision };
}

/** Stores a PUT of an event with its scheduling (saveEvent, as REST writes do), the text kept as received. */
export async function writeEvent(services: EventServices, draft: ResourceDraft, ctx: DavStoreContext): Promise<StoredResource> {
  assertCalendar(ctx);
  const existing = ctx.existing && asEvent(ctx.existing);
  return saveEvent(services, {
    actor: ctx.actor, collection: ctx.collection,
    access: { edit: ctx.may('edit', existing), delete: ctx.may('delete', existing) },
    existing, event: draft.data as EventData, name: existing ? undefined : draft.name, rawText: draft.rawText ?? null,
    guard: writeGuard(existing, ctx),
  });
}

/**
 * DELETE of an event through the domain (behaviour §3.7): the organizer's removes every copy, an
 * attendee's declines; a DELETE in the scheduling inbox is accepted and ignored. Guarded only by
 * the condition the client sent.
 */
export async function removeEvent(services: EventServices, r: StoredResource, ctx: DavStoreContext): Promise<void> {
  if (ctx.collection.kind === 'inbox') return;
  const existing = asEvent(r);
  const guard: WriteGuard | undefined = ctx.header('if-schedule-tag-match') !== undefined ? { scheduleTag: eventScheduleTag(existing) }
    : ctx.header('if-match') !== undefined ? { revision: r.revision } : undefined;
  await deleteEvent(services, {
    actor: ctx.actor, collection: ctx.collection, existing,
    access: { edit: ctx.may('edit', r), delete: ctx.may('delete', r) }, ...(guard && { guard }),
  });
}
