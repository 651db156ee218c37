import type { LoginThrottleStore, ThrottleRecord } from '../ports/login-throttle-store.js';

export class InMemoryLoginThrottleStore implements LoginThrottleStore {
  readonly #records = new Map<string, ThrottleRecord>();

  async get(keys: readonly string[]) {
    return keys.flatMap((k) => (this.#records.has(k) ? [{ ...this.#records.get(k)! }] : []));
  }
  async recordFailure(key: string, at: Date, windowStart: Date) {
    const old = this.#records.get(key);
    const fresh = !old || old.windowStartedAt < windowStart;
    const record: ThrottleRecord = {
      key, failures: fresh ? 1 : old.failures + 1, windowStartedAt: fresh ? at : old.windowStartedAt,
      lockedUntil: old?.lockedUntil ?? null,
    };
    this.#records.set(key, record);
    return { ...record };
  }
  async lock(key: string, until: Date) {
    const old = this.#records.get(key);
    if (old) this.#records.set(key, { ...old, lockedUntil: until });
  }
  async clear(key: string) {
    this.#records.delete(key);
  }
}
