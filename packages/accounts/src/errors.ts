import { DomainError } from '@almanac/domain-kernel';

/** The credentials are missing, wrong, expired, revoked or not valid for this login. */
export class AuthenticationError extends DomainError {
  readonly kind = 'unauthenticated';
  readonly code: string;
  constructor(message: string, code = 'auth/invalid-credentials') {
    super(message);
    this.code = code;
  }
}

/** Too many failed logins for a login or a client address; try again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends DomainError {
  readonly kind = 'too-many-requests';
  readonly code = 'auth/too-many-attempts';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/** Authenticated, but the app token does not cover this part of the tree. */
export class TokenScopeError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'auth/token-scope';
  constructor(readonly app: string) {
    super(`this app token is not valid for ${app}`, { app });
  }
}
