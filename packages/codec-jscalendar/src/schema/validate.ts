import AjvModule from 'ajv';
import type { Issue } from '../issues.js';
import { egroupwareSchema } from './egroupware.js';
import { rfc8984Schema } from './rfc8984.js';

/** Which JSON shape to validate against. */
export type Profile = 'rfc' | 'egroupware';

/** Options of {@link validateJSCalendar}. */
export interface ValidateOptions {
  /** `rfc` (RFC 8984, default) or `egroupware`. */
  profile?: Profile;
  /** Also require the members RFC 8984 makes mandatory but servers usually fill (uid, updated, start). */
  complete?: boolean;
}

type ValidateFn = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }> | null };

const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as unknown as typeof AjvModule.default;
let ajv: InstanceType<typeof Ajv> | undefined;
const compiled = new Map<string, ValidateFn>();

function validator(profile: Profile, complete: boolean, type: string): ValidateFn {
  const key = `${profile}|${complete}|${type}`;
  let fn = compiled.get(key);
  if (!fn) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    const base = profile === 'egroupware' ? egroupwareSchema(complete) : rfc8984Schema(complete);
    fn = ajv.compile({ ...base, oneOf: undefined, $ref: `#/definitions/${type}` }) as unknown as ValidateFn;
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * Validates a JSCalendar Event, Task or Group (by its `@type`) against the
 * JSON Schema of a profile. Returns the problems, each with the JSON pointer
 * of the offending member (empty when valid). Never throws.
 *
 * @example validateJSCalendar({ '@type': 'Event', start: 'soon' })
 * // [{ path: '/start', message: 'must match pattern …', code: 'schema/pattern' }]
 */
export function validateJSCalendar(value: unknown, options: ValidateOptions = {}): Issue[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ message: 'must be an object', path: '', code: 'schema/type' }];
  const type = (value as Record<string, unknown>)['@type'];
  if (type !== 'Event' && type !== 'Task' && type !== 'Group') return [{ message: 'must have @type Event, Task or Group', path: '/@type', code: 'schema/type' }];
  const fn = validator(options.profile ?? 'rfc', options.complete === true, type);
  if (fn(value)) return [];
  return dedupe((fn.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? `/${escape(String(e.params.additionalProperty))}` : '';
    return { message: e.keyword === 'additionalProperties' ? 'unknown member (vendor members need a "domain:" prefix)' : e.message ?? 'invalid', path: e.instancePath + extra, code: `schema/${e.keyword}` };
  }));
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
