import {
  type AppToken, type Clock, type GroupId, type GroupRepository, tokenState, type TokenScope, type User,
  type UserRepository, type AppTokenRepository,
} from '@almanac/domain-kernel';
import { parseTokenText, secretMatches } from './app-tokens.js';
import { CredentialCache } from './credential-cache.js';
import { AuthenticationError } from './errors.js';
import type { LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './ports/password-hasher.js';

export type Credentials =
  | { readonly scheme: 'basic'; readonly login: string; readonly password: string }
  | { readonly scheme: 'bearer'; readonly token: string };

/** Who a request acts as, and how far its credentials reach. */
export interface Authentication {
  readonly user: User;
  readonly groupIds: readonly GroupId[];
  /** 'all' for a password login; the token's scopes for an app token. */
  readonly scopes: 'all' | readonly TokenScope[];
  readonly method: 'password' | 'app-token' | 'jwt';
}

/**
 * The seam for bearer tokens that are not app tokens (JWTs from an OpenID Connect provider, a
 * later issue): resolve the token to a login and its scopes, or undefined when it is not one's own.
 */
export interface BearerVerifier {
  verify(token: string): Promise<{ login: string; scopes: 'all' | readonly TokenScope[] } | undefined>;
}

export interface AuthenticatorDeps {
  readonly users: UserRepository;
  readonly groups: GroupRepository;
  readonly tokens: AppTokenRepository;
  readonly hasher: PasswordHasher;
  readonly throttle: LoginThrottle;
  readonly clock: Clock;
  readonly bearerVerifiers?: readonly BearerVerifier[];
  /** How long a verified password is remembered, so that DAV clients' per-request Basic auth stays cheap. */
  readonly credentialCacheMs?: number;
}

const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * Turns credentials into an Authentication. Every failure looks the same to the caller (no hint
 * whether the login exists), counts against the login and the client address, and is slowed
 * down and then refused by the throttle.
 */
export class Authenticator {
  readonly #d: AuthenticatorDeps;
  readonly #cache: CredentialCache;

  constructor(deps: AuthenticatorDeps) {
    this.#d = deps;
    this.#cache = new CredentialCache(deps.clock, deps.credentialCacheMs ?? 5 * 60_000);
  }

  /**
   * @throws AuthenticationError for any bad credential
   * @throws TooManyAttemptsError while the login or the address is locked
   */
  async authenticate(credentials: Credentials, client: { address: string }): Promise<Authentication> {
    const keys = [`addr:${client.address}`];
    if (credentials.scheme === 'basic') keys.unshift(`login:${credentials.login.trim().toLowerCase()}`);
    if (credentials.scheme === 'basic' && (!credentials.login || !credentials.password)) {
      throw new AuthenticationError('empty login or password', 'auth/missing-credentials');
    }
    // The lock applies before the cache too: otherwise a locked-out guesser would learn from a 200
    // that a guess equals a recently used password.
    await this.#d.throttle.assertAllowed(keys);
    const stored = credentials.scheme === 'basic' ? await this.#d.users.getCredentials(credentials.login) : undefined;
    if (credentials.scheme === 'basic' && stored?.passwordHash
      && this.#cache.has(credentials.login, credentials.password, stored.passwordHash)) {
      return this.#withGroups(stored.user, 'all', 'password');
    }
    let result: Authentication | undefined;
    let reason = 'invalid login or password';
    try {
      result = credentials.scheme === 'basic' ? await this.#basic(credentials, stored) : await this.#bearer(credentials.token);
    } catch (err) {
      if (!(err instanceof AuthenticationError)) throw err;
      reason = err.message;
    }
    if (!result) {
      await this.#d.throttle.recordFailure(keys);
      throw new AuthenticationError(reason);
    }
    if (credentials.scheme === 'basic') await this.#d.throttle.recordSuccess(keys[0]!);
    return result;
  }

  async #basic(
    c: { login: string; password: string },
    creds: { user: User; passwordHash: string | null } | undefined,
  ): Promise<Authentication | undefined> {
    const parsed = parseTokenText(c.password);
    if (parsed) {
      const viaToken = await this.#appToken(parsed, c.login);
      if (viaToken) return viaToken;
    }
    if (!creds?.passwordHash) {
      // Hash anyway so that a missing login takes as long as a wrong password.
      await this.#d.hasher.verify(c.password, DUMMY_HASH);
      return undefined;
    }
    if (!(await this.#d.hasher.verify(c.password, creds.passwordHash))) return undefined;
    this.#cache.remember(c.login, c.password, creds.passwordHash);
    return this.#withGroups(creds.user, 'all', 'password');
  }

  async #bearer(token: string): Promise<Authentication | undefined> {
    const parsed = parseTokenText(token);
    if (parsed) return this.#appToken(parsed, undefined);
    for (const verifier of this.#d.bearerVerifiers ?? []) {
      const claim = await verifier.verify(token);
      if (!claim) continue;
      const user = await this.#d.users.getByLogin(claim.login);
      return user && this.#withGroups(user, claim.scopes, 'jwt');
    }
    return undefined;
  }

  /** `login` is the Basic login, absent for Bearer. */
  async #appToken(parsed: { id: AppToken['id']; secret: string }, login: string | undefined): Promise<Authentication | undefined> {
    const stored = await this.#d.tokens.getWithSecretHash(parsed.id);
    if (!stored || !secretMatches(parsed.secret, stored.secretHash)) return undefined;
    const { token } = stored;
    const now = this.#d.clock.now();
    const state = tokenState(token, now);
    if (state !== 'active') throw new AuthenticationError(`the app token is ${state}`, `auth/token-${state}`);

    let user: User | undefined;
    if (token.userId === null) {
      // An all-users token impersonates the Basic login. One made by an admin stays valid only while
      // its maker is an admin (null = made by the operator at the command line).
      if (login === undefined) throw new AuthenticationError('an all-users token needs Basic auth with the login to act as');
      if (token.createdBy !== null && !(await this.#d.users.get(token.createdBy))?.isAdmin) {
        throw new AuthenticationError('the app token’s creator is no longer an administrator');
      }
      user = await this.#d.users.getByLogin(login);
    } else {
      user = await this.#d.users.get(token.userId);
      if (user && login !== undefined && user.login !== login.trim().toLowerCase()) return undefined;
    }
    if (!user) return undefined;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      await this.#d.tokens.markUsed(token.id, now);
    }
    return this.#withGroups(user, token.scopes, 'app-token');
  }

  async #withGroups(user: User, scopes: Authentication['scopes'], method: Authentication['method']): Promise<Authentication> {
    return { user, groupIds: await this.#d.groups.groupsOf(user.id), scopes, method };
  }
}

// A real scrypt hash of a random password, so verifying against it costs what a real check does.
const DUMMY_HASH = 'scrypt$32768$8$1$7W7oY1dDxH3i9lR5n0q8Pg$0Vv9l4m9mC6H1yYtZr6c7pJ2Y5n0N8e3Qd1s2a3b4c5';
