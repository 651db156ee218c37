import type { Event } from '@almanac/codec-jscalendar';
import type { StoredResource } from '@almanac/domain-kernel';

/**
 * An event as stored: the canonical RFC 8984 Event (the `rfc` profile), with participants of this
 * server keyed by account id (see `participants.ts`). Members Almanac does not model are kept.
 */
export type EventData = Event;

/** A stored event: the kernel's resource envelope around the JSCalendar Event. */
export type StoredEvent = StoredResource<EventData>;

/**
 * The one member the server keeps inside the event for itself: who created and last changed it,
 * and for an attendee's copy where the organizer's copy lives. Adapters never show it (see
 * {@link publicEventData}); input values for it are ignored.
 */
export const SERVER_MEMBER = 'almanac.org:server';

/** What {@link SERVER_MEMBER} holds. */
export interface EventServerInfo {
  /** The account that created the event (for an attendee's copy: the organizer's creator). */
  readonly createdBy?: number;
  /** The account whose write last changed this copy. */
  readonly updatedBy?: number;
  /** On an attendee's copy: the collection holding the organizer's copy (RFC 6638 scheduling). */
  readonly organizerCollection?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The server's bookkeeping of an event; empty when absent or malformed. */
export function serverInfo(event: EventData): EventServerInfo {
  const info = event[SERVER_MEMBER];
  if (!isObject(info)) return {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
  const out: { -readonly [K in keyof EventServerInfo]: EventServerInfo[K] } = {};
  const createdBy = num(info.createdBy);
  const updatedBy = num(info.updatedBy);
  const organizerCollection = num(info.organizerCollection);
  if (createdBy !== undefined) out.createdBy = createdBy;
  if (updatedBy !== undefined) out.updatedBy = updatedBy;
  if (organizerCollection !== undefined) out.organizerCollection = organizerCollection;
  return out;
}

/** A copy of the event carrying `info` (undefined members dropped) as its server member. */
export function withServerInfo(event: EventData, info: EventServerInfo): EventData {
  const clean = Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined));
  const { [SERVER_MEMBER]: _old, ...rest } = event;
  return (Object.keys(clean).length ? { ...rest, [SERVER_MEMBER]: clean } : rest) as EventData;
}

/**
 * The event as clients may see it: without the server's member. Use it before rendering JSON or
 * converting to iCalendar.
 * @example publicEventData(stored.data).title
 */
export function publicEventData(event: EventData): EventData {
  if (!(SERVER_MEMBER in event)) return event;
  const { [SERVER_MEMBER]: _info, ...rest } = event;
  return rest as EventData;
}

/** RFC 8984 §4.1.7 `sequence`: a non-negative integer, 0 when absent or malformed. */
export function sequenceOf(event: Pick<EventData, 'sequence'>): number {
  const s = event.sequence as unknown;
  if (typeof s === 'number' && Number.isSafeInteger(s) && s >= 0) return s;
  // Stored data written over DAV or by older clients may carry it as a string.
  if (typeof s === 'string' && /^\d{1,9}$/.test(s)) return Number(s);
  return 0;
}

/**
 * The ETag value of an event without quotes, `<id>:<sequence>:<revision>` (DECISIONS.md "ETags"):
 * it changes with every write, since the revision does.
 * @example eventEtag({ id: 5704, revision: 1, data: { sequence: 0 } }) // '5704:0:1'
 */
export const eventEtag = (r: Pick<StoredEvent, 'id' | 'revision' | 'data'>) => `${r.id}:${sequenceOf(r.data)}:${r.revision}`;

/**
 * The Schedule-Tag value without quotes, `<id>:<sequence>` (RFC 6638 §3.2.10): it changes with
 * the organizer's changes only, never with a participant's reply.
 */
export const eventScheduleTag = (r: Pick<StoredEvent, 'id' | 'data'>) => `${r.id}:${sequenceOf(r.data)}`;

/** The title listings show as `displayname`. */
export const eventTitle = (event: EventData) => (typeof event.title === 'string' ? event.title : '');

/** Who may see what of an event (RFC 8984 §4.4.3 `privacy`). */
export type Privacy = 'public' | 'private' | 'secret';

/** The event's privacy; unknown values count as `private`, the safer reading. */
export function privacyOf(event: EventData): Privacy {
  const p = event.privacy;
  if (p === undefined || p === null || p === 'public') return 'public';
  return p === 'secret' ? 'secret' : 'private';
}
