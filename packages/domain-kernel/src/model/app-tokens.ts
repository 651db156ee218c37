import { ValidationError } from '../errors.js';
import type { AppTokenId, UserId } from '../ids.js';
import { APPS, type App } from './apps.js';

/** What an app token may reach: one app's tree, or `dav` for the whole DAV/REST tree. */
export const TOKEN_SCOPES = [...APPS, 'dav'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * A long random secret standing in for a password. Only a hash of the secret is stored;
 * the clear text is shown once, when it is made.
 */
export interface AppToken {
  readonly id: AppTokenId;
  /** The one user it logs in as, or null for an admin-made token valid for every user. */
  readonly userId: UserId | null;
  /** The user who made it (tokens go when their maker goes), or null when made by the operator. */
  readonly createdBy: UserId | null;
  readonly scopes: readonly TokenScope[];
  readonly label: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

/** @throws ValidationError on an unknown scope name. */
export function parseTokenScopes(raw: readonly string[]): TokenScope[] {
  const scopes = new Set<TokenScope>();
  for (const item of raw.flatMap((r) => r.split(',')).map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!(TOKEN_SCOPES as readonly string[]).includes(item)) {
      throw new ValidationError(`unknown app '${item}' (known: ${TOKEN_SCOPES.join(', ')})`, [
        { path: '/apps', message: `unknown app ${item}` },
      ], 'token/unknown-app');
    }
    scopes.add(item as TokenScope);
  }
  return [...scopes];
}

/** Whether a token's scopes cover a request to `app` (undefined = outside any app's tree). */
export function tokenAllows(scopes: readonly TokenScope[], app: App | undefined): boolean {
  if (scopes.includes('dav')) return true;
  return app !== undefined && scopes.includes(app);
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: AppToken, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
