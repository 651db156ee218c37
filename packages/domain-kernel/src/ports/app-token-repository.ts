import type { AppToken, TokenScope } from '../model/app-tokens.js';
import type { AppTokenId, UserId } from '../ids.js';

export interface NewAppToken {
  readonly userId: UserId | null;
  readonly createdBy: UserId | null;
  readonly scopes: readonly TokenScope[];
  readonly label: string;
  readonly expiresAt: Date | null;
  /** A hash of the secret; the secret itself is never stored. */
  readonly secretHash: string;
}

/** Stores app tokens. */
export interface AppTokenRepository {
  create(token: NewAppToken): Promise<AppToken>;
  get(id: AppTokenId): Promise<AppToken | undefined>;
  /** For authentication only: the token with its secret hash. */
  getWithSecretHash(id: AppTokenId): Promise<{ token: AppToken; secretHash: string } | undefined>;
  /** Tokens ordered by id; only one user's (not the all-users ones) when `userId` is given. */
  list(filter?: { userId?: UserId }): Promise<AppToken[]>;
  /** Idempotent: revoking twice keeps the first time. @throws NotFoundError */
  revoke(id: AppTokenId, at: Date): Promise<AppToken>;
  markUsed(id: AppTokenId, at: Date): Promise<void>;
}
