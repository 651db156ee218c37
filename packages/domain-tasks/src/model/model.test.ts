import { describe, expect, it } from '@jest/globals';
import { STOCK_TASK_TYPES } from './infolog-types.js';
import { instantToLocal, isLocalDateTime, isTimeZoneName, localToInstant } from './local-time.js';
import { quantiseTaskPriority } from './priority.js';
import { progressOfStatus, statusOfProgress } from './progress.js';
import { davNameOfUid, egroupwareUid, storedUid } from './uid.js';

describe('progress ⇄ InfoLog status (behaviour §5.4)', () => {
  it.each([
    ['not-started', 'needs-action'], ['ongoing', 'in-process'], ['done', 'completed'], ['cancelled', 'cancelled'],
    ['offer', 'egroupware.org:offer'], ['billed', 'egroupware.org:billed'], ['archive', 'egroupware.org:archive'],
  ])('shows status %s as progress %s', (status, progress) => {
    expect(progressOfStatus(status)).toBe(progress);
    expect(statusOfProgress(progress, 'task', STOCK_TASK_TYPES)).toBe(status);
  });

  it('reads the reference spelling in-progress as ongoing', () => {
    expect(statusOfProgress('in-progress', 'task', STOCK_TASK_TYPES)).toBe('ongoing');
  });

  it('turns unknown progress values into not-started, or the default of types without it', () => {
    expect(statusOfProgress('egroupware.org:bogus', 'task', STOCK_TASK_TYPES)).toBe('not-started');
    expect(statusOfProgress('failed', 'phone', STOCK_TASK_TYPES)).toBe('not-started');
    expect(statusOfProgress('egroupware.org:offer', 'phone', STOCK_TASK_TYPES)).toBe('not-started');
    expect(statusOfProgress('needs-action', 'note', STOCK_TASK_TYPES)).toBe('done');
  });
});

describe('priority (behaviour §5.4)', () => {
  it.each([[0, 5], [1, 1], [2, 3], [3, 3], [4, 5], [5, 5], [6, 5], [7, 9], [8, 9], [9, 9]])('keeps %i as %i', (input, level) => {
    expect(quantiseTaskPriority(input)).toBe(level);
  });
  it.each([-1, 10, 2.5, '5', null])('refuses %p', (input) => expect(quantiseTaskPriority(input)).toBeUndefined());
});

describe('local date-times and zones', () => {
  it('accepts RFC 8984 LocalDateTimes of real dates only', () => {
    expect(isLocalDateTime('2024-05-10T10:00:00')).toBe(true);
    expect(isLocalDateTime('2024-05-10T10:00:00.5')).toBe(true);
    for (const v of ['2024-05-10T10:00:00Z', '2024-02-30T10:00:00', '2024-05-10', '2024-05-10T24:00:00', '2024-05-10T10:00:00.50', 5]) {
      expect([v, isLocalDateTime(v)]).toEqual([v, false]);
    }
  });

  it('knows IANA zone names', () => {
    expect(isTimeZoneName('Europe/Berlin')).toBe(true);
    expect(isTimeZoneName('Etc/UTC')).toBe(true);
    expect(isTimeZoneName('Mars/Olympus')).toBe(false);
    expect(isTimeZoneName('')).toBe(false);
  });

  it('converts wall times to instants, across daylight saving time', () => {
    expect(localToInstant('2024-05-10T10:00:00', 'Europe/Berlin')?.toISOString()).toBe('2024-05-10T08:00:00.000Z');
    expect(localToInstant('2024-01-10T10:00:00', 'Europe/Berlin')?.toISOString()).toBe('2024-01-10T09:00:00.000Z');
    expect(localToInstant('2024-05-10T10:00:00', 'America/New_York')?.toISOString()).toBe('2024-05-10T14:00:00.000Z');
    expect(localToInstant('2024-05-10T10:00:00', null)?.toISOString()).toBe('2024-05-10T10:00:00.000Z');
  });

  it('moves a time in a DST gap forward (RFC 5545 §3.3.5) and takes the first of an overlap', () => {
    expect(localToInstant('2024-03-31T02:30:00', 'Europe/Berlin')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(localToInstant('2024-10-27T02:30:00', 'Europe/Berlin')?.toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('converts instants back to wall times', () => {
    expect(instantToLocal(new Date('2024-05-10T08:00:00Z'), 'Europe/Berlin')).toBe('2024-05-10T10:00:00');
    expect(instantToLocal(new Date('2024-05-10T08:00:00Z'), undefined)).toBe('2024-05-10T08:00:00');
  });
});

describe('UIDs (behaviour §5 common rules)', () => {
  it('stores UUIDs without urn:uuid: and shows them with it; other UIDs unchanged', () => {
    expect(storedUid('urn:uuid:3933D565-187f-4bad-a44e-82588ef64c88')).toBe('3933D565-187f-4bad-a44e-82588ef64c88');
    expect(egroupwareUid('3933d565-187f-4bad-a44e-82588ef64c88')).toBe('urn:uuid:3933d565-187f-4bad-a44e-82588ef64c88');
    expect(storedUid('infolog-1085-8623c4830472a8ede9f9f8b30d435ea4')).toBe('infolog-1085-8623c4830472a8ede9f9f8b30d435ea4');
    expect(egroupwareUid('infolog-1085')).toBe('infolog-1085');
    expect(storedUid('urn:uuid:not-a-uuid')).toBe('urn:uuid:not-a-uuid');
  });

  it('names DAV resources <uid>.ics with URL-safe characters', () => {
    expect(davNameOfUid('3933d565-187f-4bad-a44e-82588ef64c88')).toBe('3933d565-187f-4bad-a44e-82588ef64c88.ics');
    expect(davNameOfUid('a/b c:d')).toBe('a-b-c-d.ics');
  });
});
