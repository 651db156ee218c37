import { ManualClock } from '@almanac/domain-kernel';
import { InMemoryKernelStore } from '@almanac/domain-kernel/testing';
import type { AdminDeps } from './admin.js';
import { Authenticator } from './authenticator.js';
import { LoginThrottle, type ThrottlePolicy } from './login-throttle.js';
import type { PasswordHasher } from './ports/password-hasher.js';
import { ScryptPasswordHasher } from './scrypt-password-hasher.js';
import { InMemoryLoginThrottleStore } from './testing/in-memory-login-throttle-store.js';

/** Real scrypt at a low cost, counting its verifications. */
export class CountingHasher implements PasswordHasher {
  readonly #inner = new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 });
  verifications = 0;
  hash(password: string) {
    return this.#inner.hash(password);
  }
  verify(password: string, hash: string) {
    this.verifications++;
    return this.#inner.verify(password, hash);
  }
}

/** Accounts wired to in-memory adapters and a manual clock; sleeps are recorded, not waited. */
export function makeAccounts(policy?: ThrottlePolicy) {
  const clock = new ManualClock(new Date('2030-01-01T00:00:00Z'));
  const store = new InMemoryKernelStore(clock);
  const hasher = new CountingHasher();
  const sleeps: number[] = [];
  const throttle = new LoginThrottle({
    store: new InMemoryLoginThrottleStore(), clock, policy, sleep: async (ms) => { sleeps.push(ms); },
  });
  const admin: AdminDeps = { repos: store.repos, uow: store, hasher, clock };
  const auth = new Authenticator({ users: store.repos.users, groups: store.repos.groups, tokens: store.repos.tokens, hasher, throttle, clock });
  return { clock, store, repos: store.repos, hasher, sleeps, throttle, admin, auth };
}
