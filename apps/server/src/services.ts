import { type AdminDeps, Authenticator, LoginThrottle, type PasswordHasher, ScryptPasswordHasher } from '@almanac/accounts';
import { type Clock, systemClock } from '@almanac/domain-kernel';
import type { DavApps } from '@almanac/http-dav';
import type { Store } from './store.js';

/** The application services built once per process over the store. */
export interface Services {
  readonly store: Store;
  readonly clock: Clock;
  readonly authenticator: Authenticator;
  readonly admin: AdminDeps;
  /** DAV forms of apps added from outside (tests); app.ts registers the real ones beside them. */
  readonly davApps: DavApps;
}

export interface ServiceOptions {
  readonly clock?: Clock;
  /** Tests pass a cheaper scrypt cost; production uses the default. */
  readonly hasher?: PasswordHasher;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Tests plug in DAV apps (e.g. http-dav's textDavApp) before the real ones exist. */
  readonly davApps?: DavApps;
}

export function buildServices(store: Store, options: ServiceOptions = {}): Services {
  const clock = options.clock ?? systemClock;
  const hasher = options.hasher ?? new ScryptPasswordHasher();
  const throttle = new LoginThrottle({ store: store.throttle, clock, sleep: options.sleep });
  const { repos } = store;
  const authenticator = new Authenticator({
    users: repos.users, groups: repos.groups, tokens: repos.tokens, hasher, throttle, clock,
  });
  return { store, clock, authenticator, admin: { repos, uow: store.uow, hasher, clock }, davApps: options.davApps ?? {} };
}
