import { organizerChanged } from '../model/changes.js';
import { type EventData, publicEventData, sequenceOf } from '../model/event.js';
import { parseAccountKey, participantsOf, statusOf } from '../model/participants.js';
import type { SchedulingMessage } from '../ports/scheduling-delivery.js';
import type { EventServices } from './event-services.js';

/** Participants without an account here that have an address to write to. */
function externalKeys(event: EventData | undefined): string[] {
  if (!event) return [];
  return Object.entries(participantsOf(event)).filter(([k, p]) => !parseAccountKey(k) && typeof p.email === 'string' && p.email !== '').map(([k]) => k);
}

const message = (method: SchedulingMessage['method'], event: EventData, from: string, to: string[]): SchedulingMessage =>
  ({ method, uid: event.uid, sequence: sequenceOf(event), from, to, event: publicEventData(event) });

/**
 * The iTIP messages (RFC 5546 §3.2) an organizer's write sends to external participants: a
 * REQUEST to all of them when the event is new or the organizer changed it, a CANCEL to those
 * no longer listed.
 */
export function organizerMessages(previous: EventData | undefined, final: EventData, organizerKey: string): SchedulingMessage[] {
  const out: SchedulingMessage[] = [];
  const now = externalKeys(final);
  if (now.length && (!previous || organizerChanged(previous, final))) out.push(message('REQUEST', final, organizerKey, now));
  const dropped = externalKeys(previous).filter((k) => !now.includes(k));
  if (dropped.length) out.push(message('CANCEL', previous!, organizerKey, dropped));
  return out;
}

/** The CANCEL an organizer's delete sends to every external participant. */
export function cancelMessages(event: EventData, organizerKey: string): SchedulingMessage[] {
  const to = externalKeys(event);
  return to.length ? [message('CANCEL', event, organizerKey, to)] : [];
}

/** The REPLY (RFC 5546 §3.2.3) to an external organizer when the calendar owner's answer changed. */
export function replyMessages(previous: EventData, final: EventData, ownerKey: string, organizerKey: string): SchedulingMessage[] {
  const before = participantsOf(previous)[ownerKey];
  const after = participantsOf(final)[ownerKey];
  if (!after || (before && statusOf(before) === statusOf(after))) return [];
  return [message('REPLY', final, ownerKey, [organizerKey])];
}

/** Hands messages to the delivery port after the commit; a failure there never fails the write. */
export async function sendAll(services: Pick<EventServices, 'delivery'>, messages: readonly SchedulingMessage[]): Promise<void> {
  if (!services.delivery) return;
  for (const m of messages) {
    try {
      await services.delivery.send(m);
    } catch {
      // Best effort by contract (SchedulingDelivery): the event is stored either way.
    }
  }
}
