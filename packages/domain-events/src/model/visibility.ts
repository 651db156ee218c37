import type { Actor, Collection, PrincipalId, ResourceFacts } from '@almanac/domain-kernel';
import { type EventData, privacyOf } from './event.js';
import { participantIdsOf } from './participants.js';

/**
 * The facts the kernel's access policy needs about an event: private and secret events need the
 * PRIVATE right to be read in clear; participants may always read theirs (behaviour §4.3).
 */
export function eventFacts(event: EventData): ResourceFacts {
  return { isPrivate: privacyOf(event) !== 'public', participantIds: participantIdsOf(event) };
}

/**
 * Whether a caller who may see the calendar at all (read or free/busy) may know that this event
 * exists: RFC 8984 §4.4.3 hides a `secret` event completely from everyone but its calendar's owner
 * and its participants.
 */
export function mayKnowOf(event: EventData, actor: Actor, collection: Pick<Collection, 'ownerId'>): boolean {
  if (privacyOf(event) !== 'secret' || collection.ownerId === actor.userId) return true;
  const me = new Set<PrincipalId>([actor.userId, ...actor.groupIds]);
  return participantIdsOf(event).some((id) => me.has(id));
}

/** What a free/busy reader sees of an event: when it happens and whether it blocks time. */
const FREE_BUSY_MEMBERS: readonly string[] = [
  '@type', 'uid', 'prodId', 'created', 'updated', 'sequence', 'start', 'duration', 'timeZone', 'timeZones', 'showWithoutTime',
  'recurrenceRules', 'excludedRecurrenceRules', 'recurrenceId', 'recurrenceIdTimeZone', 'freeBusyStatus', 'status', 'privacy',
];
const FREE_BUSY_OVERRIDE_PATHS: readonly string[] = ['excluded', 'start', 'duration', 'timeZone', 'showWithoutTime', 'freeBusyStatus', 'status'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The event with its details blanked, as a reader with only the free/busy right, or without the
 * PRIVATE right on a private event, sees it (behaviour §4.3: title, description, location,
 * participants and alerts are cleared; times and recurrence stay).
 *
 * @example blankedForFreeBusy({ '@type': 'Event', uid: 'u', title: 'Dentist', start: '2030-01-01T10:00:00' })
 * // { '@type': 'Event', uid: 'u', start: '2030-01-01T10:00:00' }
 */
export function blankedForFreeBusy(event: EventData): EventData {
  const out: Record<string, unknown> = {};
  for (const member of FREE_BUSY_MEMBERS) if (event[member] !== undefined) out[member] = event[member];
  if (isObject(event.recurrenceOverrides)) {
    out.recurrenceOverrides = Object.fromEntries(Object.entries(event.recurrenceOverrides).map(([rid, patch]) => [
      rid, isObject(patch) ? Object.fromEntries(Object.entries(patch).filter(([path]) => FREE_BUSY_OVERRIDE_PATHS.includes(path.replace(/^\//, '')))) : patch,
    ]));
  }
  return out as EventData;
}

/** The reference's default listing window (behaviour §3.1): 100 days back, 365 days ahead. */
export const LISTING_WINDOW_DAYS = { past: 100, future: 365 } as const;

/**
 * The time range a calendar listing covers when it is no sync and has no time filter (behaviour
 * §3.1): `now - 100 days` to `now + 365 days`. A recurring series overlaps it when any part of its
 * stored range does, so it is listed once, with its overrides.
 */
export function listingWindow(now: Date, days: { past: number; future: number } = LISTING_WINDOW_DAYS): { start: Date; end: Date } {
  const day = 86_400_000;
  return { start: new Date(now.getTime() - days.past * day), end: new Date(now.getTime() + days.future * day) };
}
