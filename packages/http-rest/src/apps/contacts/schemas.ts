import { egroupwareSchema, rfcSchema } from '@almanac/codec-jscontact';

type Schema = { [key: string]: unknown };

/**
 * The codec writes its schemas in draft-07 (ajv's default): a tuple is `items: [...]` and shared
 * definitions sit under `definitions`, next to a root `$ref`. OpenAPI 3.1 speaks JSON Schema
 * 2020-12: `prefixItems` (with `additionalItems` become `items`), `$defs`, and a root reference is
 * best written as `allOf` (a sibling `$ref` at a root with definitions sends ajv into a loop).
 * Converts a schema tree, leaving everything else as it is.
 */
export function toJsonSchema2020(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema2020);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'items' && Array.isArray(value)) out.prefixItems = value.map(toJsonSchema2020);
    else if (key === 'additionalItems') out.items = toJsonSchema2020(value);
    else if (key === 'definitions') out.$defs = toJsonSchema2020(value);
    else if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(/^#\/definitions\//, '#/$defs/');
    else out[key] = toJsonSchema2020(value);
  }
  if (out.$defs !== undefined && typeof out.$ref === 'string') {
    const { $ref, ...rest } = out;
    return { ...rest, allOf: [{ $ref }] };
  }
  return out;
}

/**
 * What the OpenAPI document publishes for address books: bodies in either profile (the codec's
 * lenient schemas, which also check them), responses in the default `egroupware` profile.
 */
export const CONTACT_SCHEMAS = {
  input: { anyOf: [toJsonSchema2020(egroupwareSchema(false)), toJsonSchema2020(rfcSchema(false))] },
  resource: toJsonSchema2020(egroupwareSchema(false)) as object,
  mediaType: 'application/jscontact+json',
} as const;
