// Skipping ahead (starting the iterator near the range) must not change what is generated: the
// occurrences from `lowWall` on are the same as when iterating from the start.
import { describe, expect, it } from '@jest/globals';
import { OccurrenceMerge } from '../../src/recurrence/occurrences.js';
import { IterationBudget } from '../../src/recurrence/rule-stream.js';
import { readSubject } from '../../src/recurrence/subject.js';
import { generateCases, prng } from './case-generator.js';

function occurrences(event: object, lowWall: number, highWall: number, allowSkip: boolean): number[] | 'truncated' {
  const read = readSubject(event, {});
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const merge = new OccurrenceMerge(read.value, lowWall, new IterationBudget(40_000), [], allowSkip);
  const out: number[] = [];
  for (let w = merge.next(); w !== undefined && w <= highWall; w = merge.next()) if (w >= lowWall) out.push(w);
  return merge.truncated ? 'truncated' : out;
}

describe('skip-ahead', () => {
  const cases = generateCases(7, 160);
  const rnd = prng(8);

  it('gives the same occurrences as iterating from the start, for generated rules without count', () => {
    let compared = 0;
    for (const c of cases) {
      const rule = { ...c.event.recurrenceRules![0]! };
      delete rule.count;
      const event = { ...c.event, recurrenceRules: [rule], excludedRecurrenceRules: rnd() < 0.3 ? [{ frequency: 'weekly', byDay: [{ day: 'we' }] }] : undefined };
      const start = Date.parse(`${c.event.start}Z`);
      const sub = rule.frequency === 'hourly' || rule.frequency === 'minutely';
      const lowWall = start + Math.floor(rnd() * (sub ? 20 : 2500)) * 86_400_000 + Math.floor(rnd() * 86_400_000);
      const highWall = lowWall + (sub ? 2 : 60) * 86_400_000;
      const skipped = occurrences(event, lowWall, highWall, true);
      const full = occurrences(event, lowWall, highWall, false);
      if (full === 'truncated') continue;
      expect({ id: c.id, walls: skipped }).toEqual({ id: c.id, walls: full });
      compared++;
    }
    expect(compared).toBeGreaterThan(120);
  });
});
