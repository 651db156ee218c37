import { egroupwareSchema, rfc8984Schema } from '@almanac/codec-jscalendar';
import { toJsonSchema2020 } from '../contacts/schemas.js';

type Schema = { [key: string]: unknown };

/**
 * The codec's schema (Event, Task or Group) narrowed to an Event, in JSON Schema 2020-12, with an
 * `$id` so that its `#/$defs/…` references resolve inside it wherever the document embeds it.
 */
function eventOnly(schema: Schema, profile: string): object {
  const { oneOf: _any, $schema: _draft, ...rest } = toJsonSchema2020(schema) as Schema;
  return { $id: `urn:almanac:schema:jscalendar-event-${profile}`, ...rest, allOf: [{ $ref: '#/$defs/Event' }] };
}

/**
 * What the OpenAPI document publishes for calendars: bodies in either profile (the codec's
 * schemas; lenient `application/json` bodies may also use flat `a/b` keys and older shapes, which
 * `parseJSCalendarInput` reads), responses in the default `egroupware` profile.
 */
export const EVENT_SCHEMAS = {
  input: { anyOf: [eventOnly(egroupwareSchema(false), 'egroupware-input'), eventOnly(rfc8984Schema(false), 'rfc-input')] },
  resource: eventOnly(egroupwareSchema(false), 'egroupware'),
  mediaType: 'application/jscalendar+json;type=event',
} as const;
