import { describe, expect, it } from '@jest/globals';
import { decodeICalendarBytes, parseICalendar } from '../src/index.js';
import { readFixtureBytes } from './fixtures.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeICalendarBytes', () => {
  it('reads UTF-8 and strips a byte-order mark', () => {
    const r = decodeICalendarBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('SUMMARY:Käse')]));
    expect(r).toEqual({ text: 'SUMMARY:Käse', encoding: 'utf-8', warnings: [] });
  });

  it('uses the given charset', () => {
    const r = decodeICalendarBytes(Uint8Array.from([0x4b, 0xe4, 0x73, 0x65]), 'ISO-8859-1');
    expect(r.text).toBe('Käse');
  });

  it('falls back to windows-1252 for legacy 8-bit text, with a warning', () => {
    const r = decodeICalendarBytes(Uint8Array.from([...enc('SUMMARY:M'), 0xfc, ...enc('nchen '), 0x80]));
    expect(r.text).toBe('SUMMARY:München €');
    expect(r.warnings.map((w) => w.code)).toEqual(['charset/fallback']);
  });

  it('keeps the valid characters of mostly-UTF-8 text (calcard 168.ics)', () => {
    const r = parseICalendar(readFixtureBytes('calcard/resources/ical/168.ics'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.code)).toEqual(['charset/invalid-utf8']);
    const event = r.value[0]![2].find((c) => c[0] === 'vevent')!;
    const description = event[1].find((p) => p[0] === 'description')![3] as string;
    expect(description).toContain('EXPO 2005 AICHI,JAPAN');
    expect(description).toMatch(/[\u3040-\u30ff]/);
  });

  it('reports an unknown charset and reads UTF-8', () => {
    const r = decodeICalendarBytes(enc('SUMMARY:Käse'), 'x-klingon');
    expect(r.text).toBe('SUMMARY:Käse');
    expect(r.warnings[0]!.code).toBe('charset/unknown');
  });
});
