/** One problem found in the input; `path` is a JSON pointer, `line` a 1-based text line. */
export interface Issue {
  message: string;
  path?: string;
  line?: number;
  code?: string;
}

/** The result of a codec call that never throws on bad input. */
export type Parsed<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; errors: Issue[] };

/** Builds a successful result. */
export function ok<T>(value: T, warnings: Issue[] = []): Parsed<T> {
  return { ok: true, value, warnings };
}

/** Builds a failed result. */
export function fail<T>(errors: Issue[]): Parsed<T> {
  return { ok: false, errors };
}
