import { describe, expect, it } from '@jest/globals';
import { parseICalendar, stringifyICalendar, type Issue } from '../src/index.js';

const ics = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('error recovery', () => {
  it('drops a malformed line, names its line number, and keeps its siblings', () => {
    const r = parseICalendar(ics('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'THIS IS NOT A CONTENT LINE', 'SUMMARY:kept', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:b', 'END:VEVENT', 'END:VCALENDAR'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([expect.objectContaining({ line: 4, code: 'line/malformed' })]);
    const events = r.value[0]![2];
    expect(events.map((e) => e[1].map((p) => p[0]))).toEqual([['uid', 'summary'], ['uid']]);
  });

  it('closes a component whose END is missing at the parent END', () => {
    const r = parseICalendar(ics('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'END:VEVENT', 'BEGIN:VTODO', 'UID:b', 'END:VTODO', 'END:VCALENDAR'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([expect.objectContaining({ line: 4, code: 'component/unclosed' })]);
    expect(r.value[0]![2].map((c) => c[0])).toEqual(['vevent', 'vtodo']);
    expect(r.value[0]![2][0]![2][0]![0]).toBe('valarm');
  });

  it('reads several VCALENDARs in one text', () => {
    const r = parseICalendar(ics('BEGIN:VCALENDAR', 'PRODID:a', 'END:VCALENDAR', 'BEGIN:VCALENDAR', 'PRODID:b', 'END:VCALENDAR'));
    expect(r.ok && r.value.map((c) => c[1][0]![3])).toEqual(['a', 'b']);
  });

  it('ignores an END without BEGIN and content outside any component', () => {
    const r = parseICalendar(ics('SUMMARY:stray', 'BEGIN:VCALENDAR', 'END:VEVENT', 'END:VCALENDAR'));
    expect(r.ok && r.warnings.map((w) => [w.line, w.code])).toEqual([
      [1, 'line/outside-component'],
      [3, 'component/unmatched-end'],
    ]);
  });

  it('keeps a value that does not match its type as raw text', () => {
    const r = parseICalendar(ics('BEGIN:VEVENT', 'PRIORITY:high', 'DTSTART:20240101', 'END:VEVENT'));
    expect(r.ok && r.value[0]![1]).toEqual([
      ['priority', {}, 'unknown', 'high'],
      ['dtstart', {}, 'date', '2024-01-01'],
    ]);
    if (r.ok) expect(stringifyICalendar(r.value)).toBe(ics('BEGIN:VEVENT', 'PRIORITY:high', 'DTSTART;VALUE=DATE:20240101', 'END:VEVENT'));
  });

  it('fails in strict mode with every problem listed', () => {
    const r = parseICalendar(ics('BEGIN:VEVENT', 'garbage', 'PRIORITY:x', 'END:VEVENT'), { strict: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it('fails when there is no component at all', () => {
    expect(parseICalendar('').ok).toBe(false);
    expect(parseICalendar('hello world').ok).toBe(false);
  });

  it('accepts LF and bare CR line ends and tab folds', () => {
    const r1 = parseICalendar('BEGIN:VEVENT\nSUMMARY:a\n\tb\nEND:VEVENT');
    const r2 = parseICalendar('BEGIN:VEVENT\rSUMMARY:ab\rEND:VEVENT');
    expect(r1.ok && r1.value).toEqual([['vevent', [['summary', {}, 'text', 'ab']], []]]);
    expect(r2.ok && r2.value).toEqual(r1.ok && r1.value);
  });
});

describe('stringifyICalendar', () => {
  it('escapes text, quotes parameters and writes VALUE only for non-default types', () => {
    const out = stringifyICalendar(['vevent', [
      ['summary', { language: 'en', 'x-note': 'a;b', 'x-quote': 'say "hi"' }, 'text', 'a,b;c\\d\ne'],
      ['dtstart', { tzid: 'Europe/Berlin' }, 'date-time', '2024-01-01T10:00:00'],
      ['dtend', {}, 'date', '2024-01-02'],
      ['attendee', { 'delegated-to': ['mailto:a@x', 'mailto:b@x'] }, 'cal-address', 'mailto:c@x'],
      ['x-raw', {}, 'unknown', 'as;is'],
    ], []]);
    expect(out).toBe(ics(
      'BEGIN:VEVENT',
      'SUMMARY;LANGUAGE=en;X-NOTE="a;b";X-QUOTE=say ^\'hi^\':a\\,b\\;c\\\\d\\ne',
      'DTSTART;TZID=Europe/Berlin:20240101T100000',
      'DTEND;VALUE=DATE:20240102',
      'ATTENDEE;DELEGATED-TO="mailto:a@x","mailto:b@x":mailto:c@x',
      'X-RAW:as;is',
      'END:VEVENT',
    ));
  });

  it('skips malformed jCal and reports where', () => {
    const issues: Issue[] = [];
    const out = stringifyICalendar(['vevent', [['bad name', {}, 'text', 'x'], 'junk' as never, ['uid', {}, 'text', 'u']], [42 as never]], { issues });
    expect(out).toBe(ics('BEGIN:VEVENT', 'UID:u', 'END:VEVENT'));
    expect(issues.map((i) => i.path)).toEqual(['/0/1/0', '/0/1/1', '/0/2/0']);
  });

  it('never lets a raw newline break the line structure', () => {
    const out = stringifyICalendar(['vevent', [['x-raw', {}, 'unknown', 'a\r\nb']], []]);
    expect(out).toBe(ics('BEGIN:VEVENT', 'X-RAW:a\\nb', 'END:VEVENT'));
  });
});
