/**
 * A problem found while applying or checking a patch. `path` is a JSON pointer (RFC 6901) into the
 * patched object, e.g. `/participants/p1/participationStatus`; `code` is stable and documented in
 * the README (`patch/missing-parent`, `patch/prefix-conflict`, …).
 */
export interface Issue {
  message: string;
  path?: string;
  line?: number;
  code?: string;
}

/**
 * The result of every codec entry point that can meet bad input: a value with warnings, or the
 * errors that prevented producing one. Structurally identical in every Almanac codec package.
 */
export type Parsed<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; errors: Issue[] };

/** A JSON value as produced by `JSON.parse`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: JsonValue };

/**
 * A PatchObject (RFC 8984 §1.4.9, RFC 9553): each key is a path to a property of the patched
 * object in JSON pointer syntax without the leading `/`; each value replaces that property, `null`
 * removes it. Example: `{ "title": "New", "participants/p1/participationStatus": "declined" }`.
 */
export type PatchObject = { [path: string]: unknown };
