/**
 * `@almanac/domain-events`: calendars and events over the canonical RFC 8984 Event — participants
 * keyed by account, sequence and Schedule-Tag rules, and RFC 6638 implicit scheduling between the
 * accounts of this server (copies in each participant's calendar kept in step in one unit of work).
 *
 * @example
 * import { saveEvent } from '@almanac/domain-events';
 * const stored = await saveEvent(services, { actor, collection, access: { edit: true, delete: true }, event });
 */
export {
  type EventData, type StoredEvent, type EventServerInfo, type Privacy, SERVER_MEMBER, serverInfo, withServerInfo, publicEventData,
  sequenceOf, eventEtag, eventScheduleTag, eventTitle, privacyOf,
} from './model/event.js';
export {
  type AccountRef, accountKey, parseAccountKey, isValidId, externalKey, participantsOf, hasRole, organizerKeyOf, accountParticipants,
  participantIdsOf, statusOf, egroupwareKey, readEgroupwareKey,
} from './model/participants.js';
export {
  PER_COPY_MEMBERS, REPLY_MEMBERS, organizerPart, organizerChanged, perCopyPart, withPerCopyPart, type PerCopyPart,
} from './model/changes.js';
export { applyReply, withStatus } from './model/replies.js';
export { eventFacts, mayKnowOf, blankedForFreeBusy, listingWindow, LISTING_WINDOW_DAYS } from './model/visibility.js';
export { deepEqual } from './model/deep-equal.js';
export type { EventTimes } from './ports/event-times.js';
export type { SchedulingDelivery, SchedulingMessage, SchedulingMethod } from './ports/scheduling-delivery.js';
export type { EventServices, EventAccess, WriteGuard, SaveEventCommand, DeleteEventCommand } from './use-cases/event-services.js';
export { resolveParticipants, accountCard, accountParticipant, type ParticipantContext, type AccountCard } from './use-cases/resolve-participants.js';
export { withOrganizer, ownerOf } from './use-cases/organizer.js';
export { scheduleRole, findOrganizerCopy, defaultCalendarOf, type ScheduleRole } from './use-cases/schedule-role.js';
export { saveEvent, checkGuard, formatUtc } from './use-cases/save-event.js';
export { deleteEvent, type DeleteOutcome } from './use-cases/delete-event.js';
export { ScheduleConflictError } from './use-cases/write-plan.js';
