import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '@almanac/domain-kernel';

/**
 * Remembers recently verified passwords so that clients sending Basic auth on every request do
 * not pay for scrypt each time. Entries are keyed by an HMAC (with a per-process key) of login,
 * password and the stored hash: a password change misses the cache at once, and the cache never
 * holds a password or anything that could be checked offline against one.
 */
export class CredentialCache {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #key = randomBytes(32);
  readonly #entries = new Map<string, number>();

  constructor(clock: Clock, ttlMs: number, maxEntries = 10_000) {
    this.#clock = clock;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  #digest(login: string, password: string, hash: string): string {
    return createHmac('sha256', this.#key).update(`${login.toLowerCase()}\0${password}\0${hash}`).digest('base64url');
  }

  has(login: string, password: string, hash: string): boolean {
    const key = this.#digest(login, password, hash);
    const expires = this.#entries.get(key);
    if (expires === undefined) return false;
    if (expires <= this.#clock.now().getTime()) {
      this.#entries.delete(key);
      return false;
    }
    return true;
  }

  remember(login: string, password: string, hash: string): void {
    if (this.#ttlMs <= 0) return;
    if (this.#entries.size >= this.#maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    this.#entries.set(this.#digest(login, password, hash), this.#clock.now().getTime() + this.#ttlMs);
  }
}
