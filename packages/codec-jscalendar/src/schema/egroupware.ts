import { rfc8984Schema } from './rfc8984.js';

type Schema = Record<string, unknown>;

/**
 * JSON Schema of the `egroupware` profile (egroupware-behaviour.md §5.3,
 * §5.4, §5.6): the RFC 8984 schema with the profile's differences —
 * `sequence` as a string, `byDay` as one NDay with comma-joined days,
 * participants keyed by account ids (any key), Relation `relation` as a
 * string, Task `status`, recurrence overrides as nested partial objects.
 */
export function egroupwareSchema(complete: boolean): Schema {
  const schema = structuredClone(rfc8984Schema(complete)) as { definitions: Record<string, Schema & { properties: Record<string, Schema> }> };
  const d = schema.definitions;
  const days = '(mo|tu|we|th|fr|sa|su)';
  for (const type of ['Event', 'Task']) {
    const props = d[type]!.properties;
    props.sequence = { type: 'string', pattern: '^\\d+$' };
    props.participants = { type: 'object', additionalProperties: { $ref: '#/definitions/Participant' } };
    props.categories = { type: 'object', additionalProperties: { const: true } };
    props.recurrenceOverrides = { type: 'object', additionalProperties: { type: 'object' }, propertyNames: { $ref: '#/definitions/LocalDateTime' } };
  }
  d.Task!.properties.status = { enum: ['confirmed', 'cancelled', 'tentative'] };
  d.NDayList = { ...d.NDay!, properties: { ...d.NDay!.properties, day: { type: 'string', pattern: `^${days}(,${days})*$` } } };
  d.RecurrenceRule!.properties.byDay = { anyOf: [{ $ref: '#/definitions/NDayList' }, { type: 'array', items: { $ref: '#/definitions/NDay' } }] };
  d.Relation!.properties.relation = { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { const: true } }] };
  return schema;
}
