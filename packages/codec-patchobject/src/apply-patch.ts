import { cloneJson, getOwn, isJsonObject, setOwn } from './json.js';
import { formatPointer, isArrayIndexToken } from './pointer.js';
import { preparePatch, type PatchEntry } from './prepare-patch.js';
import type { Issue, Parsed, PatchObject } from './types.js';

/** Options of {@link applyPatch}. */
export interface ApplyPatchOptions {
  /**
   * `'strict'`: RFC 8984 §1.4.9 exactly. Every property before the last one of a path must exist,
   * no key may be a prefix of another, `~` must be escaped, and any invalid patch rejects the whole
   * PatchObject.
   *
   * `'relaxed'` (default, for `application/json` bodies per DECISIONS.md): missing (or `null`)
   * intermediate objects are created, so `{"name/given": "A"}` applied to `{}` gives
   * `{"name": {"given": "A"}}`; removing below a missing object is a no-op; overlapping keys are
   * applied shortest first (`"alerts"` before `"alerts/a1/offset"`); a stray `~` is literal. Each
   * relaxation that changed something is reported as a warning.
   */
  mode?: 'strict' | 'relaxed';
  /**
   * Paths that go through an array. `'reject'` (default): RFC 8984 §1.4.9 rule 1, a pointer must
   * not reference inside an array, arrays are replaced whole. `'replace-members'`: RFC 9553's
   * PatchObject rule, a path may use the index of an existing member (`0`, `1`, … without leading
   * zeros; never `-`) to replace it or patch inside it, but a value of `null` at an index is
   * invalid (members are never removed or inserted). The same in both modes.
   */
  arrays?: 'reject' | 'replace-members';
}

/**
 * Applies a PatchObject (RFC 8984 §1.4.9) to a JSON object and returns the patched copy. Each key
 * is a path (leading `/` optional, `~0`/`~1` escapes), each value replaces the property there
 * (objects are replaced, not merged), `null` removes it (a no-op when absent). Neither argument is
 * modified; the result shares no objects or arrays with them.
 *
 * Never throws. Returns `ok: false` with every problem found when the patch is invalid (RFC 8984:
 * the PatchObject is rejected as a whole, nothing is applied), when `target` or `patch` is not a
 * plain object, or when either contains a cycle. Issue paths are JSON pointers of the patch key
 * (`/participants/p1/name`); `code` tells the kind. The patched values are not validated against
 * any schema (RFC 8984 rule 4 is the caller's: validate the result).
 *
 * @example
 * applyPatch({ title: 'A', alerts: { a1: { offset: '-PT5M' } } },
 *            { title: 'B', 'alerts/a1/offset': '-PT10M', 'description': null })
 * // { ok: true, value: { title: 'B', alerts: { a1: { offset: '-PT10M' } } }, warnings: [] }
 */
export function applyPatch<T extends object>(target: T, patch: PatchObject, options: ApplyPatchOptions = {}): Parsed<T> {
  const strict = options.mode === 'strict';
  const arrays = options.arrays ?? 'reject';
  const errors: Issue[] = [];
  const warnings: Issue[] = [];

  if (!isJsonObject(target)) {
    return { ok: false, errors: [{ code: 'patch/target-not-object', path: '', message: 'the patched value must be a JSON object' }] };
  }
  if (!isJsonObject(patch)) {
    return { ok: false, errors: [{ code: 'patch/not-object', path: '', message: 'a PatchObject must be a JSON object' }] };
  }

  const prepared = preparePatch(patch, strict);
  if (prepared.errors.length > 0) return { ok: false, errors: prepared.errors };
  const { entries } = prepared;
  warnings.push(...prepared.warnings);

  const copy = cloneJson(target);
  if (!copy.ok) return { ok: false, errors: [cloneIssue('target', copy.reason, copy.path)] };
  const root = copy.value as Record<string, unknown>;

  // Relaxed mode applies overlapping patches shortest first, so that "a" then "a/b" is meaningful;
  // sort is stable, so unrelated patches keep the PatchObject's order.
  const ordered = strict ? entries : [...entries].sort((x, y) => x.segments.length - y.segments.length);
  for (const entry of ordered) applyEntry(root, entry, { strict, arrays }, errors, warnings);

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: root as T, warnings };
}

function cloneIssue(what: 'target' | 'value', reason: 'cycle' | 'too-deep', path: string[]): Issue {
  return {
    code: 'patch/not-json',
    path: formatPointer(path),
    message: reason === 'cycle' ? `the ${what} contains a cycle, not JSON` : `the ${what} is nested too deeply`,
  };
}

function applyEntry(
  root: Record<string, unknown>,
  entry: PatchEntry,
  opts: { strict: boolean; arrays: 'reject' | 'replace-members' },
  errors: Issue[],
  warnings: Issue[],
): void {
  const { segments, value, key } = entry;
  const pointer = formatPointer(segments);
  const fail = (code: string, message: string) => errors.push({ code, path: pointer, message });
  let container: unknown = root;

  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const isLast = i === segments.length - 1;
    const here = formatPointer(segments.slice(0, i));

    if (Array.isArray(container)) {
      if (opts.arrays === 'reject') {
        fail('patch/array-path', `patch "${key}" points inside the array at "${here}"; RFC 8984 §1.4.9 requires replacing the whole array`);
        return;
      }
      if (!isArrayIndexToken(segment) || Number(segment) >= container.length) {
        fail('patch/array-index', `patch "${key}": "${segment}" is not the index of an existing member of the array at "${here}"`);
        return;
      }
      const index = Number(segment);
      if (isLast) {
        if (value === null) {
          fail('patch/array-remove', `patch "${key}" would remove an array member; replace the whole array instead`);
          return;
        }
        const copied = cloneJson(value);
        if (!copied.ok) return void errors.push(cloneIssue('value', copied.reason, [...segments, ...copied.path]));
        container[index] = copied.value;
        return;
      }
      container = container[index];
    } else {
      const object = container as Record<string, unknown>;
      if (isLast) {
        if (value === null) {
          delete object[segment];
          return;
        }
        const copied = cloneJson(value);
        if (!copied.ok) return void errors.push(cloneIssue('value', copied.reason, [...segments, ...copied.path]));
        setOwn(object, segment, copied.value);
        return;
      }
      let next = getOwn(object, segment);
      if (next === undefined || (next === null && !opts.strict)) {
        const missing = formatPointer(segments.slice(0, i + 1));
        if (opts.strict) {
          // RFC 8984 §1.4.9 rule 2: all parts prior to the last must already exist.
          fail('patch/missing-parent', `patch "${key}": "${missing}" does not exist`);
          return;
        }
        if (value === null) return; // nothing to remove below a missing object
        next = {};
        setOwn(object, segment, next);
        warnings.push({ code: 'patch/created-parent', path: missing, message: `patch "${key}" created the missing object "${missing}"` });
      }
      container = next;
    }

    if (typeof container !== 'object' || container === null || (!Array.isArray(container) && !isJsonObject(container))) {
      const at = formatPointer(segments.slice(0, i + 1));
      fail('patch/not-a-container', `patch "${key}": "${at}" is ${describe(container)}, not an object`);
      return;
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return 'not a plain object';
  return `a ${typeof value}`;
}
