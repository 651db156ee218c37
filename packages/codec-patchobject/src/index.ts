/**
 * PatchObject (RFC 8984 §1.4.9, RFC 9553) apply and diff for JSCalendar and JSContact.
 *
 * @example
 * import { applyPatch, diffPatch } from '@almanac/codec-patchobject';
 * const patched = applyPatch({ title: 'A' }, { title: 'B' }); // { ok: true, value: { title: 'B' }, warnings: [] }
 * const patch = diffPatch({ title: 'A' }, { title: 'B' });   // { title: 'B' }
 */
export type { Issue, Parsed, JsonValue, JsonObject, PatchObject } from './types.js';
export { applyPatch, type ApplyPatchOptions } from './apply-patch.js';
export { diffPatch } from './diff-patch.js';
export { isPatchObject, validatePatchObject } from './validate.js';
export {
  escapePointerSegment,
  unescapePointerSegment,
  formatPointer,
  parsePointer,
  parsePatchKey,
  isArrayIndexToken,
  type ParsedPatchKey,
} from './pointer.js';
export { isJsonObject, jsonEqual, cloneJson } from './json.js';
