import { describe, expect, it } from '@jest/globals';
import { stringifyICalendar } from '@almanac/codec-icalendar';
import type { Event, Task } from '@almanac/codec-jscalendar';
import { ValidationError } from '@almanac/domain-kernel';
import { DavPreconditionError } from '../../dav/errors.js';
import { readCalendarFilter } from '../../xml/requests/calendar-query.js';
import { parseXml } from '../../xml/parse.js';
import { freeBusyCalendar } from '../calendar/free-busy.js';
import { readCalendarObject } from './calendar-object.js';
import { spanOf } from './component-times.js';
import { expandedVCalendar } from './expand.js';
import { CalendarObjectView, ExpansionBudget } from './instances.js';
import { parseVCalendar } from './jcal.js';
import { selectParts } from './partial.js';
import { matchesCalendarFilter } from './query-filter.js';
import { timeContextOf } from './times.js';

const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20240101T000000Z', ...lines, 'END:VEVENT'];

function viewOf(text: string, type: 'VEVENT' | 'VTODO' = 'VEVENT'): CalendarObjectView {
  const entry = readCalendarObject<Event | Task>(text, type).entry;
  const vcalendar = parseVCalendar(text)!;
  return new CalendarObjectView(vcalendar, entry as never, type, timeContextOf(vcalendar), new ExpansionBudget());
}

/** A calendar-query filter from the XML inside the VCALENDAR comp-filter. */
const filter = (inner: string) => readCalendarFilter(parseXml(
  `<C:filter xmlns:C="urn:ietf:params:xml:ns:caldav"><C:comp-filter name="VCALENDAR">${inner}</C:comp-filter></C:filter>`,
));
const alarmIn = (start: string, end: string) => filter(`<C:comp-filter name="VEVENT"><C:comp-filter name="VALARM"><C:time-range start="${start}" end="${end}"/></C:comp-filter></C:comp-filter>`);

describe('readCalendarObject (a PUT body as one canonical object, RFC 4791 §4.1)', () => {
  it('folds an override the codec leaves stand-alone into recurrenceOverrides, keyed in the series zone', () => {
    const text = ics(
      ...vevent('UID:s1', 'DTSTART;TZID=Europe/Berlin:20300107T100000', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;COUNT=3', 'SUMMARY:Daily', 'ORGANIZER:mailto:a@example.org'),
      // No ORGANIZER here, and the RECURRENCE-ID in UTC: 09:00Z is 10:00 in Berlin.
      ...vevent('UID:s1', 'RECURRENCE-ID:20300108T090000Z', 'DTSTART;TZID=Europe/Berlin:20300108T120000', 'DURATION:PT1H', 'SUMMARY:Moved'),
    );
    const { entry } = readCalendarObject<Event>(text, 'VEVENT');
    expect(entry.recurrenceId).toBeUndefined();
    expect(Object.keys(entry.recurrenceOverrides ?? {})).toEqual(['2030-01-08T10:00:00']);
    expect(entry.recurrenceOverrides!['2030-01-08T10:00:00']).toMatchObject({ title: 'Moved', start: '2030-01-08T12:00:00' });
    expect(entry.participants && Object.values(entry.participants)[0]).toMatchObject({ sendTo: { imip: 'mailto:a@example.org' } });
  });

  it('makes the first occurrence stand for a series it was invited to without the main component', () => {
    const text = ics(
      ...vevent('UID:o1', 'RECURRENCE-ID:20300108T090000Z', 'DTSTART:20300108T090000Z', 'DURATION:PT1H', 'SUMMARY:First'),
      ...vevent('UID:o1', 'RECURRENCE-ID:20300115T090000Z', 'DTSTART:20300115T100000Z', 'DURATION:PT1H', 'SUMMARY:Second'),
    );
    const { entry } = readCalendarObject<Event>(text, 'VEVENT');
    expect(entry).toMatchObject({ title: 'First', start: '2030-01-08T09:00:00' });
    expect(entry.recurrenceId).toBeUndefined();
    expect(entry.recurrenceOverrides!['2030-01-15T09:00:00']).toMatchObject({ title: 'Second', start: '2030-01-15T10:00:00' });
  });

  it('leaves the VCALENDAR\'s members out and keeps custom time zones', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Mine',
      'BEGIN:VTIMEZONE', 'TZID:My Own Zone', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0330', 'TZOFFSETTO:+0330', 'END:STANDARD', 'END:VTIMEZONE',
      ...vevent('UID:tz1', 'DTSTART;TZID=My Own Zone:20300101T100000', 'DURATION:PT1H'), 'END:VCALENDAR', ''].join('\r\n');
    const { entry } = readCalendarObject<Event>(text, 'VEVENT');
    expect(entry.prodId).toBeUndefined();
    expect((entry as Record<string, unknown>).method).toBeUndefined();
    expect(entry.timeZone).toBe('/My Own Zone');
    expect(Object.keys(entry.timeZones ?? {})).toEqual(['/My Own Zone']);
  });

  it.each([
    ['not iCalendar', 'hello', ValidationError, undefined],
    ['two VCALENDARs', ics(...vevent('UID:a', 'DTSTART:20300101T100000Z')) + ics(...vevent('UID:a', 'DTSTART:20300101T100000Z')), ValidationError, undefined],
    ['no UID', ics('BEGIN:VEVENT', 'DTSTART:20300101T100000Z', 'END:VEVENT'), ValidationError, undefined],
    ['two UIDs', ics(...vevent('UID:a', 'DTSTART:20300101T100000Z'), ...vevent('UID:b', 'DTSTART:20300101T100000Z')), DavPreconditionError, 'valid-calendar-object-resource'],
    ['a VTODO among events', ics(...vevent('UID:a', 'DTSTART:20300101T100000Z'), 'BEGIN:VTODO', 'UID:a', 'END:VTODO'), DavPreconditionError, 'supported-calendar-component'],
    ['only time zones', ics('BEGIN:VTIMEZONE', 'TZID:UTC', 'END:VTIMEZONE'), DavPreconditionError, 'valid-calendar-object-resource'],
  ])('refuses %s', (_name, text, type, condition) => {
    let thrown: unknown;
    try {
      readCalendarObject(text, 'VEVENT');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(type);
    if (condition) expect((thrown as DavPreconditionError).condition.local).toBe(condition);
  });

  it('accepts X- components beside the events', () => {
    expect(readCalendarObject<Event>(ics(...vevent('UID:x1', 'DTSTART:20300101T100000Z'), 'BEGIN:X-THING', 'X-A:b', 'END:X-THING'), 'VEVENT').entry.uid).toBe('x1');
  });
});

