import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LoginThrottleStore } from '../ports/login-throttle-store.js';

const t = (s: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, s));

/** The behaviour every LoginThrottleStore must show. */
export function describeLoginThrottleStoreContract(
  label: string,
  factory: () => Promise<{ store: LoginThrottleStore; dispose(): Promise<void> }>,
): void {
  describe(`${label}: login throttle store`, () => {
    let f: Awaited<ReturnType<typeof factory>>;
    beforeAll(async () => { f = await factory(); });
    afterAll(async () => { await f.dispose(); });

    it('counts failures within a window and restarts the count in a new one', async () => {
      expect(await f.store.recordFailure('login:a', t(1), t(0))).toMatchObject({ failures: 1, windowStartedAt: t(1) });
      expect(await f.store.recordFailure('login:a', t(2), t(0))).toMatchObject({ failures: 2, windowStartedAt: t(1) });
      expect(await f.store.recordFailure('login:a', t(10), t(5))).toMatchObject({ failures: 1, windowStartedAt: t(10) });
    });

    it('keeps keys apart, locks and clears', async () => {
      await f.store.recordFailure('addr:1', t(1), t(0));
      await f.store.lock('addr:1', t(100));
      const [rec] = await f.store.get(['addr:1', 'addr:unknown']);
      expect(rec).toMatchObject({ key: 'addr:1', failures: 1, lockedUntil: t(100) });
      expect(await f.store.get(['addr:unknown'])).toEqual([]);
      await f.store.clear('addr:1');
      expect(await f.store.get(['addr:1'])).toEqual([]);
    });

    it('counts concurrent failures without losing any', async () => {
      await Promise.all(Array.from({ length: 20 }, () => f.store.recordFailure('login:race', t(1), t(0))));
      const [rec] = await f.store.get(['login:race']);
      expect(rec?.failures).toBe(20);
    });
  });
}
