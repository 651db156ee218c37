import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { applyPatch, diffPatch, escapePointerSegment, isJsonObject, isPatchObject, jsonEqual, type JsonValue } from '../src/index.js';

// Member names that exercise escaping, prototype keys and index-like names.
const memberName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', 'start', 'title', '0', '1') },
  { weight: 1, arbitrary: fc.constantFrom('a/b', '~', '~1', '~0/', '', '__proto__', 'constructor', '@type') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

/** A JSON object built with defineProperty, so that "__proto__" is an own member. */
function objectOf(entries: [string, JsonValue][]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const { json } = fc.letrec<{ json: JsonValue; obj: Record<string, JsonValue> }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<JsonValue>(null, true, false, 0, 1, -1.5, '', 'x', 'long string value'),
    tie('obj'),
    fc.array(tie('json'), { maxLength: 3 }),
  ),
  obj: fc.array(fc.tuple(memberName, tie('json')), { maxLength: 4 }).map(objectOf),
}));
const jsonObject = fc.array(fc.tuple(memberName, json), { maxLength: 6 }).map(objectOf);

function setMember(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k.startsWith('/') ? '/' + k : k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** JSON equality where an object member that is null counts as absent (all a patch can express). */
function equalUpToNullMembers(a: unknown, b: unknown): boolean {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (!isJsonObject(v)) return v;
    return objectOf(Object.entries(v).filter(([, m]) => m !== null).map(([k, m]) => [k, strip(m) as JsonValue]));
  };
  return jsonEqual(strip(a), strip(b));
}

/** Whether any object member anywhere in `v` is null. */
function hasNullMember(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasNullMember);
  return isJsonObject(v) && Object.values(v).some((m) => m === null || hasNullMember(m));
}

/** Derives a second object from the first by random edits at random depths, so diffs go deep. */
function mutate(value: Record<string, JsonValue>, edits: { pick: number; kind: number; replacement: JsonValue; name: string }[]): Record<string, JsonValue> {
  const out = structuredClone(value);
  for (const edit of edits) {
    // walk down a random chain of objects
    let node: Record<string, JsonValue> = out;
    for (let step = 0; step < 4; step++) {
      const keys = Object.keys(node);
      const child = keys.length > 0 ? node[keys[(edit.pick + step) % keys.length]!] : undefined;
      if (child !== undefined && isJsonObject(child) && (edit.pick >> step) % 2 === 0) node = child as Record<string, JsonValue>;
      else break;
    }
    const keys = Object.keys(node);
    const key = keys.length > 0 && edit.kind !== 2 ? keys[edit.pick % keys.length]! : edit.name;
    if (edit.kind === 0) delete node[key];
    // A copy: the generator may hand the same replacement object to several edits, and editing
    // inside a shared one could make the object contain itself.
    else Object.defineProperty(node, key, { value: structuredClone(edit.replacement), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
const edit = fc.record({ pick: fc.nat(), kind: fc.nat({ max: 2 }), replacement: json, name: memberName });
const pair = fc.tuple(jsonObject, fc.array(edit, { maxLength: 5 })).map(([a, edits]) => [a, mutate(a, edits)] as const);

describe('PatchObject properties', () => {
  it('applyPatch(diffPatch(a, b), a) equals b, in strict and relaxed mode', () => {
    fc.assert(fc.property(fc.oneof(pair, fc.tuple(jsonObject, jsonObject)), ([a, b]) => {
      const patch = diffPatch(a, b);
      for (const mode of ['strict', 'relaxed'] as const) {
        const result = applyPatch(a, patch, { mode });
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(equalUpToNullMembers(result.value, b)).toBe(true);
        if (!hasNullMember(b)) expect(jsonEqual(result.value, b)).toBe(true);
        if (mode === 'strict') expect(result.warnings).toEqual([]);
      }
    }), { numRuns: 1500 });
  });

  it('diffPatch gives a strictly valid PatchObject, empty for equal objects', () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      expect(isPatchObject(diffPatch(a, b))).toBe(true);
      expect(diffPatch(a, structuredClone(a))).toEqual({});
    }), { numRuns: 500 });
  });

  it('diffPatch is never longer than replacing each changed top-level member', () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      const naive: Record<string, unknown> = {};
      for (const k of Object.keys(a)) if (!Object.hasOwn(b, k) || b[k] === null) setMember(naive, escapePointerSegment(k), null);
      for (const k of Object.keys(b)) if (b[k] !== null && (!jsonEqual(a[k], b[k]) || !Object.hasOwn(a, k))) setMember(naive, escapePointerSegment(k), b[k]);
      expect(JSON.stringify(diffPatch(a, b)).length).toBeLessThanOrEqual(JSON.stringify(naive).length);
    }), { numRuns: 500 });
  });

  it('applyPatch never throws and never modifies its arguments, whatever it is given', () => {
    const key = fc.oneof(memberName, fc.array(memberName, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')));
    const patch = fc.oneof(
      fc.array(fc.tuple(key, fc.oneof(json, fc.constant(undefined))), { maxLength: 5 }).map((e) => objectOf(e as [string, JsonValue][])),
      fc.anything(),
    );
    const target = fc.oneof(jsonObject, fc.anything());
    const options = fc.record({ mode: fc.constantFrom('strict', 'relaxed'), arrays: fc.constantFrom('reject', 'replace-members') } as const);
    fc.assert(fc.property(target, patch, options, (t, p, o) => {
      const before = [structuredClone(t), structuredClone(p)];
      const result = applyPatch(t as object, p as Record<string, unknown>, o);
      expect(typeof result.ok).toBe('boolean');
      expect([t, p]).toEqual(before);
    }), { numRuns: 3000 });
  });

  it('a patch valid in strict mode gives the same result in relaxed mode', () => {
    fc.assert(fc.property(pair, fc.array(fc.tuple(memberName, json), { maxLength: 3 }), ([a, b], extra) => {
      const patch = { ...diffPatch(a, b), ...objectOf(extra.map(([k, v]) => [`zz${k}`, v])) };
      const strict = applyPatch(a, patch, { mode: 'strict' });
      const relaxed = applyPatch(a, patch, { mode: 'relaxed' });
      if (strict.ok) expect(relaxed).toEqual(strict);
    }), { numRuns: 500 });
  });
});
