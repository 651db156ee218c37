/** Reads PostgreSQL error fields the same way for pg and PGlite (both expose `code` and `constraint`). */
interface PgError {
  code?: string;
  constraint?: string;
}

const asPgError = (err: unknown): PgError => (typeof err === 'object' && err !== null ? (err as PgError) : {});

/** SQLSTATE 23505; when `constraint` is given, only a violation of that named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = asPgError(err);
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** SQLSTATE 23503. */
export function isForeignKeyViolation(err: unknown): boolean {
  return asPgError(err).code === '23503';
}
