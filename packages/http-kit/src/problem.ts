import { TooManyAttemptsError } from '@almanac/accounts';
import { DomainError, type ErrorKind, ValidationError } from '@almanac/domain-kernel';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from './logger.js';

/** The compiler keeps this table exhaustive: a new ErrorKind needs a status here. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  'not-found': 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid: 422,
  conflict: 409,
  'precondition-failed': 412,
  locked: 423,
  'too-many-requests': 429,
};

/** An error that already knows its HTTP status: malformed requests caught at the HTTP layer. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
  }
}

export const BASIC_CHALLENGE = 'Basic realm="Almanac"';

/** The JSON error body of DECISIONS.md "Errors": `{"error": <status>, "message": …[, "code"][, "details"]}`. */
export interface ErrorBody {
  error: number;
  message: string;
  code?: string;
  details?: { path: string; message: string }[];
}

/** Writes a JSON error with the right status and headers; the one place error bodies are made. */
export function sendError(res: Response, status: number, message: string, extra: Partial<ErrorBody> = {}, headers: Record<string, string> = {}): void {
  if (status === 401) res.setHeader('WWW-Authenticate', BASIC_CHALLENGE);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const body: ErrorBody = { error: status, message, ...extra };
  res.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

// body-parser marks its errors with `type` and `status`.
interface BodyParserError { type: string; status: number; message: string }
const isBodyParserError = (err: unknown): err is BodyParserError =>
  typeof err === 'object' && err !== null && typeof (err as BodyParserError).type === 'string' && typeof (err as BodyParserError).status === 'number';

/**
 * The JSON error middleware. Domain errors map by kind; body parser errors become 413/415/422;
 * anything else is a bug: logged with its cause chain, answered 500 without details.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof DomainError) {
      const status = STATUS_OF_KIND[err.kind];
      const headers: Record<string, string> = {};
      if (err instanceof TooManyAttemptsError) headers['Retry-After'] = String(err.retryAfterSeconds);
      const details = err instanceof ValidationError && err.issues.length ? { details: [...err.issues] } : {};
      return sendError(res, status, err.message, { code: err.code, ...details }, headers);
    }
    if (err instanceof HttpError) return sendError(res, err.status, err.message, {}, err.headers);
    if (isBodyParserError(err)) {
      if (err.type === 'entity.too.large') return sendError(res, 413, 'request body too large');
      if (err.type === 'entity.parse.failed') return sendError(res, 422, `Error parsing JSON: ${err.message}`);
      if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return sendError(res, 415, err.message);
      return sendError(res, err.status >= 400 && err.status < 500 ? err.status : 400, err.message);
    }
    logger.error('unhandled error', { method: req.method, path: req.path, err });
    return sendError(res, 500, 'Internal Server Error');
  };
}
