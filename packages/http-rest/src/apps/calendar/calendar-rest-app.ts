import {
  eventEtag, eventFacts, type EventServices, eventScheduleTag, type EventTimes, listingWindow, mayKnowOf, publicEventData,
  type SchedulingDelivery,
} from '@almanac/domain-events';
import { type Clock, type KernelRepositories, systemClock, type UnitOfWork } from '@almanac/domain-kernel';
import type { RestApp } from '../../rest-app.js';
import { eventProperty } from './properties.js';
import { readEventBody } from './reading.js';
import { asEvent, EVENT_CONTENT_TYPE, eventDisplayName, eventRenderer } from './rendering.js';
import { EVENT_SCHEMAS } from './schemas.js';
import { checkEventPreconditions, removeEvent, writeEvent } from './writing.js';

/** What the calendar app is built on. */
export interface CalendarRestAppDeps {
  readonly repos: KernelRepositories;
  /** Each write with the copies it keeps in step is one unit of work (RFC 6638 scheduling). */
  readonly uow: UnitOfWork;
  /**
   * Series ranges and occurrences of events (the codec's recurrence engine in the server). The DAV
   * calendar app gets the same instance, so both interfaces store the same ranges.
   */
  readonly times: EventTimes;
  readonly clock?: Clock;
  /** Scheduling messages for participants without an account here; none are sent when absent. */
  readonly delivery?: SchedulingDelivery;
}

/**
 * Calendars over REST (seed 001, behaviour §3, §5.3, DECISIONS.md): JSCalendar events, recurring
 * ones with overrides, exclusions and alerts writable; `calendar-data` as the listing property;
 * ETag `"<id>:<sequence>:<revision>"` and Schedule-Tag `"<id>:<sequence>"`; If-Schedule-Tag-Match;
 * participants keyed by account; implicit scheduling between the accounts of this server, with an
 * attendee's DELETE declining; free/busy readers see events blanked; non-sync listings without
 * time filter cover the reference's window (−100/+365 days).
 *
 * @example createRestRouter({ …, apps: { calendar: calendarRestApp({ repos, uow, times }) } })
 */
export function calendarRestApp(deps: CalendarRestAppDeps): RestApp {
  const clock = deps.clock ?? systemClock;
  const services: EventServices = { uow: deps.uow, clock, times: deps.times, delivery: deps.delivery };
  const newId = () => globalThis.crypto.randomUUID();
  return {
    app: 'calendar',
    dataProperty: 'calendar-data',
    flatPost: true,
    filterColumns: {},
    segment: (r) => String(r.id),
    etag: (r) => eventEtag(asEvent(r)),
    scheduleTag: (r) => eventScheduleTag(asEvent(r)),
    contentType: () => EVENT_CONTENT_TYPE,
    displayName: eventDisplayName,
    facts: (r) => eventFacts(publicEventData(asEvent(r).data)),
    // Behaviour §4.3: the free/busy right shows events, blanked.
    readAction: 'read-free-busy',
    visible: (r, ctx) => mayKnowOf(asEvent(r).data, ctx.actor, ctx.collectionOf(r)),
    listingWindow: () => listingWindow(clock.now()),
    renderer: async (ctx) => eventRenderer(ctx),
    property: (name, r, ctx) => eventProperty(deps.repos, name, r, ctx),
    read: async (body, ctx) => readEventBody(body, ctx, newId),
    checkPreconditions: checkEventPreconditions,
    write: (draft, ctx) => writeEvent(services, draft, ctx),
    remove: (r, ctx) => removeEvent(services, r, ctx),
    schemas: EVENT_SCHEMAS,
  };
}
