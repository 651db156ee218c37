import { ForbiddenError, NotFoundError } from '@almanac/domain-kernel';
import { perCopyPart } from '../model/changes.js';
import { deepEqual } from '../model/deep-equal.js';
import { type EventData, serverInfo, withServerInfo } from '../model/event.js';
import { accountKey, accountParticipants, organizerKeyOf, participantsOf } from '../model/participants.js';
import { withStatus } from '../model/replies.js';
import type { SchedulingMessage } from '../ports/scheduling-delivery.js';
import { distribute, eventDraft } from './distribute.js';
import type { DeleteEventCommand, EventServices } from './event-services.js';
import { cancelMessages, replyMessages, sendAll } from './external-messages.js';
import { ownerOf } from './organizer.js';
import { checkGuard, formatUtc } from './save-event.js';
import { defaultCalendarOf, scheduleRole } from './schedule-role.js';
import { WritePlan, withRetries } from './write-plan.js';

/** What a DELETE did: removed the event, or (an attendee's copy) declined it for its owner. */
export type DeleteOutcome = 'deleted' | 'declined';

/**
 * Deletes an event the way RFC 6638 §3.2.2.3 and the reference (behaviour §3.7) do, in one unit
 * of work:
 * - the organizer's copy (DELETE right needed): removed with every local participant's copy (an
 *   iTIP CANCEL; external participants get one through the delivery port);
 * - an attendee's copy (DELETE or EDIT right, e.g. its owner): the copy goes away and its owner
 *   declines: the organizer's copy and the other copies show `participationStatus: declined`;
 * - an external invitation: removed, with a declining REPLY to its organizer;
 * - anything else: removed.
 *
 * @throws ForbiddenError without the right, NotFoundError when it is gone,
 *   RevisionMismatchError / PreconditionFailedError when the guard fails
 */
export async function deleteEvent(services: EventServices, cmd: DeleteEventCommand): Promise<DeleteOutcome> {
  let messages: SchedulingMessage[] = [];
  const outcome = await withRetries(() => services.uow.run(async (repos): Promise<DeleteOutcome> => {
    const current = await repos.resources.get<EventData>(cmd.collection.id, cmd.existing.id);
    if (!current) throw new NotFoundError('event', 'resource/not-found', { id: cmd.existing.id });
    checkGuard(cmd.guard, current);
    const owner = await ownerOf(repos, cmd.collection);
    const ownerKey = accountKey(owner);
    const plan = new WritePlan();
    const calendarName = services.defaultCalendar ?? 'calendar';
    const role = await scheduleRole(repos, cmd.collection, owner, current.data, calendarName);

    if (role.kind === 'attendee') {
      if (!cmd.access.delete && !cmd.access.edit) throw new ForbiddenError('you may not delete this entry', 'access/no-delete');
      const organizer = role.organizer;
      const declined = withStatus(organizer.data, ownerKey, 'declined');
      const data = deepEqual(declined, organizer.data) ? organizer.data
        : withServerInfo({ ...declined, updated: formatUtc(services.clock.now()) }, { ...serverInfo(organizer.data), updatedBy: cmd.actor.userId });
      if (data !== organizer.data) {
        plan.add({ op: 'replace', collectionId: role.organizerCollection.id, target: organizer, client: false, draft: eventDraft(services, data, organizer.name) });
      }
      await distribute(repos, services, plan, {
        organizerCollection: role.organizerCollection, organizerKey: role.organizerKey, data,
        client: { collection: cmd.collection, stored: current, perCopy: perCopyPart(current.data), deleting: true },
      });
      await plan.execute(repos);
      return 'declined';
    }

    if (!cmd.access.delete) throw new ForbiddenError('you may not delete this entry', 'access/no-delete');
    plan.add({ op: 'delete', collectionId: cmd.collection.id, target: current, client: true });
    if (role.kind === 'organizer' && organizerKeyOf(current.data) === ownerKey) {
      // RFC 6638 §3.2.2.3: removing the organizer's copy cancels the event for everyone.
      for (const p of accountParticipants(current.data)) {
        if (p.key === ownerKey) continue;
        const collection = await defaultCalendarOf(repos, p.id, calendarName);
        const copy = collection && collection.id !== cmd.collection.id ? await repos.resources.getByUid<EventData>(collection.id, current.uid) : undefined;
        if (copy && copy.kind === 'event' && organizerKeyOf(copy.data) === ownerKey) plan.add({ op: 'delete', collectionId: collection!.id, target: copy, client: false });
      }
      plan.messages.push(...cancelMessages(current.data, ownerKey));
    } else if (role.kind === 'external' && participantsOf(current.data)[ownerKey]) {
      plan.messages.push(...replyMessages(current.data, withStatus(current.data, ownerKey, 'declined'), ownerKey, role.organizerKey));
    }
    await plan.execute(repos);
    messages = plan.messages;
    return 'deleted';
  }));
  await sendAll(services, messages);
  return outcome;
}
