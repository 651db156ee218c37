import { type Collection, type CollectionId, collectionId, type KernelRepositories, type PrincipalId } from '@almanac/domain-kernel';
import { type EventData, serverInfo, type StoredEvent } from '../model/event.js';
import { type AccountRef, accountKey, organizerKeyOf, parseAccountKey, participantsOf } from '../model/participants.js';

/**
 * What one stored copy of an event is for scheduling (RFC 6638 §3.1 "scheduling object
 * resource"), seen from the collection it lives in:
 * - `organizer`: the organizer's copy (or an event without organizer): its changes go to the copies;
 * - `attendee`: a local participant's copy of a local organizer's event that lists the participant:
 *   only the participant's reply and its own alerts are its owner's to change;
 * - `external`: an invitation whose organizer has no account here;
 * - `unscheduled`: names a local organizer whose copy is gone or no longer lists this participant.
 */
export type ScheduleRole =
  | { readonly kind: 'organizer'; readonly organizerKey: string | undefined }
  | { readonly kind: 'attendee'; readonly organizerKey: string; readonly organizer: StoredEvent; readonly organizerCollection: Collection }
  | { readonly kind: 'external'; readonly organizerKey: string }
  | { readonly kind: 'unscheduled'; readonly organizerKey: string };

/** The calendar a principal's copies are delivered to, if it has one. */
export async function defaultCalendarOf(repos: Pick<KernelRepositories, 'collections'>, owner: PrincipalId, name: string): Promise<Collection | undefined> {
  const c = await repos.collections.getByName(owner, name);
  return c?.kind === 'calendar' ? c : undefined;
}

/**
 * The organizer's copy of an event with `uid`: in the collection an attendee's copy remembers, else
 * in the organizer's default calendar; only when it still names that organizer.
 */
export async function findOrganizerCopy(
  repos: Pick<KernelRepositories, 'collections' | 'resources'>, organizer: AccountRef, uid: string, hint: CollectionId | undefined, defaultCalendar: string,
): Promise<{ stored: StoredEvent; collection: Collection } | undefined> {
  const hinted = hint === undefined ? undefined : await repos.collections.get(hint);
  const collection = hinted?.ownerId === organizer.id && hinted.kind === 'calendar' ? hinted : await defaultCalendarOf(repos, organizer.id, defaultCalendar);
  if (!collection) return undefined;
  const stored = await repos.resources.getByUid<EventData>(collection.id, uid);
  if (!stored || stored.kind !== 'event' || organizerKeyOf(stored.data) !== accountKey(organizer)) return undefined;
  return { stored, collection };
}

/**
 * Tells what the copy of `event` in `collection` (owned by `owner`) is. `event` is the stored
 * event for a replace or delete, the incoming one for a create.
 */
export async function scheduleRole(
  repos: Pick<KernelRepositories, 'collections' | 'resources'>, collection: Collection, owner: AccountRef, event: EventData, defaultCalendar: string,
): Promise<ScheduleRole> {
  const organizerKey = organizerKeyOf(event);
  if (organizerKey === undefined) return { kind: 'organizer', organizerKey };
  const organizer = parseAccountKey(organizerKey);
  if (!organizer) return { kind: 'external', organizerKey };
  if (organizer.id === owner.id) return { kind: 'organizer', organizerKey };
  const hint = serverInfo(event).organizerCollection;
  const found = await findOrganizerCopy(repos, organizer, event.uid, hint === undefined ? undefined : collectionId(hint), defaultCalendar);
  if (found && found.collection.id !== collection.id && participantsOf(found.stored.data)[accountKey(owner)]) {
    return { kind: 'attendee', organizerKey, organizer: found.stored, organizerCollection: found.collection };
  }
  return { kind: 'unscheduled', organizerKey };
}
