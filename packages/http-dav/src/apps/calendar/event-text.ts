import type { Participant } from '@almanac/codec-jscalendar';
import { jscalendarToICalendarText } from '@almanac/codec-jscalendar/icalendar';
import {
  type EventData, formatUtc, participantsOf, perCopyPart, publicEventData, type StoredEvent, withPerCopyPart,
} from '@almanac/domain-events';
import type { DavRenderContext } from '../../dav/dav-app.js';

/** PRODID of iCalendar generated from events written as JSON. */
export const EVENT_PROD_ID = '-//Almanac//Calendar//EN';

/** `text/calendar` of events (GET Content-Type and `getcontenttype`). */
export const EVENT_CONTENT_TYPE = 'text/calendar; charset=utf-8; component=VEVENT';

/**
 * Participants as iCalendar needs them: an address to schedule with (RFC 8984 §4.4.6 `sendTo`
 * `imip`, which becomes the ATTENDEE value) for those that only have an email.
 */
function withAddresses(event: EventData): EventData {
  const participants = participantsOf(event);
  if (Object.keys(participants).length === 0) return event;
  const out: Record<string, Participant> = {};
  for (const [key, p] of Object.entries(participants)) {
    const sendTo = (typeof p.sendTo === 'object' && p.sendTo !== null ? p.sendTo : {}) as Record<string, string>;
    const hasAddress = typeof sendTo.imip === 'string' || typeof (p as Record<string, unknown>).calendarAddress === 'string';
    out[key] = !hasAddress && typeof p.email === 'string' && p.email !== '' ? { ...p, sendTo: { ...sendTo, imip: `mailto:${p.email}` } } : p;
  }
  return { ...event, participants: out };
}

/**
 * An event written as JSON (over REST, or a scheduling copy the server made), as iCalendar with
 * the JSCalendar codec: the server's member removed, the alerts only for the calendar's owner (as
 * the REST view shows them, behaviour §5.3), CREATED/DTSTAMP from the store when the data has
 * none, VTIMEZONEs for the zones used.
 * @throws Error when the codec cannot write it (the resource is then answered alone with 500)
 */
export function eventToICalendar(r: StoredEvent, ctx: DavRenderContext): string {
  let data = publicEventData(r.data);
  if (ctx.collectionOf(r).ownerId !== ctx.actor.userId) data = withPerCopyPart(data, perCopyPart(undefined));
  data = withAddresses({
    ...data,
    created: typeof data.created === 'string' ? data.created : formatUtc(r.createdAt),
    updated: typeof data.updated === 'string' ? data.updated : formatUtc(r.updatedAt),
  });
  const text = jscalendarToICalendarText(data, { prodId: EVENT_PROD_ID });
  if (!text.ok) throw new Error(`event ${r.id} cannot be written as iCalendar: ${text.errors[0]?.message ?? ''}`);
  return text.value;
}
