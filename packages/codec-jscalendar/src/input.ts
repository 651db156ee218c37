import type { Issue, Parsed } from './issues.js';
import { isObject, type JsonObject } from './json-util.js';
import { normalizeJSCalendar } from './normalize.js';
import { egroupwareToRfc, rfcToEgroupware, type JSCalendarProfile } from './profiles/egroupware.js';
import { validateJSCalendar } from './schema/validate.js';
import type { Event, Group, Task } from './types/jscalendar.js';

/** Options of {@link parseJSCalendarInput}. */
export interface ParseJSCalendarInputOptions {
  /**
   * Strict mode (`application/jscalendar+json`): the input must already be
   * RFC 8984 JSON; nothing is coerced and every schema violation is an error.
   */
  strict?: boolean;
  /** The expected `@type`; a different one is an error. Also the assumed type when it is missing (lenient). */
  type?: 'Event' | 'Task' | 'Group';
  /** Require the members RFC 8984 makes mandatory (uid, updated, start) — off for REST create requests, where the server fills them. */
  complete?: boolean;
}

/**
 * The entry point for JSCalendar the REST layer receives: JSON text or a
 * parsed value → an RFC 8984 Event, Task or Group in canonical (`rfc`)
 * form. Lenient by default: either profile (`egroupware` shapes are mapped,
 * see `egroupwareToRfc`), missing `@type`s, scalars where objects belong;
 * each coercion is a warning with its JSON pointer, and what still violates
 * the schema afterwards is an error. Strict mode validates the input as
 * given. Never throws.
 *
 * @example
 * parseJSCalendarInput('{"title":"Test","start":"2023-07-25T10:00:00","sequence":"1"}', { type: 'Event' })
 * // { ok: true, value: { '@type': 'Event', title: 'Test', start: '2023-07-25T10:00:00', sequence: 1 }, warnings: [...] }
 */
export function parseJSCalendarInput(json: unknown, options: ParseJSCalendarInputOptions = {}): Parsed<Event | Task | Group> {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (err) {
      return { ok: false, errors: [{ message: `invalid JSON: ${(err as Error).message}`, path: '', code: 'json/syntax' }] };
    }
  }
  if (!isObject(value)) return { ok: false, errors: [{ message: 'a JSCalendar object must be a JSON object', path: '', code: 'schema/type' }] };
  const warnings: Issue[] = [];
  let obj: JsonObject = value;
  if (!options.strict) {
    try {
      obj = egroupwareToRfc(normalizeJSCalendar(obj, warnings, { type: options.type }), warnings);
    } catch (err) {
      return { ok: false, errors: [{ message: `input cannot be normalised: ${(err as Error)?.message ?? String(err)}`, path: '', code: 'internal' }] };
    }
  }
  if (options.type !== undefined && obj['@type'] !== options.type) {
    return { ok: false, errors: [{ message: `expected @type ${options.type}, got ${JSON.stringify(obj['@type'])}`, path: '/@type', code: 'schema/type' }] };
  }
  let errors = validateJSCalendar(obj, { profile: 'rfc', complete: options.complete });
  if (!options.strict) {
    // Lenient: unknown members are kept (DECISIONS.md: never silently dropped)
    // and map keys need not be RFC 8984 Ids (EGroupware keys participants by
    // account or email); both only warn.
    for (const e of errors) if (e.code === 'schema/additionalProperties' || e.code === 'schema/propertyNames') warnings.push({ ...e, message: e.code === 'schema/propertyNames' ? 'key is not an RFC 8984 Id (kept)' : 'unknown member kept' });
    errors = errors.filter((e) => e.code !== 'schema/additionalProperties' && e.code !== 'schema/propertyNames' && !isKeyPatternError(e, errors));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: obj as unknown as Event | Task | Group, warnings };
}

/** Options of {@link formatJSCalendar}. */
export interface FormatJSCalendarOptions {
  /** `egroupware` (the REST default, DECISIONS.md) or `rfc` (RFC 8984 as is). */
  profile?: JSCalendarProfile;
}

/**
 * Renders a canonical (`rfc`) JSCalendar object in a profile's JSON shape.
 * `rfc` returns a copy; `egroupware` applies `rfcToEgroupware`. Never throws
 * on well-typed input.
 *
 * @example formatJSCalendar({ '@type': 'Event', uid: 'u', start: '2024-01-01T10:00:00', sequence: 2 }, { profile: 'egroupware' }).sequence // '2'
 */
export function formatJSCalendar(obj: Event | Task | Group, options: FormatJSCalendarOptions = {}): JsonObject {
  const o = obj as unknown as JsonObject;
  return (options.profile ?? 'egroupware') === 'egroupware' ? rfcToEgroupware(o) : structuredClone(o);
}

/** ajv reports a bad map key twice: as `propertyNames` and as the inner `pattern` error at the same path. */
function isKeyPatternError(e: Issue, all: Issue[]): boolean {
  return e.code === 'schema/pattern' && all.some((o) => o.code === 'schema/propertyNames' && o.path === e.path);
}