describe('VALARM time ranges (RFC 4791 §9.9)', () => {
  const repeating = ics(...vevent('UID:al1', 'DTSTART:20300110T100000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;COUNT=3',
    'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:x', 'TRIGGER:-PT30M', 'REPEAT:2', 'DURATION:PT10M', 'END:VALARM'));

  it('counts the repetitions of an alarm and the alarm of every occurrence', () => {
    const view = viewOf(repeating);
    // Day 3 (Jan 12): triggers at 09:30, 09:40, 09:50.
    expect(matchesCalendarFilter(view, alarmIn('20300112T094500Z', '20300112T095500Z'))).toBe(true);
    expect(matchesCalendarFilter(view, alarmIn('20300112T095100Z', '20300112T100000Z'))).toBe(false);
    // No fourth day.
    expect(matchesCalendarFilter(view, alarmIn('20300113T090000Z', '20300113T100000Z'))).toBe(false);
  });

  it('applies RELATED=END to the end and takes absolute triggers as they are', () => {
    const end = viewOf(ics(...vevent('UID:al2', 'DTSTART:20300110T100000Z', 'DTEND:20300110T120000Z', 'BEGIN:VALARM', 'ACTION:AUDIO', 'TRIGGER;RELATED=END:PT5M', 'END:VALARM')));
    expect(matchesCalendarFilter(end, alarmIn('20300110T120000Z', '20300110T121000Z'))).toBe(true);
    expect(matchesCalendarFilter(end, alarmIn('20300110T100000Z', '20300110T110000Z'))).toBe(false);
    const absolute = viewOf(ics(...vevent('UID:al3', 'DTSTART:20300110T100000Z', 'BEGIN:VALARM', 'ACTION:AUDIO', 'TRIGGER;VALUE=DATE-TIME:20300101T080000Z', 'END:VALARM')));
    expect(matchesCalendarFilter(absolute, alarmIn('20300101T000000Z', '20300102T000000Z'))).toBe(true);
    expect(matchesCalendarFilter(absolute, alarmIn('20300110T000000Z', '20300111T000000Z'))).toBe(false);
  });
});

describe('text-match and prop-filter on the iCalendar', () => {
  const view = viewOf(ics(...vevent('UID:c1', 'DTSTART:20300110T100000Z', 'CATEGORIES:Work,Travel', 'SUMMARY:Trip to Zürich')));
  const match = (inner: string) => matchesCalendarFilter(view, filter(`<C:comp-filter name="VEVENT">${inner}</C:comp-filter>`));

  it('matches one value of a multi-valued property, and negated only when no value does', () => {
    expect(match('<C:prop-filter name="CATEGORIES"><C:text-match>travel</C:text-match></C:prop-filter>')).toBe(true);
    expect(match('<C:prop-filter name="CATEGORIES"><C:text-match>Work,Travel</C:text-match></C:prop-filter>')).toBe(true);
    expect(match('<C:prop-filter name="CATEGORIES"><C:text-match negate-condition="yes">travel</C:text-match></C:prop-filter>')).toBe(false);
    expect(match('<C:prop-filter name="CATEGORIES"><C:text-match negate-condition="yes">home</C:text-match></C:prop-filter>')).toBe(true);
  });

  it('folds case as the collation says (ascii-casemap leaves non-ASCII alone, unicode-casemap folds it)', () => {
    expect(match('<C:prop-filter name="SUMMARY"><C:text-match>ZÜRICH</C:text-match></C:prop-filter>')).toBe(false);
    expect(match('<C:prop-filter name="SUMMARY"><C:text-match collation="i;unicode-casemap">ZÜRICH</C:text-match></C:prop-filter>')).toBe(true);
    expect(match('<C:prop-filter name="SUMMARY"><C:text-match collation="i;octet">trip</C:text-match></C:prop-filter>')).toBe(false);
  });
});

