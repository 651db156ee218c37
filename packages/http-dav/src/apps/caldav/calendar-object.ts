import { type JCalComponent, parseICalendar } from '@almanac/codec-icalendar';
import type { Event, Group, Task } from '@almanac/codec-jscalendar';
import { icalendarToJSCalendar } from '@almanac/codec-jscalendar/icalendar';
import { formatLocalDateTime, parseLocalDateTime, wallClock } from '@almanac/codec-jscalendar/recurrence';
import { diffPatch } from '@almanac/codec-patchobject';
import { ValidationError } from '@almanac/domain-kernel';
import { DavPreconditionError } from '../../dav/errors.js';
import { preconditions } from '../../xml/write/preconditions.js';
import { childComponents, compName, firstProperty } from './jcal.js';

/** The component types of calendar object resources (RFC 4791 §4.1); VTIMEZONE goes along with them. */
const OBJECT_TYPES: ReadonlySet<string> = new Set(['VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VAVAILABILITY']);

/** Members of an override that only the whole series has, or that the codec sets on every entry. */
const SERIES_ONLY = ['@type', 'uid', 'prodId', 'method', 'recurrenceId', 'recurrenceIdTimeZone', 'recurrenceRules', 'excludedRecurrenceRules', 'recurrenceOverrides', 'timeZones'];

const invalid = (message: string, path = '') => new ValidationError(message, [{ path, message }], 'caldav/invalid-calendar-data');
const objectRule = (message: string) => new DavPreconditionError(403, preconditions.caldav.validCalendarObjectResource(), message);

/**
 * The RFC 4791 §4.1 shape of a PUT body: one VCALENDAR whose components (VTIMEZONEs aside) are
 * all of one type and share one UID. Throws when the body is not iCalendar at all
 * (`valid-calendar-data`), holds a type the collection does not take (`supported-calendar-component`),
 * or breaks the one-UID rule (`valid-calendar-object-resource`).
 */
function checkShape(text: string, accepted: string): JCalComponent {
  const parsed = parseICalendar(text);
  if (!parsed.ok) throw invalid(`not iCalendar: ${parsed.errors[0]?.message ?? 'unreadable'}`);
  const calendars = parsed.value.filter((c) => compName(c) === 'VCALENDAR');
  if (calendars.length !== 1 || parsed.value.length !== 1) throw invalid('a calendar object resource is exactly one VCALENDAR (RFC 4791 §4.1)');
  const vcalendar = calendars[0]!;
  const types = new Set(childComponents(vcalendar).map(compName).filter((n) => n !== 'VTIMEZONE'));
  for (const type of types) {
    if (type !== accepted && (OBJECT_TYPES.has(type) || !type.startsWith('X-'))) {
      throw new DavPreconditionError(403, preconditions.caldav.supportedCalendarComponent(), `this collection takes ${accepted} components, not ${type}`);
    }
  }
  const objects = childComponents(vcalendar, accepted);
  if (objects.length === 0) throw objectRule(`the calendar object holds no ${accepted}`);
  const uids = new Set(objects.map((c) => firstProperty(c, 'UID')?.[3]));
  if (uids.has(undefined) || uids.has('')) throw invalid(`every ${accepted} needs a UID (RFC 5545 §3.8.4.7)`, '/uid');
  if (uids.size > 1) throw objectRule('all components of a calendar object resource share one UID (RFC 4791 §4.1)');
  return vcalendar;
}

type Entry = (Event | Task) & Record<string, unknown>;

/** The key of an override in the main entry's zone (the codec writes it in the override's). */
function overrideKey(main: Entry, override: Entry): string | undefined {
  const rid = override.recurrenceId;
  if (typeof rid !== 'string') return undefined;
  const from = typeof override.recurrenceIdTimeZone === 'string' ? override.recurrenceIdTimeZone : null;
  const to = typeof main.timeZone === 'string' ? main.timeZone : null;
  if (from === to || from === null || to === null) return rid.slice(0, 19);
  const wall = parseLocalDateTime(rid);
  const a = wallClock(from);
  const b = wallClock(to);
  return wall === undefined || !a || !b ? rid.slice(0, 19) : formatLocalDateTime(b.toWall(a.toInstant(wall)));
}

