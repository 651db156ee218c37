import { parseJSCalendarInput } from '@almanac/codec-jscalendar';
import type { EventData } from '@almanac/domain-events';
import { type ResourceDraft, ValidationError } from '@almanac/domain-kernel';
import type { RestWriteContext } from '../../rest-app.js';

/** Members the client cannot set (behaviour §3.12): the server owns them. */
const READ_ONLY = ['prodId', 'sequence', 'created', 'updated'];

/**
 * What the reference stores for an event that does not say (seed 001, behaviour §5.3): confirmed,
 * public, normal priority. Filled in on every write, so that what GET shows is what was stored
 * and a GET→PUT round trip changes nothing.
 */
const DEFAULTS: Readonly<Record<string, unknown>> = { status: 'confirmed', priority: 5, privacy: 'public' };

const pointer = (path: string | undefined) => path ?? '';

/**
 * Reads a REST body into an event draft: `parseJSCalendarInput` turns either profile into the
 * canonical RFC 8984 Event (strict for `application/jscalendar+json`: RFC 8984 as is, a uid of at
 * least 12 characters); read-only members are dropped, the uid is kept, taken from a PUT's URL
 * segment or generated, and the reference's defaults fill what is missing. Participants are
 * resolved to accounts later, when the write is stored.
 *
 * @throws ValidationError (422) with the JSON pointer of every problem
 */
export function readEventBody(body: unknown, ctx: RestWriteContext, newId: () => string): ResourceDraft<EventData> {
  const parsed = parseJSCalendarInput(body, { strict: ctx.strict, type: 'Event' });
  if (!parsed.ok) {
    const details = parsed.errors.map((e) => ({ path: pointer(e.path), message: e.message }));
    const first = details[0]!;
    throw new ValidationError(`Error parsing JsCalendar Event attribute '${first.path.slice(1) || '(root)'}': ${first.message}`, details, 'event/invalid');
  }
  const event: Record<string, unknown> = { ...(parsed.value as EventData) };
  for (const member of READ_ONLY) delete event[member];
  const given = typeof event.uid === 'string' && event.uid !== '' ? event.uid : undefined;
  const invalid = (message: string) => new ValidationError(`Error parsing JsCalendar Event attribute 'uid': ${message}`, [{ path: '/uid', message }], 'event/invalid-uid');
  let uid: string;
  if (ctx.existing) {
    // DECISIONS.md: a PUT without uid keeps the stored one; a different one is refused.
    if (given !== undefined && given !== ctx.existing.uid) throw invalid('must not change the UID');
    uid = ctx.existing.uid;
  } else {
    uid = given ?? ctx.segment ?? `urn:uuid:${newId()}`;
  }
  if (ctx.strict && (given === undefined || given.length < 12)) throw invalid('required, at least 12 characters');
  for (const [member, value] of Object.entries(DEFAULTS)) if (event[member] === undefined || event[member] === null) event[member] = value;
  event.uid = uid;
  return { uid, name: ctx.segment ?? '', kind: 'event', data: event as EventData };
}
