import { applyPatch } from '@almanac/codec-patchobject';
import { ValidationError } from '@almanac/domain-kernel';
import type { RestCall } from './context.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parsed JSON body; express.json has parsed it (invalid JSON is already a 422). */
export function jsonBody(call: RestCall): unknown {
  const body: unknown = call.req.body;
  if (body === undefined || (isObject(body) && Object.keys(body).length === 0 && !call.req.headers['content-length'])) {
    throw new ValidationError('a JSON body is required', [{ path: '', message: 'missing body' }], 'input/missing-body');
  }
  return body;
}

/**
 * Behaviour §3.4: in relaxed mode, top-level keys holding `/` are a patch applied to the rest of
 * the body (`{"name/given": "First", "emails/work": "a@b"}`), creating intermediate objects.
 * @throws ValidationError with the patch's pointers
 */
export function expandFlatKeys(body: unknown): unknown {
  if (!isObject(body) || !Object.keys(body).some((k) => k.includes('/'))) return body;
  const plain: Record<string, unknown> = {};
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) (k.includes('/') ? flat : plain)[k] = v;
  const patched = applyPatch(plain, flat as never, { mode: 'relaxed' });
  if (!patched.ok) throw new ValidationError(patched.errors[0]!.message, patched.errors.map((e) => ({ path: e.path ?? '', message: e.message })), 'input/invalid-patch');
  return patched.value;
}

/** Applies a PATCH body to the current JSON: relaxed for application/json, strict for the strict types. */
export function applyPatchBody(current: unknown, patch: unknown, strict: boolean, arrays: 'reject' | 'replace-members'): unknown {
  if (!isObject(patch)) throw new ValidationError('a PATCH body must be a JSON object', [{ path: '', message: 'must be an object' }], 'input/invalid-patch');
  const patched = applyPatch(current as Record<string, unknown>, patch as never, { mode: strict ? 'strict' : 'relaxed', arrays });
  if (!patched.ok) {
    throw new ValidationError(`trying to patch: ${patched.errors[0]!.message}`, patched.errors.map((e) => ({ path: e.path ?? '', message: e.message })), 'input/invalid-patch');
  }
  return patched.value;
}
