// Plain-JSON helpers shared by apply and diff: they accept anything at run time and never throw.

/** Nesting deeper than this is refused rather than risking a stack overflow. */
export const MAX_DEPTH = 2000;

/**
 * Whether `value` is a plain object (created by `{}`, `JSON.parse` or `Object.create(null)`, in
 * this or another realm such as a `vm` context), i.e. what a JSON object becomes in JavaScript.
 * Arrays, `null`, dates and class instances are not.
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true;
  // Another realm's Object.prototype: itself without a prototype, and not a Date/Map/… by tag.
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]';
}

/** Reads an own property only: `"__proto__"` or `"constructor"` keys never reach the prototype. */
export function getOwn(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own property; a `"__proto__"` key becomes data, never the prototype. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** Why a value could not be copied as JSON. */
export type CloneFailure = { reason: 'cycle' | 'too-deep'; path: string[] };

/**
 * Deep-copies plain objects and arrays; other values (primitives, dates, class instances) are
 * kept as they are. Object members that are `undefined` are dropped, as `JSON.stringify` does.
 * Returns a failure instead of the copy for cyclic or absurdly deep input.
 */
export function cloneJson(value: unknown): { ok: true; value: unknown } | ({ ok: false } & CloneFailure) {
  const ancestors = new Set<object>();
  const path: string[] = [];
  let failure: CloneFailure | undefined;

  const copy = (v: unknown): unknown => {
    if (failure !== undefined || typeof v !== 'object' || v === null) return v;
    const isArray = Array.isArray(v);
    if (!isArray && !isJsonObject(v)) return v;
    if (ancestors.has(v)) {
      failure = { reason: 'cycle', path: [...path] };
      return undefined;
    }
    if (path.length >= MAX_DEPTH) {
      failure = { reason: 'too-deep', path: [...path] };
      return undefined;
    }
    ancestors.add(v);
    let out: unknown;
    if (isArray) {
      const arr = v as unknown[];
      const result = new Array<unknown>(arr.length);
      for (let i = 0; i < arr.length; i++) {
        path.push(String(i));
        result[i] = copy(arr[i]);
        path.pop();
      }
      out = result;
    } else {
      const obj = v as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const key of Object.keys(obj)) {
        const member = obj[key];
        if (member === undefined) continue;
        path.push(key);
        setOwn(result, key, copy(member));
        path.pop();
      }
      out = result;
    }
    ancestors.delete(v);
    return out;
  };

  const result = copy(value);
  return failure === undefined ? { ok: true, value: result } : { ok: false, ...failure };
}

/**
 * Deep equality of JSON values: objects compare by members regardless of order (members that are
 * `undefined` count as absent), arrays by position, primitives with `Object.is` except that `0`
 * and `-0` are equal (JSON cannot tell them apart). Values nested deeper than {@link MAX_DEPTH}
 * compare unequal unless identical.
 *
 * @example jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }) // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return equalAt(a, b, 0);
}

function equalAt(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalAt(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || !isJsonObject(a) || !isJsonObject(b)) return false;
  let countA = 0;
  for (const key of Object.keys(a)) {
    const va = a[key];
    if (va === undefined) continue;
    countA++;
    if (!equalAt(va, getOwn(b, key), depth + 1)) return false;
  }
  let countB = 0;
  for (const key of Object.keys(b)) if (b[key] !== undefined) countB++;
  return countA === countB;
}

/**
 * The length of `JSON.stringify(value)`, computed without building the string and without
 * throwing (non-JSON values count as `null`; cycles and excessive depth stop the count).
 */
export function jsonLength(value: unknown, depth = 0): number {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value).length;
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      break;
    default:
      return 4;
  }
  if (value === null || depth >= MAX_DEPTH) return 4;
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const item of value) n += jsonLength(item, depth + 1);
    return n;
  }
  if (!isJsonObject(value)) return 4;
  let n = 2;
  let members = 0;
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (member === undefined) continue;
    n += JSON.stringify(key).length + 1 + jsonLength(member, depth + 1);
    members++;
  }
  return n + Math.max(0, members - 1);
}
