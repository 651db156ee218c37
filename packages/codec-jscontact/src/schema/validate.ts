import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Issue, Profile } from '../types.js';
import { egroupwareSchema } from './egroupware-schema.js';
import { checkPropertyNames } from './property-names.js';
import { rfcSchema } from './rfc-schema.js';

/** Options of {@link validateJSContact}. */
export interface ValidateOptions {
  /** Which JSON shape to check against; `rfc` by default. */
  profile?: Profile;
  /**
   * `true`: the rules of the strict media type `application/jscontact+json`: for `rfc`, RFC 9553
   * exactly (`@type`, `version`, `uid` required, registered enum values, no property that
   * differs from a defined one only in case, no reserved name); for `egroupware`, every typed
   * sub-object carries its `@type` and `uid` has at least 12 characters. Default `false`.
   */
  strict?: boolean;
}

type AjvClass = typeof import('ajv').default;
// ajv is CommonJS; its class is the default export or the module itself depending on the loader.
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);
const compiled = new Map<string, ValidateFunction>();

/** Schemas are compiled on first use, so importing the package costs nothing. */
function validator(profile: Profile, strict: boolean): ValidateFunction {
  const key = `${profile}:${strict}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const fn = ajv.compile(profile === 'rfc' ? rfcSchema(strict) : egroupwareSchema(strict));
  compiled.set(key, fn);
  return fn;
}

/**
 * Checks a JSON value against the JSON Schema of a profile (ajv) and, for the `rfc` profile in
 * strict mode, the property-name rules of RFC 9553 (case, reserved names, also inside
 * localization patches). Returns the problems found, each with a JSON pointer (`path`) into the
 * value; an empty list means valid. Never throws.
 *
 * @example
 * validateJSContact({ '@type': 'Card', version: '1.0', uid: 'x', emails: { e1: {} } }, { strict: true })
 * // [{ path: '/emails/e1/address', message: 'is required', code: 'jscontact/required' }]
 */
export function validateJSContact(value: unknown, options: ValidateOptions = {}): Issue[] {
  const profile = options.profile ?? 'rfc';
  const strict = options.strict === true;
  const fn = validator(profile, strict);
  const issues: Issue[] = [];
  try {
    if (!fn(value)) issues.push(...toIssues(fn.errors ?? []));
  } catch (err) {
    issues.push({ code: 'jscontact/invalid', path: '', message: `cannot be validated: ${err instanceof Error ? err.message : String(err)}` });
  }
  if (profile === 'rfc' && strict) issues.push(...checkPropertyNames(value));
  return issues;
}

function toIssues(errors: ErrorObject[]): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // `if`/`anyOf` wrappers repeat what their branches already said.
    if (e.keyword === 'if' || e.keyword === 'anyOf') continue;
    // The vendor-value alternative of enumerations (`example.com:x`) adds nothing to "one of".
    if (e.keyword === 'pattern' && (e.params as { pattern?: string }).pattern === ':') continue;
    let path = e.instancePath;
    let message = e.message ?? 'is invalid';
    let code = `jscontact/${e.keyword}`;
    if (e.keyword === 'required') {
      path += '/' + String((e.params as { missingProperty: string }).missingProperty).replace(/~/g, '~0').replace(/\//g, '~1');
      message = 'is required';
    } else if (e.keyword === 'propertyNames') {
      path += '/' + String((e.params as { propertyName: string }).propertyName).replace(/~/g, '~0').replace(/\//g, '~1');
      message = 'is not a valid Id (1-255 characters A-Z a-z 0-9 _ -)';
      code = 'jscontact/invalid-id';
    } else if (e.keyword === 'const' && e.instancePath.endsWith('/@type')) {
      message = `must be "${String((e.params as { allowedValue: unknown }).allowedValue)}"`;
    }
    const key = path + '\u0000' + message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message, code });
  }
  return out;
}
