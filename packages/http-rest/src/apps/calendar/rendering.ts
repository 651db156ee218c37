import { formatJSCalendar } from '@almanac/codec-jscalendar';
import {
  blankedForFreeBusy, type EventData, egroupwareKey, formatUtc, perCopyPart, publicEventData, sequenceOf, type StoredEvent, withPerCopyPart,
} from '@almanac/domain-events';
import type { StoredResource } from '@almanac/domain-kernel';
import type { Profile } from '../../flavor.js';
import type { RestRenderContext } from '../../rest-app.js';

/** Behaviour §2.3: an event's media type. */
export const EVENT_CONTENT_TYPE = 'application/jscalendar+json;type=event;charset=utf-8';

/** What events written over REST name as their producer (the reference: `EGroupware Calendar <version>`). */
export const PROD_ID = 'Almanac Calendar';

/**
 * Members in the order the reference writes them (seed 001); others follow in stored order. The
 * store (jsonb) does not keep member order, so responses put it back.
 */
const EVENT_ORDER = [
  '@type', 'prodId', 'uid', 'sequence', 'created', 'updated', 'title', 'description', 'start', 'timeZone', 'showWithoutTime', 'duration',
  'recurrenceRules', 'excludedRecurrenceRules', 'recurrenceOverrides', 'freeBusyStatus', 'locations', 'participants', 'alerts', 'status', 'priority', 'privacy',
];
const PARTICIPANT_ORDER = ['@type', 'name', 'email', 'kind', 'roles', 'participationStatus'];
const ALERT_ORDER = ['@type', 'trigger', 'acknowledged'];
const TRIGGER_ORDER = ['@type', 'offset', 'relativeTo', 'when'];

function ordered(obj: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (obj[key] !== undefined) out[key] = obj[key];
  for (const [key, value] of Object.entries(obj)) if (!(key in out)) out[key] = value;
  return out;
}

const orderEach = (map: unknown, order: readonly string[], inner?: (v: Record<string, unknown>) => Record<string, unknown>) =>
  isObject(map) ? Object.fromEntries(Object.entries(map).map(([k, v]) => [k, isObject(v) ? (inner ?? ((x) => x))(ordered(v, order)) : v])) : map;

/** An event (or an override of one) in the reference's member order, participants and alerts too. */
function inReferenceOrder(event: Record<string, unknown>): Record<string, unknown> {
  const out = ordered(event, EVENT_ORDER);
  if (out.participants !== undefined) out.participants = orderEach(out.participants, PARTICIPANT_ORDER);
  if (out.alerts !== undefined) out.alerts = orderEach(out.alerts, ALERT_ORDER, (a) => (isObject(a.trigger) ? { ...a, trigger: ordered(a.trigger, TRIGGER_ORDER) } : a));
  if (isObject(out.recurrenceOverrides)) {
    out.recurrenceOverrides = Object.fromEntries(Object.entries(out.recurrenceOverrides).map(([k, o]) => [k, isObject(o) && !Object.keys(o).some((m) => m.includes('/')) ? inReferenceOrder(o) : o]));
  }
  return out;
}

export const asEvent = (r: StoredResource) => r as StoredEvent;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface RenderEventOptions {
  readonly profile: Profile;
  /** False for a free/busy reader, or a reader without PRIVATE on a private event: details blanked. */
  readonly full: boolean;
  /** Alerts belong to the calendar's owner: others do not see them (behaviour §1.3, §5.3). */
  readonly ownAlerts: boolean;
}

/** The egroupware profile keys participants without an account as `e<email>` (behaviour §5.3). */
function egroupwareKeys(participants: unknown): unknown {
  if (!isObject(participants)) return participants;
  return Object.fromEntries(Object.entries(participants).map(([k, p]) => [isObject(p) ? egroupwareKey(k, p) : k, p]));
}

/**
 * An event as GET and listings show it: the canonical event without the server's member, blanked
 * for free/busy readers, without alerts for anyone but the calendar's owner, `created`/`updated`
 * from the store when the data has none, in the requested profile. The egroupware profile leaves
 * a zero `sequence` out and keys external participants by email, as the reference does.
 */
export function renderEvent(r: StoredEvent, opts: RenderEventOptions): Record<string, unknown> {
  let data: EventData = publicEventData(r.data);
  if (!opts.full) data = blankedForFreeBusy(data);
  if (!opts.ownAlerts) data = withPerCopyPart(data, perCopyPart(undefined));
  data = {
    ...data,
    prodId: typeof data.prodId === 'string' ? data.prodId : PROD_ID,
    created: typeof data.created === 'string' ? data.created : formatUtc(r.createdAt),
    updated: typeof data.updated === 'string' ? data.updated : formatUtc(r.updatedAt),
  };
  if (opts.profile === 'egroupware' && sequenceOf(data) === 0) delete data.sequence;
  const out = formatJSCalendar(data, { profile: opts.profile });
  if (opts.profile === 'egroupware') {
    if (out.participants !== undefined) out.participants = egroupwareKeys(out.participants) as never;
    if (isObject(out.recurrenceOverrides)) {
      for (const o of Object.values(out.recurrenceOverrides)) if (isObject(o) && o.participants !== undefined) o.participants = egroupwareKeys(o.participants);
    }
  }
  return inReferenceOrder(out);
}

/** The renderer of one request (RestApp.renderer). */
export function eventRenderer(ctx: RestRenderContext): (r: StoredResource) => Record<string, unknown> {
  return (r) => renderEvent(asEvent(r), {
    profile: ctx.profile,
    full: ctx.may ? ctx.may('read', r) : true,
    ownAlerts: ctx.collectionOf(r).ownerId === ctx.actor.userId,
  });
}

/** What listings show as `displayname`: the title, blank when the caller sees the event blanked. */
export function eventDisplayName(r: StoredResource, ctx?: RestRenderContext): string {
  if (ctx?.may && !ctx.may('read', r)) return '';
  const title = asEvent(r).data.title;
  return typeof title === 'string' ? title : '';
}