describe('expand and partial retrieval (RFC 4791 §9.6)', () => {
  it('expands an all-day series into DATE instances with DATE recurrence ids', () => {
    const view = viewOf(ics(...vevent('UID:d1', 'DTSTART;VALUE=DATE:20300105', 'DTEND;VALUE=DATE:20300106', 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:Weekly day')));
    const text = stringifyICalendar(expandedVCalendar(view, spanOf({ start: new Date('2030-01-06T00:00:00Z'), end: new Date('2030-01-20T00:00:00Z') })));
    expect(text).toContain('DTSTART;VALUE=DATE:20300112\r\n');
    expect(text).toContain('RECURRENCE-ID;VALUE=DATE:20300112\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20300119\r\n');
    expect(text).not.toContain('RRULE');
    expect(text).not.toContain('20300105');
  });

  it('returns only the chosen properties, and with novalue their names', () => {
    const view = viewOf(ics(...vevent('UID:p1', 'DTSTART:20300110T100000Z', 'SUMMARY:Secret title', 'LOCATION:Room 1')));
    const cut = selectParts(view.vcalendar, { name: 'VCALENDAR', allProps: false, props: [], allComps: false, comps: [
      { name: 'VEVENT', allProps: false, props: [{ name: 'UID', novalue: false }, { name: 'SUMMARY', novalue: true }], allComps: false, comps: [] },
    ] });
    const text = stringifyICalendar(cut);
    expect(text).toContain('UID:p1\r\n');
    expect(text).toContain('SUMMARY:\r\n');
    expect(text).not.toContain('Secret');
    expect(text).not.toContain('LOCATION');
  });
});

describe('freeBusyCalendar (RFC 4791 §7.10)', () => {
  const base = { '@type': 'Event', uid: 'u', duration: 'PT1H', timeZone: 'Etc/UTC' } as const;
  const span = spanOf({ start: new Date('2030-01-10T00:00:00Z'), end: new Date('2030-01-11T00:00:00Z') });
  const lines = (events: Parameters<typeof freeBusyCalendar>[0]) =>
    freeBusyCalendar(events, span, { now: new Date('2030-01-01T00:00:00Z'), prodId: '-//t//EN', budget: new ExpansionBudget() }).split('\r\n').filter((l) => l.startsWith('FREEBUSY'));

  it('joins overlapping busy periods, keeps tentative ones apart and clips to the range', () => {
    expect(lines([
      { data: { ...base, start: '2030-01-10T09:00:00' } as Event, ownerKey: '1' },
      { data: { ...base, start: '2030-01-10T09:30:00' } as Event, ownerKey: '1' },
      { data: { ...base, start: '2030-01-10T13:00:00', status: 'tentative' } as Event, ownerKey: '1' },
      { data: { ...base, start: '2030-01-10T23:30:00' } as Event, ownerKey: '1' },
    ])).toEqual([
      'FREEBUSY;FBTYPE=BUSY-TENTATIVE:20300110T130000Z/20300110T140000Z',
      'FREEBUSY:20300110T090000Z/20300110T103000Z',
      'FREEBUSY:20300110T233000Z/20300111T000000Z',
    ]);
  });

  it('leaves out transparent and cancelled events and those the calendar owner declined, also per occurrence', () => {
    expect(lines([
      { data: { ...base, start: '2030-01-10T09:00:00', freeBusyStatus: 'free' } as Event, ownerKey: '1' },
      { data: { ...base, start: '2030-01-10T10:00:00', status: 'cancelled' } as Event, ownerKey: '1' },
      { data: { ...base, start: '2030-01-10T11:00:00', participants: { 1: { '@type': 'Participant', participationStatus: 'declined' } } } as Event, ownerKey: '1' },
      { data: { ...base, start: '2030-01-09T12:00:00', recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 2 }],
        recurrenceOverrides: { '2030-01-10T12:00:00': { status: 'cancelled' } } } as unknown as Event, ownerKey: '1' },
    ])).toEqual([]);
  });
});
