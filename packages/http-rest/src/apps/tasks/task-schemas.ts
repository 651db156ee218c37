import { egroupwareSchema, rfc8984Schema } from '@almanac/codec-jscalendar';
import { toJsonSchema2020 } from '../contacts/schemas.js';

type Schema = Record<string, unknown>;

/**
 * The codec's schema of every JSCalendar object, narrowed to its Task, without the draft-07
 * marker. An `$id` makes its `#/$defs/…` references resolve inside it when it is nested.
 */
function taskOnly(schema: Schema, $id?: string): Schema {
  const { oneOf: _all, $schema: _draft, ...rest } = schema;
  return { ...($id && { $id }), ...rest, $ref: '#/definitions/Task' };
}

/** A request may leave `@type` out (behaviour §2.2: relaxed parsing fills it in). */
function typeOptional(schema: unknown): Schema {
  const s = schema as { $defs: Record<string, { required?: string[] }> };
  const task = s.$defs.Task!;
  return { ...s, $defs: { ...s.$defs, Task: { ...task, required: (task.required ?? []).filter((r) => r !== '@type') } } };
}

/**
 * What the OpenAPI document publishes for tasks: bodies in either profile (the codec's schemas,
 * which also check them after the lenient coercions), responses in the default `egroupware`
 * profile. The InfoLog members are vendor members (`egroupware.org:*`), which both allow.
 */
export const TASK_SCHEMAS = {
  input: {
    anyOf: [
      typeOptional(toJsonSchema2020(taskOnly(egroupwareSchema(false), 'https://almanac.invalid/schemas/task-input-egroupware.json'))),
      typeOptional(toJsonSchema2020(taskOnly(rfc8984Schema(false), 'https://almanac.invalid/schemas/task-input-rfc.json'))),
    ],
  },
  resource: toJsonSchema2020(taskOnly(egroupwareSchema(false))) as object,
  mediaType: 'application/jscalendar+json;type=task',
} as const;
