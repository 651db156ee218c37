import type { Clock } from '@almanac/domain-kernel';
import { TooManyAttemptsError } from './errors.js';
import type { LoginThrottleStore } from './ports/login-throttle-store.js';

export interface ThrottlePolicy {
  /** Failures are counted within this window. */
  readonly windowMs: number;
  /** From this many failures in a window, each further answer is delayed. */
  readonly slowAfter: number;
  /** The first delay; it doubles with every further failure, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** At this many failures in a window the key is refused for `lockMs`. */
  readonly lockAfter: number;
  readonly lockMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000, slowAfter: 3, baseDelayMs: 250, maxDelayMs: 4_000, lockAfter: 10, lockMs: 5 * 60_000,
};

/** The delay to add to a failed attempt's answer, given the failures counted so far. */
export function failureDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.slowAfter) return 0;
  return Math.min(policy.baseDelayMs * 2 ** (failures - policy.slowAfter - 1), policy.maxDelayMs);
}

/**
 * Slows down and then refuses repeated failed logins, per login and per client address,
 * so that guessing passwords costs an attacker time without locking out a whole office.
 */
export class LoginThrottle {
  readonly #store: LoginThrottleStore;
  readonly #clock: Clock;
  readonly #policy: ThrottlePolicy;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(deps: { store: LoginThrottleStore; clock: Clock; policy?: ThrottlePolicy; sleep?: (ms: number) => Promise<void> }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#policy = deps.policy ?? DEFAULT_THROTTLE_POLICY;
    this.#sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** @throws TooManyAttemptsError while any of the keys is locked. */
  async assertAllowed(keys: readonly string[]): Promise<void> {
    const now = this.#clock.now().getTime();
    const locked = (await this.#store.get(keys))
      .map((r) => r.lockedUntil?.getTime() ?? 0).filter((until) => until > now);
    if (locked.length) throw new TooManyAttemptsError(Math.ceil((Math.max(...locked) - now) / 1000));
  }

  /** Counts a failure under every key, locks keys that reached the limit, then waits the delay. */
  async recordFailure(keys: readonly string[]): Promise<void> {
    const at = this.#clock.now();
    const windowStart = new Date(at.getTime() - this.#policy.windowMs);
    let worst = 0;
    for (const key of keys) {
      const record = await this.#store.recordFailure(key, at, windowStart);
      if (record.failures >= this.#policy.lockAfter) await this.#store.lock(key, new Date(at.getTime() + this.#policy.lockMs));
      worst = Math.max(worst, record.failures);
    }
    const delay = failureDelayMs(worst, this.#policy);
    if (delay > 0) await this.#sleep(delay);
  }

  async recordSuccess(key: string): Promise<void> {
    await this.#store.clear(key);
  }
}
