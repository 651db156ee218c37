import {
  type AppToken, type AppTokenId, appTokenId, type AppTokenRepository, type Clock, ForbiddenError,
  type TokenScope, type User, type UserRepository, ValidationError,
} from '@almanac/domain-kernel';
import { constantTimeEqual, randomSecret, sha256 } from './secrets.js';

/** Token text: `token<id>_<secret>`, the reference server's shape (behaviour §4.2). */
const TOKEN_TEXT = /^token(\d{1,12})_([A-Za-z0-9_-]{20,200})$/;

export const formatTokenText = (id: AppTokenId, secret: string) => `token${id}_${secret}`;

/** Splits token text into id and secret, or undefined when it has not the shape of a token. */
export function parseTokenText(text: string): { id: AppTokenId; secret: string } | undefined {
  const m = TOKEN_TEXT.exec(text);
  return m ? { id: appTokenId(Number(m[1])), secret: m[2]! } : undefined;
}

export interface CreateAppTokenInput {
  /**
   * Who asks. Only administrators may make tokens for others or for all users; 'operator' is the
   * person at the `almanac` command line, who may make any token.
   */
  readonly actor: User | 'operator';
  /** The user the token logs in as, or 'all-users'. */
  readonly forUser: User | 'all-users';
  readonly scopes: readonly TokenScope[];
  readonly expiresAt?: Date | null;
  readonly label?: string;
}

/**
 * Makes an app token and returns its text once; only a hash of the secret is stored.
 * @throws ForbiddenError when a non-admin asks for another user's or an all-users token
 * @throws ValidationError for an expiry in the past or no scopes
 */
export async function createAppToken(
  deps: { tokens: AppTokenRepository; clock: Clock },
  input: CreateAppTokenInput,
): Promise<{ token: AppToken; text: string }> {
  const { actor, forUser } = input;
  if (actor !== 'operator' && !actor.isAdmin && (forUser === 'all-users' || forUser.id !== actor.id)) {
    throw new ForbiddenError('only administrators may create tokens for other users or for all users', 'token/admin-only');
  }
  if (input.expiresAt && input.expiresAt.getTime() <= deps.clock.now().getTime()) {
    throw new ValidationError('the expiry date lies in the past', [{ path: '/expires', message: 'in the past' }], 'token/expired-on-creation');
  }
  if (input.scopes.length === 0) throw new ValidationError('a token needs at least one app', [{ path: '/apps', message: 'empty' }], 'token/no-apps');
  const secret = randomSecret(32);
  const token = await deps.tokens.create({
    userId: forUser === 'all-users' ? null : forUser.id, createdBy: actor === 'operator' ? null : actor.id, scopes: input.scopes,
    label: input.label ?? '', expiresAt: input.expiresAt ?? null, secretHash: sha256(secret),
  });
  return { token, text: formatTokenText(token.id, secret) };
}

/** Checks a presented secret against a stored hash without leaking timing. */
export const secretMatches = (secret: string, secretHash: string) => constantTimeEqual(sha256(secret), secretHash);

/** @throws NotFoundError */
export async function revokeAppToken(deps: { tokens: AppTokenRepository; clock: Clock }, id: AppTokenId): Promise<AppToken> {
  return deps.tokens.revoke(id, deps.clock.now());
}

/** Lists tokens with the login they belong to ('*' for all-users tokens). */
export async function listAppTokens(deps: { tokens: AppTokenRepository; users: UserRepository }) {
  const tokens = await deps.tokens.list();
  const logins = new Map((await deps.users.list()).map((u) => [u.id as number, u.login]));
  return tokens.map((t) => ({ ...t, login: t.userId === null ? '*' : (logins.get(t.userId) ?? '?') }));
}

