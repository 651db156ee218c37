import type { EventData } from '../model/event.js';

/** RFC 5546 §1.4: the iTIP methods implicit scheduling sends. */
export type SchedulingMethod = 'REQUEST' | 'CANCEL' | 'REPLY';

/**
 * One iTIP message for a recipient this server does not host (an external email address). For
 * recipients with an account here the domain updates their copies itself, in the same unit of
 * work as the write (see `saveEvent`).
 */
export interface SchedulingMessage {
  readonly method: SchedulingMethod;
  readonly uid: string;
  readonly sequence: number;
  /** The sender's participant key in `event`. */
  readonly from: string;
  /** Participant keys of `event` the message is for. */
  readonly to: readonly string[];
  /** The organizer's event (REQUEST, CANCEL) or the attendee's copy (REPLY), as stored. */
  readonly event: EventData;
}

/**
 * Sends scheduling messages to participants outside this server (iMIP, RFC 6047). It is called
 * after the unit of work has committed, once per message, so a rolled-back write sends nothing.
 * Delivery is best effort: a rejection is ignored and never fails the write that caused it.
 */
export interface SchedulingDelivery {
  send(message: SchedulingMessage): Promise<void>;
}
