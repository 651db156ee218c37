import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { FastTime } from '../../src/recurrence/fast-time.js';

describe('FastTime', () => {
  it('clones exactly like ical.js\'s Time, normalised or not (checks ical.js\'s private layout)', () => {
    fc.assert(fc.property(
      fc.record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }),
        hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), second: fc.integer({ min: 0, max: 59 }) }),
      fc.integer({ min: -40, max: 40 }), fc.boolean(),
      (parts, shift, isDate) => {
        const fast = FastTime.fromParts(parts);
        const plain = new ICAL.Time({ ...parts, isDate: false }, ICAL.Timezone.localTimezone);
        for (const t of [fast, plain]) {
          t.day += shift; // leaves it pending normalisation
          if (isDate) t.isDate = true;
        }
        const a = fast.clone();
        const b = plain.clone();
        expect(a).toBeInstanceOf(FastTime);
        expect(a.toString()).toBe(b.toString());
        expect([a.year, a.month, a.day, a.hour, a.minute, a.second, a.isDate]).toEqual([b.year, b.month, b.day, b.hour, b.minute, b.second, b.isDate]);
        a.day += 1;
        expect(fast.toString()).toBe(plain.toString()); // the clone is independent
      },
    ), { numRuns: 2000 });
  });
});
