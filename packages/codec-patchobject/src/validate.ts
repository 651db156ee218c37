import { isJsonObject } from './json.js';
import { preparePatch } from './prepare-patch.js';
import type { Parsed, PatchObject } from './types.js';

/**
 * Checks what can be checked of a PatchObject without the object it will patch (RFC 8984 §1.4.9):
 * it is a JSON object, every key is a valid path (`~` escaped as `~0`), and no key is a prefix of
 * another. In relaxed mode (the default) the last two are warnings. Never throws.
 *
 * @example validatePatchObject({ alerts: null, 'alerts/a1/offset': '-PT5M' }, { mode: 'strict' }).ok // false
 */
export function validatePatchObject(patch: unknown, options: { mode?: 'strict' | 'relaxed' } = {}): Parsed<PatchObject> {
  if (!isJsonObject(patch)) {
    return { ok: false, errors: [{ code: 'patch/not-object', path: '', message: 'a PatchObject must be a JSON object' }] };
  }
  const { errors, warnings } = preparePatch(patch, options.mode === 'strict');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: patch, warnings };
}

/**
 * Whether `value` is a PatchObject that strict mode accepts on its own: a plain object whose keys
 * are valid paths, none a prefix of another. (Whether it applies to a given object is only known
 * by applying it.)
 */
export function isPatchObject(value: unknown): value is PatchObject {
  return validatePatchObject(value, { mode: 'strict' }).ok;
}
