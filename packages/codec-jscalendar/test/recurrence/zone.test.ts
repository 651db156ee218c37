import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { parseLocalDateTime, wallClock } from '../../src/recurrence/index.js';

const instant = (wallText: string, zone: string) => new Date(wallClock(zone)!.toInstant(parseLocalDateTime(wallText)!)).toISOString();

describe('wall clock conversion (RFC 5545 §3.3.5)', () => {
  it('reads a wall time that occurs twice as its first occurrence', () => {
    // RFC 5545 §3.3.5's own example: 01:30 on 2007-11-04 in New York is EDT.
    expect(instant('2007-11-04T01:30:00', 'America/New_York')).toBe('2007-11-04T05:30:00.000Z');
    expect(instant('2024-10-27T02:30:00', 'Europe/Berlin')).toBe('2024-10-27T00:30:00.000Z');
    // Lord Howe falls back half an hour, 02:00 -> 01:30.
    expect(instant('2024-04-07T01:45:00', 'Australia/Lord_Howe')).toBe('2024-04-06T14:45:00.000Z');
  });

  it('moves a wall time in a gap forward by the gap', () => {
    // RFC 5545 §3.3.5: 02:30 on 2007-03-11 in New York is 03:30 EDT (07:30Z).
    expect(instant('2007-03-11T02:30:00', 'America/New_York')).toBe('2007-03-11T07:30:00.000Z');
    expect(instant('2024-03-31T02:15:00', 'Europe/Berlin')).toBe('2024-03-31T01:15:00.000Z');
    // Lord Howe springs forward half an hour, 02:00 -> 02:30: 02:15 is 02:45 (+11).
    expect(instant('2024-10-06T02:15:00', 'Australia/Lord_Howe')).toBe('2024-10-05T15:45:00.000Z');
  });

  it('rejects names that are not zones', () => {
    expect(wallClock('Mars/Olympus')).toBeUndefined();
    expect(wallClock('/custom/zone')).toBeUndefined();
  });

  it('agrees with luxon\'s offsets at any instant, zones with DST included', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Africa/Casablanca', 'Asia/Kolkata', 'Pacific/Chatham'];
    fc.assert(fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, t) => {
      const at = Math.floor(t / 1000) * 1000;
      expect(wallClock(zone)!.toWall(at)).toBe(at + IANAZone.create(zone).offset(at) * 60_000);
    }), { numRuns: 3000 });
  });

  it('turns an instant\'s wall time back into the instant unless that wall time occurs twice', () => {
    fc.assert(fc.property(fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), (zone, t) => {
      const clock = wallClock(zone)!;
      const wall = clock.toWall(t);
      const back = clock.toInstant(wall);
      // Twice-occurring wall times map to the first, up to an hour earlier.
      expect(back === t || (back < t && t - back <= 3_600_000 && clock.toWall(back) === wall)).toBe(true);
    }), { numRuns: 3000 });
  });
});
