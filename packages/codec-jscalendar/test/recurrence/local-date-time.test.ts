import { describe, expect, it } from '@jest/globals';
import { formatLocalDateTime, parseDuration, parseLocalDateTime } from '../../src/recurrence/index.js';

describe('LocalDateTime', () => {
  it('round-trips through wall milliseconds', () => {
    for (const s of ['2024-02-29T23:59:59', '0001-01-01T00:00:00', '0099-12-31T12:00:00', '9999-12-31T23:59:59', '2024-01-01T10:00:00.5']) {
      expect(formatLocalDateTime(parseLocalDateTime(s)!)).toBe(s);
    }
  });

  it.each(['2023-02-29T00:00:00', '2024-13-01T00:00:00', '2024-01-01T24:00:00', '2024-01-01', '2024-01-01T00:00:00Z', 'x', ''])('rejects %j', (s) => {
    expect(parseLocalDateTime(s)).toBeUndefined();
  });
});

describe('Duration', () => {
  it.each([
    ['PT0S', { days: 0, ms: 0 }],
    ['P1D', { days: 1, ms: 0 }],
    ['P2W', { days: 14, ms: 0 }],
    ['P1DT2H30M', { days: 1, ms: 9_000_000 }],
    ['PT1.5S', { days: 0, ms: 1500 }],
  ])('parses %s', (s, d) => expect(parseDuration(s)).toEqual(d));

  it.each(['P', 'PT', '1D', 'P1Y', 'P1M', '-P1D', 'P1DT'])('rejects %j', (s) => expect(parseDuration(s)).toBeUndefined());
});
