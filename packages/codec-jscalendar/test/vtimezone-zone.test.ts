import { describe, expect, it } from '@jest/globals';
import { parseICalendar, type JCalComponent } from '@almanac/codec-icalendar';
import { vtimezoneZone } from '../src/icalendar/zones/zone.js';
import { convertCalendarData } from '../src/icalendar/index.js';

// A custom zone as Outlook writes it: UTC-3, summer time UTC-2 from the 4th Sunday of October to
// the 3rd Sunday of February (the TZID is no IANA name, so the definition is what counts).
const zoneText = (standardRule: string) => [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
  'BEGIN:VTIMEZONE', 'TZID:(GMT-03:00)',
  'BEGIN:STANDARD', 'DTSTART:16010101T000000', 'TZOFFSETFROM:-0200', 'TZOFFSETTO:-0300', `RRULE:${standardRule}`, 'END:STANDARD',
  'BEGIN:DAYLIGHT', 'DTSTART:16010101T000000', 'TZOFFSETFROM:-0300', 'TZOFFSETTO:-0200', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=4SU', 'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT', 'UID:u', 'DTSTAMP:20160519T090547Z', 'DTSTART;TZID="(GMT-03:00)":20160518T123000', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n');

const vtimezoneOf = (text: string): JCalComponent => {
  const parsed = parseICalendar(text);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.value[0]![2].find((c) => c[0] === 'vtimezone')!;
};

describe('zones defined by a VTIMEZONE (RFC 5545 §3.6.5)', () => {
  it('evaluates a yearly definition, both plain and in the BYMONTHDAY range form', () => {
    for (const rule of ['FREQ=YEARLY;BYMONTH=2;BYDAY=3SU', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=15,16,17,18,19,20,21;BYDAY=SU']) {
      const zone = vtimezoneZone(vtimezoneOf(zoneText(rule)))!;
      expect(zone).toBeDefined();
      expect(zone.offsetAt(Date.UTC(2016, 4, 18, 12))).toBe(-3 * 3600);
      expect(zone.offsetAt(Date.UTC(2016, 0, 10, 12))).toBe(-2 * 3600);
    }
  });

  // ical.js expands observance rules with no bound: these used to hang the conversion for good.
  it.each([
    ['a sub-yearly rule from 1601', 'FREQ=SECONDLY;COUNT=99999999;BYSETPOS=1'],
    ['a daily rule that never matches', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'],
    ['a yearly rule that never matches', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO'],
  ])('treats %s as an unreadable definition and still converts the event', (_name, rule) => {
    const text = zoneText(rule);
    expect(vtimezoneZone(vtimezoneOf(text))).toBeUndefined();
    const converted = convertCalendarData(text, { from: 'ical', to: 'jscalendar' });
    expect(converted.ok).toBe(true);
    if (converted.ok) expect(converted.value).toMatch(/"start": ?"2016-05-18T12:30:00"/);
  });
});
