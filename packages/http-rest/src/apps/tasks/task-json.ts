import { formatJSCalendar, parseJSCalendarInput, type Task } from '@almanac/codec-jscalendar';
import { ValidationError, type ValidationIssue } from '@almanac/domain-kernel';
import { egroupwareTaskShape, prepareTaskBody } from '@almanac/domain-tasks';
import type { Profile } from '../../flavor.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The message of a task 422, as the reference words it (behaviour §3.12). */
export const taskError = (issues: ValidationIssue[]) =>
  new ValidationError(`Error parsing JsTask attribute '${issues[0]!.path.slice(1) || '(root)'}': ${issues[0]!.message}`, issues, 'task/invalid');

/**
 * Points issues at the members the client wrote: the canonical `keywords` is `categories` in the
 * egroupware profile.
 */
export function inClientTerms(issues: readonly ValidationIssue[], body: unknown): ValidationIssue[] {
  const categories = isObject(body) && 'categories' in body && !('keywords' in body);
  return issues.map((i) => (categories && /^\/keywords(\/|$)/.test(i.path) ? { ...i, path: i.path.replace(/^\/keywords/, '/categories') } : i));
}

/**
 * A task request body (either profile) as a canonical RFC 8984 Task, plus the members it cleared
 * with null. `strict` is the strict media type: the body must be RFC 8984 JSON as it stands.
 * @throws ValidationError (422) with JSON pointers into the body
 */
export function parseTaskBody(body: unknown, strict: boolean): { task: Record<string, unknown>; cleared: ReadonlySet<string> } {
  const prepared = prepareTaskBody(body);
  const parsed = parseJSCalendarInput(prepared.body, { strict, type: 'Task' });
  if (!parsed.ok) throw taskError(inClientTerms(parsed.errors.map((e) => ({ path: e.path ?? '', message: e.message })), body));
  return { task: parsed.value as unknown as Record<string, unknown>, cleared: prepared.cleared };
}

/** A rendered canonical task in the profile a client asked for (DECISIONS.md "JSON shapes"). */
export function taskInProfile(task: Record<string, unknown>, profile: Profile): Record<string, unknown> {
  const json = formatJSCalendar(task as unknown as Task, { profile });
  return profile === 'egroupware' ? egroupwareTaskShape(json) : json;
}
