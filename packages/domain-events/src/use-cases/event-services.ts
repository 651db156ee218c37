import type { Actor, Clock, Collection, UnitOfWork } from '@almanac/domain-kernel';
import type { EventData, StoredEvent } from '../model/event.js';
import type { EventTimes } from '../ports/event-times.js';
import type { SchedulingDelivery } from '../ports/scheduling-delivery.js';

/** What the event use cases run on. */
export interface EventServices {
  /** Every write, with the copies it changes, is one unit of work. */
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly times: EventTimes;
  /** Messages for participants without an account here; none are sent when absent. */
  readonly delivery?: SchedulingDelivery;
  /** Makes uids and DAV names; default `crypto.randomUUID()`. */
  readonly newId?: () => string;
  /** The collection name copies are delivered to in each participant's home (default `calendar`). */
  readonly defaultCalendar?: string;
}

/** The caller's rights on the collection written to, as the access policy says (behaviour §4.3). */
export interface EventAccess {
  /** EDIT on the calendar (its owner has every right). */
  readonly edit: boolean;
  /** DELETE on the calendar. */
  readonly delete: boolean;
}

/**
 * The client's precondition on the stored event, checked inside the unit of work: the revision it
 * read (If-Match, or a read-modify-write such as PATCH), or the Schedule-Tag it saw
 * (If-Schedule-Tag-Match, RFC 6638 §3.2.10: other participants' replies do not fail it).
 */
export type WriteGuard = { readonly revision: number } | { readonly scheduleTag: string };

/** A create (no `existing`) or replace of one event in one collection. */
export interface SaveEventCommand {
  readonly actor: Actor;
  readonly collection: Collection;
  readonly access: EventAccess;
  /** The stored event replaced; absent for a create. */
  readonly existing?: StoredEvent;
  /**
   * The event as the client sent it, in the canonical RFC 8984 form. Participants are resolved
   * here; `created`, `updated` and the server member are the server's. `sequence` is the server's
   * too, except that a higher one from the client is kept (DAV organizer clients count it
   * themselves; the REST API drops it as read-only).
   */
  readonly event: EventData;
  /** The DAV name of a new event; default `<uid>.ics`. */
  readonly name?: string;
  /** The iCalendar text of a DAV write, kept as received. */
  readonly rawText?: string | null;
  readonly guard?: WriteGuard;
}

/** A delete of one event. */
export interface DeleteEventCommand {
  readonly actor: Actor;
  readonly collection: Collection;
  readonly access: EventAccess;
  readonly existing: StoredEvent;
  readonly guard?: WriteGuard;
}

export const defaultNewId = () => globalThis.crypto.randomUUID();
