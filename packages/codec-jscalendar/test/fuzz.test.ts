import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseICalendar, stringifyICalendar } from '@almanac/codec-icalendar';
import { convertCalendarData, icalendarToJSCalendarGroups, jscalendarToICalendar, jscalendarToICalendarText } from '../src/icalendar/index.js';
import { formatJSCalendar, parseJSCalendarInput, validateJSCalendar } from '../src/index.js';
import { readFixtureBytes, readFixtureJson } from './helpers/fixtures.js';
import { diffParsedICal } from './helpers/ical-compare.js';
import { applyMutations, mutationArb } from './helpers/mutations.js';

// No exception escapes the public API, whatever the input; what converts
// comes back as it was (iCalendar → JSCalendar → iCalendar, compared as data).
const index = readFixtureJson<{ entries: Array<{ files: { input: string } }> }>('calcard/index-ical.json');
const corpus = index.entries.map((e) => new TextDecoder().decode(readFixtureBytes(`calcard/${e.files.input}`))).filter((t) => t.length < 30_000);

describe('fuzz: iCalendar ⇄ JSCalendar', () => {
  it('converts mutated corpus files without throwing and without losing data', () => {
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }).chain((i) => fc.tuple(fc.constant(i), mutationArb(corpus[i]!.split('\n').length))), ([i, mutations]) => {
        const source = parseICalendar(applyMutations(corpus[i]!, mutations));
        if (!source.ok) return;
        const calendars = source.value.filter((c) => c[0] === 'vcalendar');
        const a = icalendarToJSCalendarGroups(calendars);
        if (!a.ok) return;
        const text = stringifyICalendar(a.value.map((g) => {
          const r = jscalendarToICalendar(g, { fillRequired: false });
          expect(r.ok).toBe(true);
          return r.ok ? r.value : (['vcalendar', [], []] as never);
        }));
        const back = parseICalendar(text);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        // text → JSCalendar → text keeps every property and value (compared as data).
        calendars.forEach((c, k) => expect(diffParsedICal(c, back.value[k]!)).toEqual([]));
        expect(icalendarToJSCalendarGroups(back.value).ok).toBe(true);
      }),
      { numRuns: 700 },
    );
  });

  it('writes arbitrary JSON as iCalendar without throwing', () => {
    const member = fc.constantFrom('title', 'start', 'duration', 'timeZone', 'participants', 'alerts', 'locations', 'links', 'recurrenceRules', 'recurrenceOverrides', 'keywords', 'showWithoutTime', 'iCalComponent', 'replyTo', 'relatedTo', 'due', 'example.com:x');
    const entry = fc.dictionary(member, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }).map((o) => ({ '@type': 'Event', uid: 'u', ...o }));
    fc.assert(
      fc.property(fc.oneof(entry, entry.map((e) => ({ ...e, '@type': 'Task' })), fc.jsonValue({ maxDepth: 3 })), (value) => {
        const r = jscalendarToICalendarText(value as never);
        if (r.ok) expect(parseICalendar(r.value).ok).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('reads arbitrary JSON input without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, strict) => {
        const r = parseJSCalendarInput(value, { strict });
        if (r.ok) {
          expect(validateJSCalendar(r.value).filter((e) => e.code !== 'schema/additionalProperties' && e.code !== 'schema/propertyNames' && e.code !== 'schema/pattern')).toEqual([]);
          formatJSCalendar(r.value, { profile: 'egroupware' });
        }
        parseJSCalendarInput(JSON.stringify(value).slice(0, 20));
      }),
      { numRuns: 1500 },
    );
  });

  it('converts arbitrary text either way without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('ical', 'jscalendar'), fc.constantFrom('ical', 'jscalendar'), (text, from, to) => {
        const r = convertCalendarData(text, { from, to });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
