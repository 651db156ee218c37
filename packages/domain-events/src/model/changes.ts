import type { Participant, PatchObject } from '@almanac/codec-jscalendar';
import { deepEqual } from './deep-equal.js';
import { type EventData, SERVER_MEMBER } from './event.js';
import { participantsOf } from './participants.js';

/**
 * Members each calendar user keeps for themselves (RFC 6638 §3.2.2.1 lets attendees change their
 * alarms): the organizer's alerts are never copied to attendees, and an attendee's survive the
 * organizer's updates.
 */
export const PER_COPY_MEMBERS: readonly string[] = ['alerts', 'useDefaultAlerts'];

/** Participant members that carry a participant's reply rather than the organizer's data. */
export const REPLY_MEMBERS: readonly string[] = [
  'participationStatus', 'participationComment', 'scheduleStatus', 'scheduleUpdated', 'scheduleSequence', 'progress', 'progressUpdated', 'percentComplete',
];

/** Members the server sets on every write; a change of them alone is no change. */
const SERVER_SET: readonly string[] = ['updated', 'sequence', 'created', 'prodId', SERVER_MEMBER];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a PatchObject key (RFC 8984 §1.4.9) targets a per-copy member (`alerts`, `alerts/a1/trigger`, …). */
export const isPerCopyPath = (path: string) => PER_COPY_MEMBERS.some((m) => path === m || path.startsWith(`${m}/`));

/** Whether a PatchObject key targets a participant's reply: `participants/<key>/participationStatus` and the like. */
export function replyPathKey(path: string): string | undefined {
  const m = /^participants\/([^/]+)\/([^/]+)$/.exec(path.replace(/^\//, ''));
  return m && REPLY_MEMBERS.includes(m[2]!) ? m[1] : undefined;
}

function withoutReplies(p: Participant): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !REPLY_MEMBERS.includes(k)));
}

function overrideWithoutPrivateParts(patch: PatchObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(patch)) {
    const bare = path.replace(/^\//, '');
    if (isPerCopyPath(bare) || replyPathKey(bare) !== undefined || SERVER_SET.includes(bare)) continue;
    // Overrides written as nested partial objects (the egroupware profile's shape) carry replies inside.
    if (bare === 'participants' && isObject(value)) {
      out[bare] = Object.fromEntries(Object.entries(value).map(([k, p]) => [k, isObject(p) ? withoutReplies(p as Participant) : p]));
    } else out[bare] = value;
  }
  return out;
}

/**
 * What the organizer decides, as opposed to what participants answer and each user keeps: the event
 * without server-set members, per-copy members, and the participants' replies (also inside
 * recurrence overrides).
 */
export function organizerPart(event: EventData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (SERVER_SET.includes(key) || PER_COPY_MEMBERS.includes(key) || value === undefined) continue;
    if (key === 'participants') {
      out[key] = Object.fromEntries(Object.entries(participantsOf(event)).map(([k, p]) => [k, withoutReplies(p)]));
    } else if (key === 'recurrenceOverrides' && isObject(value)) {
      // An override left empty is kept: for a date no rule generates, it still adds an occurrence (RFC 8984 §4.3.5).
      out[key] = Object.fromEntries(Object.entries(value).map(([rid, patch]) => [rid, isObject(patch) ? overrideWithoutPrivateParts(patch) : patch]));
    } else out[key] = value;
  }
  return out;
}

/**
 * RFC 5545 §3.8.7.4 / RFC 6638: whether going from `before` to `after` is an organizer's change,
 * which bumps `sequence` and so the Schedule-Tag. Replies (participation status and comment, also
 * per occurrence), alerts and server-set members are not.
 *
 * @example organizerChanged(e, { ...e, title: 'New' }) // true
 * @example organizerChanged(e, withStatus(e, '7', 'declined')) // false
 */
export function organizerChanged(before: EventData, after: EventData): boolean {
  return !deepEqual(organizerPart(before), organizerPart(after));
}

/** The per-copy part of an event: its own alerts, also those patched into single occurrences. */
export interface PerCopyPart {
  readonly members: Readonly<Record<string, unknown>>;
  readonly overrides: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Extracts what a calendar user keeps for themselves from their copy. */
export function perCopyPart(event: EventData | undefined): PerCopyPart {
  if (!event) return { members: {}, overrides: {} };
  const members = Object.fromEntries(PER_COPY_MEMBERS.filter((m) => event[m] !== undefined).map((m) => [m, event[m]]));
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const [rid, patch] of Object.entries(isObject(event.recurrenceOverrides) ? event.recurrenceOverrides : {})) {
    if (!isObject(patch)) continue;
    const own = Object.fromEntries(Object.entries(patch).filter(([path]) => isPerCopyPath(path.replace(/^\//, ''))));
    if (Object.keys(own).length) overrides[rid] = own;
  }
  return { members, overrides };
}

/**
 * `event` with its per-copy part replaced by `part`: the organizer's alerts removed (also from
 * overrides) and the copy owner's put in. Overrides emptied by this stay (for a date no rule
 * generates, an empty patch still adds the occurrence, RFC 8984 §4.3.5). The owner's alerts for
 * single occurrences are kept where the organizer has an override (not an exclusion) for them.
 */
export function withPerCopyPart(event: EventData, part: PerCopyPart): EventData {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!PER_COPY_MEMBERS.includes(key)) out[key] = value;
  Object.assign(out, part.members);
  const overrides: Record<string, unknown> = {};
  for (const [rid, patch] of Object.entries(isObject(event.recurrenceOverrides) ? event.recurrenceOverrides : {})) {
    overrides[rid] = isObject(patch) ? Object.fromEntries(Object.entries(patch).filter(([path]) => !isPerCopyPath(path.replace(/^\//, '')))) : patch;
  }
  for (const [rid, own] of Object.entries(part.overrides)) {
    const base = overrides[rid];
    // Only onto an override the organizer still has: for a date no rule generates, a patch of
    // alerts alone would add an occurrence the organizer removed.
    if (!isObject(base) || base.excluded === true) continue;
    overrides[rid] = { ...base, ...own };
  }
  if (Object.keys(overrides).length) out.recurrenceOverrides = overrides;
  else delete out.recurrenceOverrides;
  return out as EventData;
}
