/**
 * Coarse error classes. Adapters map a kind to a status (HTTP 404, 403, 422, 409,
 * 412, 423, 429, 401); domain code never mentions HTTP.
 */
export type ErrorKind =
  | 'not-found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid'
  | 'conflict'
  | 'precondition-failed'
  | 'locked'
  | 'too-many-requests';

/**
 * Base of every expected failure. `code` is stable and documented (`area/kebab-fact`);
 * `facts` carries the values a client or a log needs, by name.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  abstract readonly code: string;
  readonly facts: Readonly<Record<string, unknown>>;

  constructor(message: string, facts: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.facts = facts;
  }
}

/** One problem with an input value, located by a JSON pointer. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export class ValidationError extends DomainError {
  readonly kind = 'invalid';
  readonly code: string;
  readonly issues: readonly ValidationIssue[];
  constructor(message: string, issues: ValidationIssue[] = [], code = 'input/invalid') {
    super(message, { issues });
    this.code = code;
    this.issues = issues;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly code: string;
  constructor(what: string, code = 'resource/not-found', facts: Record<string, unknown> = {}) {
    super(`${what} not found`, facts);
    this.code = code;
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  readonly code: string;
  constructor(message: string, code = 'access/forbidden', facts: Record<string, unknown> = {}) {
    super(message, facts);
    this.code = code;
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  readonly code: string;
  constructor(message: string, code: string, facts: Record<string, unknown> = {}) {
    super(message, facts);
    this.code = code;
  }
}

export class PreconditionFailedError extends DomainError {
  readonly kind = 'precondition-failed';
  readonly code: string;
  constructor(message: string, code = 'resource/etag-mismatch', facts: Record<string, unknown> = {}) {
    super(message, facts);
    this.code = code;
  }
}

/** A sync token that is malformed, from the future, or older than the tombstone horizon. */
export class InvalidSyncTokenError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'sync/valid-sync-token';
  constructor(readonly token: string | number, reason: string) {
    super(`invalid sync token (valid-sync-token): ${reason}`, { token, reason });
  }
}

export const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError;

export class PrincipalNameTakenError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'account/name-taken';
  constructor(readonly principalName: string) {
    super(`the name '${principalName}' is already taken by a user or group`, { name: principalName });
  }
}

export class CollectionNameTakenError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'collection/name-taken';
  constructor(readonly collectionName: string) {
    super(`a collection named '${collectionName}' already exists for this owner`, { name: collectionName });
  }
}

/** RFC 4791 §5.3.2.1 / RFC 6352 §6.3.2.1: a collection holds each UID once. */
export class UidConflictError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'resource/uid-conflict';
  constructor(readonly uid: string, readonly existingName: string) {
    super(`a resource with uid ${uid} already exists in this collection`, { uid, existingName });
  }
}

export class ResourceNameTakenError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'resource/name-taken';
  constructor(readonly resourceName: string) {
    super(`a resource named ${resourceName} already exists in this collection`, { name: resourceName });
  }
}

/** An If-Match style check failed: the stored revision is not the one the writer saw. */
export class RevisionMismatchError extends DomainError {
  readonly kind = 'precondition-failed';
  readonly code = 'resource/revision-mismatch';
  constructor(readonly expected: number, readonly actual: number) {
    super(`the resource has changed (revision ${actual}, expected ${expected})`, { expected, actual });
  }
}
