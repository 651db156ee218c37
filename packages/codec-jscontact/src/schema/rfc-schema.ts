import { MODEL, type FieldType, type TypeName } from './model.js';

type Schema = Record<string, unknown>;

const UTC = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';
const ID = '^[A-Za-z0-9_-]{1,255}$';

/**
 * The JSON Schema of the `rfc` profile (RFC 9553 Card with RFC 9555 conversion properties),
 * generated from MODEL. `strict`: `@type`, `version` and `uid` are required on the Card, and
 * enumerated values must be registered ones (or vendor values with a `:`); lenient: only the
 * members each object cannot do without, and any string where values are enumerated. Unknown
 * and vendor properties are allowed in both (RFC 9553 §1.3.3: preserved, not rejected).
 */
export function rfcSchema(strict: boolean): Schema {
  const defs: Record<string, Schema> = {};
  for (const name of Object.keys(MODEL) as TypeName[]) defs[name] = objectSchema(name, strict);
  return { $id: `almanac:jscontact:rfc:${strict ? 'strict' : 'lenient'}`, $ref: '#/definitions/Card', definitions: defs };
}

function objectSchema(name: TypeName, strict: boolean): Schema {
  const def = MODEL[name];
  const properties: Record<string, Schema> = { '@type': { const: name } };
  for (const [field, type] of Object.entries(def.fields)) properties[field] = fieldSchema(type, strict);
  let required = [...(def.required ?? [])];
  if (!strict) {
    required = required.filter((r) => !(r === '@type' && !def.typeRequired) && !(name === 'Card' && (r === 'version' || r === 'uid')));
  }
  const out: Schema = { type: 'object', properties };
  if (required.length > 0) out['required'] = required;
  // RFC 9553: an Organization has a name or units.
  if (name === 'Organization') out['anyOf'] = [{ required: ['name'] }, { required: ['units'] }];
  return out;
}

function ref(name: TypeName): Schema {
  return { $ref: `#/definitions/${name}` };
}

function fieldSchema(type: FieldType, strict: boolean): Schema {
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        return { type: 'string' };
      case 'boolean':
        return { type: 'boolean' };
      case 'uint':
        return { type: 'integer', minimum: 0 };
      case 'number':
        return { type: 'number' };
      case 'utc':
        return { type: 'string', pattern: UTC };
      case 'pref':
        return { type: 'integer', minimum: 1, maximum: 100 };
      case 'id':
        return { type: 'string', pattern: ID };
      case 'booleanSet':
      case 'contexts':
        return { type: 'object', additionalProperties: { const: true } };
      case 'vCardParams':
        return { type: 'object', additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } };
      case 'jcardProps':
        return {
          type: 'array',
          items: { type: 'array', minItems: 3, items: [{ type: 'string', minLength: 1 }, { type: 'object' }, { type: 'string' }] },
        };
      case 'patchMap':
        return { type: 'object', additionalProperties: { type: 'object' } };
      case 'any':
        return {};
    }
  }
  if ('enum' in type) {
    return strict ? { type: 'string', anyOf: [{ enum: [...type.enum] }, { pattern: ':' }] } : { type: 'string' };
  }
  if ('obj' in type) return ref(type.obj);
  if ('map' in type) return { type: 'object', additionalProperties: ref(type.map) };
  if ('idMap' in type) return { type: 'object', propertyNames: { pattern: ID }, additionalProperties: ref(type.idMap) };
  if ('array' in type) return { type: 'array', items: ref(type.array) };
  if ('stringMap' in type) return { type: 'object', additionalProperties: { type: 'string' } };
  // Anniversary date: a Timestamp has @type Timestamp (or, leniently, a `utc`); else a PartialDate.
  return {
    if: { anyOf: [{ required: ['@type'], properties: { '@type': { const: 'Timestamp' } } }, ...(strict ? [] : [{ required: ['utc'] }])] },
    then: ref('Timestamp'),
    else: ref('PartialDate'),
  };
}
