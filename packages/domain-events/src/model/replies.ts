import type { Participant } from '@almanac/codec-jscalendar';
import { REPLY_MEMBERS, replyPathKey } from './changes.js';
import type { EventData } from './event.js';
import { participantsOf } from './participants.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `organizer`'s event with the reply of participant `key` taken from `reply` (an iTIP REPLY, RFC
 * 5546 §3.2.3): the participant's reply members (status, comment, …) and its per-occurrence
 * replies (`participants/<key>/participationStatus` in recurrence overrides, for dates that
 * `isOccurrence` confirms or the organizer has an override for). Nothing else of `reply` is
 * taken. When `reply` does not list the participant, its reply stays as it was.
 *
 * @example applyReply(event, '7', { ...event, participants: { 7: { participationStatus: 'declined' } } })
 */
export function applyReply(organizer: EventData, key: string, reply: EventData, isOccurrence: (recurrenceId: string) => boolean = () => false): EventData {
  const current = participantsOf(organizer);
  const answer = participantsOf(reply)[key];
  if (!current[key] || !answer) return organizer;
  const merged: Record<string, unknown> = Object.fromEntries(Object.entries(current[key]!).filter(([m]) => !REPLY_MEMBERS.includes(m)));
  for (const m of REPLY_MEMBERS) if (answer[m] !== undefined) merged[m] = answer[m];
  const out: EventData = { ...organizer, participants: { ...current, [key]: merged as Participant } };

  const replyOverrides = isObject(reply.recurrenceOverrides) ? reply.recurrenceOverrides : {};
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const [rid, patch] of Object.entries(isObject(organizer.recurrenceOverrides) ? organizer.recurrenceOverrides : {})) {
    if (!isObject(patch)) continue;
    // Drop the participant's old per-occurrence replies; the reply's replace them.
    overrides[rid] = Object.fromEntries(Object.entries(patch).filter(([path]) => replyPathKey(path) !== key));
  }
  for (const [rid, patch] of Object.entries(replyOverrides)) {
    if (!isObject(patch)) continue;
    const own = Object.entries(patch).filter(([path]) => replyPathKey(path) === key);
    if (own.length === 0) continue;
    // RFC 8984 §4.3.5: a patch for a date that is no occurrence would add one, so a reply may only
    // name an occurrence the organizer has (an override that is no exclusion, or a generated one).
    const existing = overrides[rid];
    if (existing ? existing.excluded === true : !isOccurrence(rid)) continue;
    overrides[rid] = { ...(overrides[rid] ?? {}), ...Object.fromEntries(own.map(([path, v]) => [path.replace(/^\//, ''), v])) };
  }
  if (Object.keys(overrides).length || organizer.recurrenceOverrides !== undefined) out.recurrenceOverrides = overrides;
  return out;
}

/** `event` with participant `key`'s status set, e.g. to `declined` when it deletes its copy (behaviour §3.7). */
export function withStatus(event: EventData, key: string, status: string): EventData {
  const participants = participantsOf(event);
  if (!participants[key]) return event;
  return { ...event, participants: { ...participants, [key]: { ...participants[key]!, participationStatus: status } } };
}
