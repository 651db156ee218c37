import type { Collection, KernelRepositories, ResourceDraft, TimeRange } from '@almanac/domain-kernel';
import { type PerCopyPart, perCopyPart, withPerCopyPart } from '../model/changes.js';
import { deepEqual } from '../model/deep-equal.js';
import { type EventData, publicEventData, serverInfo, type StoredEvent, withServerInfo } from '../model/event.js';
import { accountParticipants, organizerKeyOf, statusOf } from '../model/participants.js';
import { defaultNewId, type EventServices } from './event-services.js';
import { defaultCalendarOf } from './schedule-role.js';
import type { WritePlan } from './write-plan.js';

/** The copy the request itself writes, when it targets an attendee's copy. */
export interface ClientCopy {
  readonly collection: Collection;
  readonly stored?: StoredEvent;
  /** The DAV name of a copy the request creates. */
  readonly name?: string;
  readonly perCopy: PerCopyPart;
  /** The request deletes this copy (its owner declines). */
  readonly deleting?: boolean;
  readonly rawText?: string | null;
}

/** An organizer's event to hand to every local participant's copy. */
export interface Distribution {
  readonly organizerCollection: Collection;
  readonly organizerKey: string;
  /** The organizer's event after the change, as stored. */
  readonly data: EventData;
  /** The organizer's event before the change: participants no longer listed lose their copy. */
  readonly previous?: EventData;
  readonly client?: ClientCopy;
}

/** A DAV name for a new copy: `<uid>.ics` when that is a safe, free segment, else a random one. */
export async function nameFor(repos: Pick<KernelRepositories, 'resources'>, collection: Collection, uid: string, newId: () => string): Promise<string> {
  const plain = `${uid}.ics`;
  if (/^[A-Za-z0-9._~:@+-]{1,200}$/.test(plain) && !(await repos.resources.getByName(collection.id, plain))) return plain;
  return `${newId()}.ics`;
}

/** What a participant's copy holds: the organizer's event with the copy owner's own alerts. */
export function copyData(organizer: EventData, organizerCollection: Collection, perCopy: PerCopyPart): EventData {
  const info = serverInfo(organizer);
  return withServerInfo(withPerCopyPart(publicEventData(organizer), perCopy), {
    createdBy: info.createdBy, updatedBy: info.updatedBy, organizerCollection: organizerCollection.id,
  });
}

const sameCopy = (a: EventData, b: EventData) =>
  deepEqual(publicEventData(a), publicEventData(b)) && serverInfo(a).organizerCollection === serverInfo(b).organizerCollection;

/** The storage draft of an event: its series' time range from the adapter, the zone beside it. */
export function eventDraft(
  services: EventServices, data: EventData, name: string, rawText: string | null = null, range: TimeRange = services.times.rangeOf(data),
): ResourceDraft<EventData> {
  return { uid: data.uid, name, kind: 'event', data, rawText, timeRange: range, timeZone: typeof data.timeZone === 'string' ? data.timeZone : null };
}

/**
 * Plans the implicit scheduling of RFC 6638 §3.2 for participants with an account here: every
 * account participant other than the organizer gets (or keeps) a copy in its default calendar
 * holding the organizer's event with its own alerts; a copy that already equals that is not
 * written, so delivering twice changes nothing. A participant that declined and has no copy gets
 * none; participants dropped since `previous` lose theirs (an iTIP CANCEL). A copy with the same
 * uid but another organizer is never touched.
 */
export async function distribute(repos: KernelRepositories, services: EventServices, plan: WritePlan, d: Distribution): Promise<void> {
  const calendarName = services.defaultCalendar ?? 'calendar';
  const newId = services.newId ?? defaultNewId;
  const uid = d.data.uid;
  const copyIn = async (collection: Collection) => {
    if (d.client && d.client.collection.id === collection.id) return d.client.stored;
    const found = await repos.resources.getByUid<EventData>(collection.id, uid);
    return found && found.kind === 'event' && organizerKeyOf(found.data) === d.organizerKey ? found : undefined;
  };
  const range = services.times.rangeOf(d.data);

  const listed = new Set<string>();
  for (const p of accountParticipants(d.data)) {
    listed.add(p.key);
    if (p.key === d.organizerKey) continue;
    const isClient = d.client?.collection.ownerId === p.id;
    const collection = isClient ? d.client!.collection : await defaultCalendarOf(repos, p.id, calendarName);
    if (!collection || collection.id === d.organizerCollection.id) continue;
    const copy = await copyIn(collection);
    if (!copy && !isClient && (await repos.resources.getByUid(collection.id, uid))) continue;
    if (isClient && d.client!.deleting) {
      if (copy) plan.add({ op: 'delete', collectionId: collection.id, target: copy, client: true });
      continue;
    }
    if (!copy && !isClient && statusOf(p.participant) === 'declined') continue;
    const data = copyData(d.data, d.organizerCollection, isClient ? d.client!.perCopy : perCopyPart(copy?.data));
    const rawText = isClient ? d.client!.rawText ?? null : null;
    if (copy) {
      if (!isClient && sameCopy(copy.data, data)) continue;
      plan.add({ op: 'replace', collectionId: collection.id, target: copy, client: isClient, draft: eventDraft(services, data, copy.name, rawText, range) });
    } else {
      const name = isClient && d.client!.name ? d.client!.name : await nameFor(repos, collection, uid, newId);
      plan.add({ op: 'create', collectionId: collection.id, client: isClient, draft: eventDraft(services, data, name, rawText, range) });
    }
  }

  for (const p of d.previous ? accountParticipants(d.previous) : []) {
    if (listed.has(p.key) || p.key === d.organizerKey) continue;
    const collection = await defaultCalendarOf(repos, p.id, calendarName);
    const copy = collection && collection.id !== d.organizerCollection.id ? await copyIn(collection) : undefined;
    if (copy) plan.add({ op: 'delete', collectionId: collection!.id, target: copy, client: d.client?.collection.id === collection!.id });
  }
}
