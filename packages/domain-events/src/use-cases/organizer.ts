import type { Participant } from '@almanac/codec-jscalendar';
import { type Actor, type Collection, ForbiddenError, type KernelRepositories, userId, ValidationError } from '@almanac/domain-kernel';
import type { EventData } from '../model/event.js';
import { type AccountRef, accountKey, hasRole, organizerKeyOf, participantsOf } from '../model/participants.js';
import { accountCard, accountParticipant, type ParticipantContext } from './resolve-participants.js';

/** The owner of a collection as an account: a user, else a group (they share one id space). */
export async function ownerOf(repos: Pick<KernelRepositories, 'users'>, collection: Pick<Collection, 'ownerId'>): Promise<AccountRef> {
  const user = await repos.users.get(userId(collection.ownerId));
  return { id: collection.ownerId, kind: user ? 'user' : 'group' };
}

const withRole = (p: Participant, role: string): Participant => ({ ...p, roles: { ...(p.roles ?? {}), [role]: true } });

/**
 * Gives the event its organizer (the `owner` role, RFC 8984 §4.4.6) the way the reference does
 * (behaviour §5.3): an event without participants gets the collection owner as accepted chair and
 * owner; one whose participants name no organizer keeps the stored organizer, else the collection
 * owner becomes it (added as chair when not listed, accepted when it writes itself).
 *
 * @throws ValidationError when more than one participant has the owner role
 * @throws ForbiddenError when a replace names another organizer than the stored one (RFC 6638
 *   §3.2.4.2: the organizer of a scheduling object cannot change)
 */
export async function withOrganizer(event: EventData, ctx: ParticipantContext & { readonly actor: Actor }): Promise<EventData> {
  const participants = participantsOf(event);
  const owners = Object.keys(participants).filter((k) => hasRole(participants[k]!, 'owner'));
  if (owners.length > 1) {
    throw new ValidationError("Error parsing JsCalendar Event attribute 'participants': only one participant can have the owner role",
      owners.map((k) => ({ path: `/participants/${k}/roles/owner`, message: 'only one organizer' })), 'event/several-organizers');
  }
  const before = ctx.previous && organizerKeyOf(ctx.previous);
  if (owners.length === 1) {
    if (before && before !== owners[0]) {
      throw new ForbiddenError('the organizer of an event cannot be changed', 'event/organizer-change', { from: before, to: owners[0] });
    }
    return withReplyTo(event);
  }
  if (before) {
    const kept = participants[before] ?? participantsOf(ctx.previous!)[before]!;
    return withReplyTo({ ...event, participants: { ...participants, [before]: withRole(kept, 'owner') } });
  }
  const key = accountKey(ctx.owner);
  if (participants[key]) return withReplyTo({ ...event, participants: { ...participants, [key]: withRole(participants[key]!, 'owner') } });
  const card = (await accountCard(ctx, ctx.owner)) ?? { ref: ctx.owner, name: key };
  const alone = Object.keys(participants).length === 0;
  const status = alone || key === String(ctx.actor.userId) ? 'accepted' : 'needs-action';
  const organizer = accountParticipant(card, { roles: { owner: true, chair: true }, participationStatus: status });
  // The organizer first, as the reference lists it.
  return withReplyTo({ ...event, participants: { [key]: organizer, ...participants } });
}

/** RFC 8984 §4.4.4: replies go to the organizer's address, unless the client said where. */
function withReplyTo(event: EventData): EventData {
  if (event.replyTo !== undefined) return event;
  const key = organizerKeyOf(event);
  const email = key === undefined ? undefined : participantsOf(event)[key]?.email;
  return typeof email === 'string' && email ? { ...event, replyTo: { imip: `mailto:${email}` } } : event;
}
