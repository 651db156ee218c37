import {
  eventEtag, eventFacts, type EventServices, eventScheduleTag, type EventTimes, eventTitle, participantsOf, publicEventData,
  type SchedulingDelivery,
} from '@almanac/domain-events';
import { type Clock, type KernelRepositories, systemClock, type UnitOfWork } from '@almanac/domain-kernel';
import type { DavApp } from '../../dav/dav-app.js';
import { calendarQueryHook, calendarQueryPrefilterHook, type CalDavModel, partialTextHook } from '../caldav/caldav-hooks.js';
import { spanOf } from '../caldav/component-times.js';
import { budgetOf } from '../caldav/instances.js';
import { textOnce } from '../caldav/object-views.js';
import { EVENT_CONTENT_TYPE, EVENT_PROD_ID, eventToICalendar } from './event-text.js';
import { asEvent, readEventText, removeEvent, writeEvent } from './event-writing.js';
import { freeBusyCalendar } from './free-busy.js';

/** What the CalDAV calendar app is built on: the same services as the REST calendar app. */
export interface CalendarDavAppDeps {
  /** Accounts, for participants a client addresses by their principal URL. */
  readonly repos: Pick<KernelRepositories, 'users' | 'groups'>;
  /** Each write with the scheduling copies it keeps in step is one unit of work (RFC 6638). */
  readonly uow: UnitOfWork;
  /** The same EventTimes the REST app uses, so that both store the same ranges. */
  readonly times: EventTimes;
  readonly clock?: Clock;
  /** Scheduling messages for participants without an account here. */
  readonly delivery?: SchedulingDelivery;
}

/**
 * Calendars over CalDAV (RFC 4791, behaviour §6): VEVENT resources stored as received, the
 * canonical Event derived by the JSCalendar codec and written through `saveEvent` / `deleteEvent`
 * exactly as REST writes are (scheduling copies, sequence, Schedule-Tag, If-Schedule-Tag-Match,
 * an attendee's DELETE declining); ETag and Schedule-Tag equal to REST's. Events last written as
 * JSON are generated as iCalendar. calendar-query (comp/prop/param filters, text-match, time
 * ranges with recurrence expansion, alarms), partial calendar-data with `expand` and
 * `limit-recurrence-set`, and free-busy-query.
 *
 * @example createDavRouter({ …, apps: { calendar: calendarDavApp({ repos, uow, times }) } })
 */
export function calendarDavApp(deps: CalendarDavAppDeps): DavApp {
  const clock = deps.clock ?? systemClock;
  const services: EventServices = { uow: deps.uow, clock, times: deps.times, delivery: deps.delivery };
  const model: CalDavModel = {
    type: 'VEVENT',
    text: (r, ctx) => textOnce(r, ctx, () => eventToICalendar(asEvent(r), ctx)),
    entry: (r) => publicEventData(asEvent(r).data) as unknown as ReturnType<CalDavModel['entry']>,
    rangeBoundsOccurrences: true,
  };
  return {
    app: 'calendar',
    kinds: ['calendar', 'inbox', 'outbox'],
    dataProperty: 'calendar-data',
    mediaTypes: [{ contentType: 'text/calendar', version: '2.0' }],
    // Behaviour §6.3: the outbox also takes free/busy requests.
    components: (c) => (c.kind === 'outbox' ? ['VEVENT', 'VFREEBUSY'] : ['VEVENT']),
    etag: (r) => eventEtag(asEvent(r)),
    scheduleTag: (r) => eventScheduleTag(asEvent(r)),
    contentType: () => EVENT_CONTENT_TYPE,
    displayName: (r) => eventTitle(publicEventData(asEvent(r).data)),
    facts: (r) => eventFacts(publicEventData(asEvent(r).data)),
    toText: (r, { ctx }) => model.text(r, ctx),
    fromText: (text, ctx) => readEventText(text, ctx, deps.repos),
    write: (draft, ctx) => writeEvent(services, draft, ctx),
    remove: (r, ctx) => removeEvent(services, r, ctx),
    calendarQuery: calendarQueryHook(model),
    calendarQueryPrefilter: calendarQueryPrefilterHook(model),
    partialText: partialTextHook(model),
    freeBusy(resources, range, ctx) {
      const events = resources.filter((r) => r.kind === 'event').map((r) => {
        const data = asEvent(r).data;
        const ownerId = ctx.collectionOf(r).ownerId;
        // A calendar's owner is a user (key "5") or a group ("-5").
        return { data, ownerKey: participantsOf(data)[String(ownerId)] ? String(ownerId) : `-${ownerId}` };
      });
      return freeBusyCalendar(events, spanOf(range), { now: clock.now(), prodId: EVENT_PROD_ID, budget: budgetOf(ctx.cache) });
    },
  };
}
