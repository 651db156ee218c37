import { describe, expect, it } from '@jest/globals';
import { parseICalendar, type JCalComponent } from '../src/index.js';

const ics = (...lines: string[]) => lines.join('\r\n') + '\r\n';

function parseOk(text: string): JCalComponent {
  const r = parseICalendar(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value[0]!;
}

describe('vCalendar 1.0', () => {
  it('decodes QUOTED-PRINTABLE with soft line breaks and CHARSET, and names bare parameters', () => {
    const cal = parseOk(ics(
      'BEGIN:VCALENDAR', 'VERSION:1.0', 'BEGIN:VEVENT',
      'DESCRIPTION;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:M=FCnchen=0D=0Aline =',
      'two',
      'SUMMARY;ENCODING=QUOTED-PRINTABLE:caf=C3=A9',
      'END:VEVENT', 'END:VCALENDAR',
    ));
    const event = cal[2][0]!;
    expect(event[1]).toEqual([
      ['description', {}, 'text', 'München\nline two'],
      ['summary', {}, 'text', 'café'],
    ]);
    expect(cal[1]).toEqual([['version', {}, 'text', '2.0']]);
  });

  it('also decodes QUOTED-PRINTABLE in files that claim VERSION:2.0', () => {
    const cal = parseOk(ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'SUMMARY;LANGUAGE=en;ENCODING=QUOTED-PRINTABLE:a=3Db', 'END:VEVENT', 'END:VCALENDAR'));
    expect(cal[2][0]![1]).toEqual([['summary', { language: 'en' }, 'text', 'a=b']]);
  });

  it('turns DALARM and AALARM into VALARMs and TZ/DAYLIGHT into a VTIMEZONE', () => {
    const cal = parseOk(ics(
      'BEGIN:VCALENDAR', 'VERSION:1.0', 'TZ:-05:00', 'DAYLIGHT:TRUE;-04;19960407T025959;19961027T015959;EST;EDT',
      'BEGIN:VEVENT', 'DTSTART:19960415T090000', 'DTEND:19960415T100000Z',
      'DALARM:19960415T083000;PT5M;2;Wake up', 'AALARM:19960415T083000;;;http://x/ring.wav',
      'RRULE:W1 MO TH #10', 'EXDATE:19960418T090000;19960422T090000',
      'ATTENDEE;ROLE=OWNER;STATUS=NEEDS ACTION;RSVP=YES:jane@example.com',
      'END:VEVENT', 'END:VCALENDAR',
    ));
    const [tz, event] = cal[2] as [JCalComponent, JCalComponent];
    expect(tz[0]).toBe('vtimezone');
    expect(tz[1]).toEqual([['tzid', {}, 'text', 'vCalendar-0500']]);
    expect(tz[2].map((c) => c[0])).toEqual(['standard', 'daylight', 'standard']);
    expect(event[1]).toEqual([
      ['dtstart', { tzid: 'vCalendar-0500' }, 'date-time', '1996-04-15T09:00:00'],
      ['dtend', {}, 'date-time', '1996-04-15T10:00:00Z'],
      ['rrule', {}, 'recur', { freq: 'WEEKLY', byday: ['MO', 'TH'], count: 10 }],
      ['exdate', { tzid: 'vCalendar-0500' }, 'date-time', '1996-04-18T09:00:00', '1996-04-22T09:00:00'],
      ['organizer', {}, 'cal-address', 'mailto:jane@example.com'],
      ['attendee', { partstat: 'NEEDS-ACTION', rsvp: 'TRUE' }, 'cal-address', 'mailto:jane@example.com'],
    ]);
    expect(event[2]).toEqual([
      ['valarm', [['action', {}, 'text', 'DISPLAY'], ['trigger', {}, 'date-time', '1996-04-15T13:30:00Z'], ['duration', {}, 'duration', 'PT5M'], ['repeat', {}, 'integer', 2], ['description', {}, 'text', 'Wake up']], []],
      ['valarm', [['action', {}, 'text', 'AUDIO'], ['trigger', {}, 'date-time', '1996-04-15T13:30:00Z'], ['attach', {}, 'uri', 'http://x/ring.wav']], []],
    ]);
  });

  it('converts the vCalendar recurrence grammar', () => {
    const rule = (r: string) => (parseOk(ics('BEGIN:VCALENDAR', 'VERSION:1.0', 'BEGIN:VTODO', `RRULE:${r}`, 'END:VTODO', 'END:VCALENDAR'))[2][0]![1][0]);
    expect(rule('D2 #0')).toEqual(['rrule', {}, 'recur', { freq: 'DAILY', interval: 2 }]);
    expect(rule('MP1 1+ 2- FR 19971224T000000Z')).toEqual(['rrule', {}, 'recur', { freq: 'MONTHLY', byday: ['1FR', '-2FR'], until: '1997-12-24T00:00:00Z' }]);
    expect(rule('MD1 7 LD #5')).toEqual(['rrule', {}, 'recur', { freq: 'MONTHLY', bymonthday: [7, -1], count: 5 }]);
    expect(rule('YM1 6 7')).toEqual(['rrule', {}, 'recur', { freq: 'YEARLY', bymonth: [6, 7] }]);
    expect(rule('nonsense')).toEqual(['rrule', {}, 'unknown', 'nonsense']);
  });
});
