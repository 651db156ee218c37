import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stringifyICalendar } from '@almanac/codec-icalendar';
import type { Event } from '@almanac/codec-jscalendar';
import { ValidationError } from '@almanac/domain-kernel';
import { DavPreconditionError } from '../../dav/errors.js';
import { readCalendarFilter } from '../../xml/requests/calendar-query.js';
import { parseXml } from '../../xml/parse.js';
import { readCalendarObject } from './calendar-object.js';
import { spanOf } from './component-times.js';
import { expandedVCalendar, limitedRecurrenceSet } from './expand.js';
import { CalendarObjectView, ExpansionBudget } from './instances.js';
import { parseVCalendar } from './jcal.js';
import { matchesCalendarFilter } from './query-filter.js';
import { timeContextOf } from './times.js';

// Calendar objects as clients write them: a recurring series with an override, an alarm and a
// zone; a to-do; an all-day event. Mutations of their lines stand for what broken clients send.
const SAMPLES = [
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN', 'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:STANDARD', 'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE',
    'BEGIN:VEVENT', 'UID:f1', 'DTSTAMP:20240101T000000Z', 'DTSTART;TZID=Europe/Berlin:20300107T100000', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;COUNT=5',
    'EXDATE;TZID=Europe/Berlin:20300109T100000', 'SUMMARY:Daily', 'ORGANIZER:mailto:a@example.org', 'ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:b@example.org',
    'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:x', 'TRIGGER;RELATED=END:-PT5M', 'REPEAT:2', 'DURATION:PT1M', 'END:VALARM', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:f1', 'DTSTAMP:20240101T000000Z', 'RECURRENCE-ID;TZID=Europe/Berlin:20300108T100000', 'DTSTART;TZID=Europe/Berlin:20300108T150000',
    'DURATION:PT2H', 'SUMMARY:Moved', 'END:VEVENT', 'END:VCALENDAR'],
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN', 'BEGIN:VEVENT', 'UID:f2', 'DTSTAMP:20240101T000000Z', 'DTSTART;VALUE=DATE:20300105',
    'DTEND;VALUE=DATE:20300106', 'RRULE:FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=20300301', 'CATEGORIES:A,B', 'END:VEVENT', 'END:VCALENDAR'],
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN', 'BEGIN:VTODO', 'UID:f3', 'DTSTAMP:20240101T000000Z', 'DTSTART:20300101T090000Z', 'DUE:20300103T090000Z',
    'COMPLETED:20300102T090000Z', 'STATUS:COMPLETED', 'BEGIN:VALARM', 'ACTION:AUDIO', 'TRIGGER;VALUE=DATE-TIME:20300101T080000Z', 'END:VALARM',
    'END:VTODO', 'END:VCALENDAR'],
];

const mutatedLines = fc.tuple(fc.constantFrom(...SAMPLES), fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'chars', 'swap', 'insert')), { maxLength: 6 }),
  fc.string({ maxLength: 20 }), fc.constantFrom('DTSTART:', 'RRULE:FREQ=', 'TRIGGER:', 'DURATION:', 'RECURRENCE-ID:', 'UID:', 'BEGIN:VEVENT', 'END:VTODO', 'X-Y;A="'))
  .map(([sample, edits, junk, prefix]) => {
    const lines = [...sample];
    for (const [at, op] of edits) {
      const i = at % lines.length;
      if (op === 'drop') lines.splice(i, 1);
      else if (op === 'dup') lines.splice(i, 0, lines[i]!);
      else if (op === 'chars') lines[i] = lines[i]!.slice(0, at % (lines[i]!.length + 1)) + junk;
      else if (op === 'swap') [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length]!, lines[i]!];
      else lines.splice(i, 0, `${prefix}${junk}`);
      if (lines.length === 0) lines.push(junk);
    }
    return `${lines.join('\r\n')}\r\n`;
  });

const FILTERS = [
  '<C:comp-filter name="VEVENT"><C:time-range start="20300101T000000Z" end="20300201T000000Z"/></C:comp-filter>',
  '<C:comp-filter name="VEVENT"><C:comp-filter name="VALARM"><C:time-range start="20300101T000000Z" end="20300110T000000Z"/></C:comp-filter></C:comp-filter>',
  '<C:comp-filter name="VTODO"><C:time-range start="20300102T000000Z"/></C:comp-filter>',
  '<C:comp-filter name="VEVENT"><C:prop-filter name="ATTENDEE"><C:text-match negate-condition="yes">b@</C:text-match><C:param-filter name="PARTSTAT"/></C:prop-filter></C:comp-filter>',
].map((inner) => readCalendarFilter(parseXml(`<C:filter xmlns:C="urn:ietf:params:xml:ns:caldav"><C:comp-filter name="VCALENDAR">${inner}</C:comp-filter></C:filter>`)));

describe('CalDAV apps on mutated calendar objects', () => {
  it('refuse bad bodies only with ValidationError or DavPreconditionError, and filter and expand what they accept without throwing', () => {
    fc.assert(fc.property(mutatedLines, (text) => {
      for (const type of ['VEVENT', 'VTODO'] as const) {
        let entry: Event;
        try {
          entry = readCalendarObject<Event>(text, type).entry;
        } catch (err) {
          expect(err instanceof ValidationError || err instanceof DavPreconditionError).toBe(true);
          continue;
        }
        const vcalendar = parseVCalendar(text)!;
        const view = new CalendarObjectView(vcalendar, entry as never, type, timeContextOf(vcalendar), new ExpansionBudget());
        for (const f of FILTERS) expect(typeof matchesCalendarFilter(view, f)).toBe('boolean');
        const span = spanOf({ start: new Date('2030-01-01T00:00:00Z'), end: new Date('2030-02-01T00:00:00Z') });
        expect(typeof stringifyICalendar(expandedVCalendar(view, span))).toBe('string');
        expect(typeof stringifyICalendar(limitedRecurrenceSet(view, span))).toBe('string');
      }
    }), { numRuns: 400, seed: 4791 });
  });
});
