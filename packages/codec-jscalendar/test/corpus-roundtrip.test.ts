import { describe, expect, it } from '@jest/globals';
import { parseICalendar, stringifyICalendar, type JCalComponent } from '@almanac/codec-icalendar';
import { icalendarToJSCalendarGroups, jscalendarToICalendar } from '../src/icalendar/index.js';
import { readFixtureBytes, readFixtureJson } from './helpers/fixtures.js';
import { diffParsedICal } from './helpers/ical-compare.js';

// Every .ics of the corpora: text → JSCalendar → text keeps every property,
// parameter and value (compared as parsed data), and JSCalendar → iCalendar
// → JSCalendar gives the same JSCalendar.
interface Index { entries?: Array<{ id: string; files: { input: string } }>; samples?: Array<{ id: string; files: { input: string } }>; parserPairs?: Array<{ id: string; files: { input: string } }> }
const calcard = readFixtureJson<Index>('calcard/index-ical.json');
const icaljs = readFixtureJson<Index>('ical.js/index.json');
const files = [
  ...calcard.entries!.map((e) => `calcard/${e.files.input}`),
  ...icaljs.samples!.map((e) => `ical.js/${e.files.input}`),
  ...icaljs.parserPairs!.filter((e) => e.files.input.endsWith('.ics')).map((e) => `ical.js/${e.files.input}`),
];

function toText(groups: NonNullable<ReturnType<typeof icalendarToJSCalendarGroups> & { ok: true }>['value']): string {
  return stringifyICalendar(groups.map((g) => {
    const r = jscalendarToICalendar(g, { fillRequired: false });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  }));
}

describe('iCalendar → JSCalendar → iCalendar is lossless over the corpora', () => {
  it('covers every .ics file', () => {
    expect(files.length).toBe(199 + 24 + 19);
  });

  it.each(files)('%s', (path) => {
    const source = parseICalendar(readFixtureBytes(path));
    expect(source.ok).toBe(true);
    if (!source.ok) return;
    const a = icalendarToJSCalendarGroups(source.value);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const back = parseICalendar(toText(a.value));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    // Components outside a VCALENDAR come back inside one.
    const calendars = source.value.filter((c) => c[0] === 'vcalendar');
    const loose = source.value.filter((c) => c[0] !== 'vcalendar');
    const expected: JCalComponent[] = loose.length > 0 ? [...calendars, ['vcalendar', back.value[calendars.length]?.[1] ?? [], loose]] : calendars;
    expect(back.value.length).toBe(expected.length);
    expected.forEach((cal, i) => expect(diffParsedICal(cal, back.value[i]!)).toEqual([]));
    const b = icalendarToJSCalendarGroups(back.value);
    expect(b.ok && JSON.parse(JSON.stringify(b.value))).toEqual(JSON.parse(JSON.stringify(a.value)));
  });
});
