import { cloneJson, getOwn, isJsonObject, jsonEqual, jsonLength, setOwn } from './json.js';
import { escapePointerSegment } from './pointer.js';
import type { PatchObject } from './types.js';

/**
 * Computes a small PatchObject that turns `from` into `to`: `applyPatch(from, diffPatch(from, to))`
 * gives a value deep-equal to `to`, in strict mode too (paths only go through objects present in
 * both, never into arrays, and no key is a prefix of another).
 *
 * Unchanged members are left out; removed members map to `null`; added or changed leaves map to
 * their new value under their full path (`participants/p1/participationStatus`). A changed object
 * is patched member by member unless replacing it whole serialises shorter; arrays are always
 * replaced whole (RFC 8984 §1.4.9). Member order is irrelevant; members that are `undefined`
 * count as absent. Values in the result are copies, never shared with `to`.
 *
 * A PatchObject cannot set a member to `null` (`null` removes it), so an object member of `to`
 * whose value is `null` is treated as absent: the patched result lacks it (JSCalendar and JSContact
 * treat `null` like absence where they allow it, e.g. `timeZone`). `null` inside arrays or inside a
 * value that is replaced whole is kept.
 *
 * Bad input: an argument that is not a plain object counts as `{}`. Cyclic or absurdly deep
 * members are compared by reference and, when different, replaced whole.
 *
 * @example
 * diffPatch({ title: 'A', alerts: { a1: { offset: '-PT5M', action: 'display' } } },
 *           { title: 'A', alerts: { a1: { offset: '-PT10M', action: 'display' } } })
 * // { 'alerts/a1/offset': '-PT10M' }
 */
export function diffPatch(from: object, to: object): PatchObject {
  const a = isJsonObject(from) ? from : {};
  const b = isJsonObject(to) ? to : {};
  const out: PatchObject = {};
  for (const [path, value] of diffObjects(a, b, '', 0)) setOwn(out, patchKey(path), copyValue(value));
  return out;
}

type Change = [path: string, value: unknown];

/**
 * The PatchObject key of a path. A key starting with "/" loses that slash (DECISIONS.md: leading
 * "/" optional), so a path whose first member name is "" is written with the slash explicit: "//x"
 * is "" then "x".
 */
const patchKey = (path: string) => (path.startsWith('/') ? '/' + path : path);

/** Depth past which objects are replaced whole instead of compared member by member. */
const MAX_DIFF_DEPTH = 500;

function diffObjects(from: Record<string, unknown>, to: Record<string, unknown>, prefix: string, depth: number): Change[] {
  const changes: Change[] = [];
  for (const key of Object.keys(from)) {
    if (from[key] === undefined) continue;
    const next = getOwn(to, key);
    if (next === undefined || (next === null && from[key] !== null)) changes.push([prefix + escapePointerSegment(key), null]);
  }
  for (const key of Object.keys(to)) {
    const next = to[key];
    // A PatchObject cannot set a member to null (null removes it), so a null member of `to` is
    // handled as absent: removed above when `from` has a value there, left alone otherwise.
    if (next === undefined || next === null) continue;
    const path = prefix + escapePointerSegment(key);
    const previous = getOwn(from, key);
    if (previous === undefined) {
      changes.push([path, next]);
    } else if (isJsonObject(previous) && isJsonObject(next) && depth < MAX_DIFF_DEPTH) {
      if (previous === next) continue;
      const inner = diffObjects(previous, next, path + '/', depth + 1);
      if (inner.length === 0) continue;
      // Replace the object whole when that is shorter (e.g. most members changed), measured as
      // the serialised size of the patch entries.
      const wholeSize = jsonLength(patchKey(path)) + jsonLength(next) + 2;
      let innerSize = 0;
      for (const [p, v] of inner) innerSize += jsonLength(patchKey(p)) + jsonLength(v) + 2;
      if (wholeSize < innerSize) changes.push([path, next]);
      else changes.push(...inner);
    } else if (!jsonEqual(previous, next)) {
      changes.push([path, next]);
    }
  }
  return changes;
}

function copyValue(value: unknown): unknown {
  const copy = cloneJson(value);
  return copy.ok ? copy.value : value;
}
