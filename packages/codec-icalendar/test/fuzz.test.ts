import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseICalendar, stringifyICalendar, type JCalComponent } from '../src/index.js';
import { corpusIcsFiles, readFixtureBytes } from './fixtures.js';
import { applyMutations, mutationArb } from './mutations.js';

// No exception escapes the public API, whatever the input; and whatever
// parses is written back to text that parses to the same jCal.
const corpus = corpusIcsFiles()
  .map((f) => new TextDecoder().decode(readFixtureBytes(f.path)))
  .filter((t) => t.length < 60_000);

function assertStable(input: string | Uint8Array): void {
  const first = parseICalendar(input);
  expect(typeof first.ok).toBe('boolean');
  if (!first.ok) return;
  const second = parseICalendar(stringifyICalendar(first.value));
  expect(second.ok).toBe(true);
  if (second.ok) expect(second.value).toEqual(first.value);
}

describe('fuzz: parseICalendar / stringifyICalendar', () => {
  it('survives mutated corpus files', () => {
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }).chain((i) => fc.tuple(fc.constant(i), mutationArb(corpus[i]!.split('\n').length))), ([i, mutations]) => {
        assertStable(applyMutations(corpus[i]!, mutations));
      }),
      { numRuns: 1500 },
    );
  });

  it('survives random text and bytes', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => assertStable(`BEGIN:VCALENDAR\r\n${s}\r\nEND:VCALENDAR`)), { numRuns: 1000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => assertStable(b)), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ maxLength: 50 }), (s) => assertStable(`BEGIN:VEVENT\r\n${s}\r\nEND:VEVENT`)), { numRuns: 500 });
  });

  it('never throws on arbitrary jCal-ish structures', () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    const prop = fc.tuple(fc.oneof(fc.constantFrom('summary', 'dtstart', 'rrule', 'geo', 'attendee', 'x-a'), fc.string()), fc.oneof(fc.object(), anyJson), fc.oneof(fc.constantFrom('text', 'date-time', 'recur', 'float', 'period', 'unknown'), fc.string()), anyJson);
    fc.assert(
      fc.property(fc.array(prop, { maxLength: 5 }), anyJson, (props, junk) => {
        const out = stringifyICalendar([['vevent', props as never, [junk as never]]] as JCalComponent[]);
        expect(typeof out).toBe('string');
        expect(parseICalendar(out).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
