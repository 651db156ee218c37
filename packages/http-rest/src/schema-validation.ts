import { ValidationError } from '@almanac/domain-kernel';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

// One compiler for the process; schemas compile once (by object identity) on first use.
const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: false });
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Validates a request body against a published JSON Schema, so that what the OpenAPI document
 * says is what requests are held to.
 * @throws ValidationError with the JSON pointer of each problem
 */
export function validateAgainst(schema: object, body: unknown, what: string): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(body)) return;
  const details = (validate.errors ?? []).map((e) => ({
    path: e.instancePath + (e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : ''),
    message: e.keyword === 'required' ? 'required' : e.message ?? 'invalid',
  }));
  const first = details[0] ?? { path: '', message: 'invalid' };
  throw new ValidationError(`Error parsing ${what} attribute '${first.path.slice(1) || '(root)'}': ${first.message}`, details, 'input/schema');
}
