import { describe, expect, it } from '@jest/globals';
import { bundleICalendar, bundleVCards } from './bundle.js';

const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//A//B', 'X-WR-CALNAME:Mine', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const zone = (tzid: string) => [`BEGIN:VTIMEZONE`, `TZID:${tzid}`, 'BEGIN:STANDARD', 'DTSTART:19701025T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'];

describe('bundleICalendar', () => {
  it('joins the components of many objects into one VCALENDAR, time zones once and first', () => {
    const a = cal(...zone('Europe/Berlin'), 'BEGIN:VEVENT', 'UID:a', 'SUMMARY:A very long summary that a client folded', ' across two lines', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'END:VALARM', 'END:VEVENT');
    const b = cal(...zone('Europe/Berlin'), 'BEGIN:VEVENT', 'UID:b', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:b', 'RECURRENCE-ID:20240101T000000Z', 'END:VEVENT');
    const c = `${cal(...zone('America/New_York'), 'BEGIN:VTODO', 'UID:c', 'END:VTODO')}`.replace(/\r\n/g, '\n');
    const out = bundleICalendar([a, b, c]);
    const lines = out.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Almanac//CalDAV download//EN']);
    expect(out.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(out.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    expect(out).not.toContain('X-WR-CALNAME');
    expect(lines.indexOf('TZID:America/New_York')).toBeLessThan(lines.indexOf('UID:a'));
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(['UID:a', 'UID:b', 'UID:b', 'UID:c']);
    expect(out).toContain('SUMMARY:A very long summary that a client folded\r\n across two lines');
    expect(out).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM');
    expect(out.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('gives an empty calendar for no input and ignores text that is not iCalendar', () => {
    expect(bundleICalendar([])).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Almanac//CalDAV download//EN\r\nEND:VCALENDAR\r\n');
    expect(bundleICalendar(['garbage', 'BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT'])).not.toContain('UID:x');
  });
});

describe('bundleVCards', () => {
  it('puts the cards one after the other with CRLF line ends', () => {
    expect(bundleVCards(['BEGIN:VCARD\nFN:A\nEND:VCARD\n', 'BEGIN:VCARD\r\nFN:B\r\nEND:VCARD', ''])).toBe('BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n');
  });
});