/**
 * Folds overrides the codec left stand-alone (an override it could not express as a patch without
 * loss, e.g. one that lacks the ORGANIZER of the series) into the main entry's
 * `recurrenceOverrides`, so that one resource is one canonical object. Without a main component
 * (an invitation to single occurrences, RFC 6638 §3.2.7) the first occurrence stands for it.
 */
function foldOverrides(entries: Entry[]): Entry {
  const main = entries.find((e) => e.recurrenceId === undefined) ?? { ...entries[0]! };
  const strip = (e: Entry) => Object.fromEntries(Object.entries(e).filter(([k]) => !SERIES_ONLY.includes(k)));
  const overrides: Record<string, unknown> = { ...(main.recurrenceOverrides as Record<string, unknown> | undefined) };
  for (const e of entries) {
    if (e === main || e.recurrenceId === undefined) continue;
    const key = overrideKey(main, e);
    if (key === undefined) continue;
    const patch = diffPatch(strip(main), strip(e));
    overrides[key] = Object.keys(patch).length ? patch : { iCalComponent: main.iCalComponent ?? { '@type': 'ICalComponent', name: String(main['@type']).toLowerCase() === 'task' ? 'vtodo' : 'vevent' } };
  }
  const out: Entry = { ...main };
  delete out.recurrenceId;
  delete out.recurrenceIdTimeZone;
  if (Object.keys(overrides).length) out.recurrenceOverrides = overrides as Entry['recurrenceOverrides'];
  return out;
}

/**
 * Participants the codec read with only a `calendarAddress` (JSCalendar 2.0; an ORGANIZER that is
 * no ATTENDEE) get the RFC 8984 `sendTo` `imip` too, which is where the domain finds a
 * participant's address to resolve it to an account.
 */
function withSendTo(entry: Entry): Entry {
  const participants = entry.participants;
  if (typeof participants !== 'object' || participants === null) return entry;
  const out: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(participants as Record<string, Record<string, unknown>>)) {
    const sendTo = typeof p?.sendTo === 'object' && p.sendTo !== null ? (p.sendTo as Record<string, unknown>) : undefined;
    const address = p?.calendarAddress;
    out[key] = typeof address === 'string' && /^mailto:/i.test(address) && typeof sendTo?.imip !== 'string' ? { ...p, sendTo: { ...sendTo, imip: address } } : p;
  }
  return { ...entry, participants: out as Entry['participants'] };
}

/** The body read into one canonical object: the Event or Task, with the custom time zones it uses. */
export interface CalendarObjectEntry<T extends Event | Task> {
  readonly entry: T;
  /** Problems the codec worked around (lenient reading). */
  readonly warnings: readonly string[];
}

/**
 * Reads the iCalendar body of a PUT into one canonical JSCalendar object (RFC 8984 rfc profile)
 * with `@almanac/codec-jscalendar/icalendar`: the main component with its overrides as
 * `recurrenceOverrides`, custom time zones as `timeZones`. What the VCALENDAR itself carries
 * (PRODID, METHOD, calendar-level X- properties) is not part of the object: the text is stored
 * as received anyway.
 *
 * @throws ValidationError (→ 403 `valid-calendar-data`) when the text is no usable iCalendar,
 *   DavPreconditionError `supported-calendar-component` / `valid-calendar-object-resource`
 * @example readCalendarObject(ics, 'VEVENT').entry.uid
 */
export function readCalendarObject<T extends Event | Task>(text: string, accepted: 'VEVENT' | 'VTODO'): CalendarObjectEntry<T> {
  const vcalendar = checkShape(text, accepted);
  const converted = icalendarToJSCalendar(vcalendar);
  if (!converted.ok) throw invalid(`not iCalendar: ${converted.errors[0]?.message ?? 'unreadable'}`);
  const group: Group = converted.value;
  const type = accepted === 'VEVENT' ? 'Event' : 'Task';
  const entries = (group.entries ?? []).filter((e) => e && e['@type'] === type) as Entry[];
  if (entries.length === 0) throw invalid(`no ${accepted} could be read`);
  const entry = withSendTo(foldOverrides(entries));
  delete entry.method;
  delete entry.prodId;
  if (group.timeZones && Object.keys(group.timeZones).length) entry.timeZones = { ...group.timeZones, ...(entry.timeZones as object | undefined) };
  return { entry: entry as T, warnings: converted.warnings.map((w) => w.message) };
}
