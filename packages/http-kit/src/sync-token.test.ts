import { describe, expect, it } from '@jest/globals';
import { collectionId, InvalidSyncTokenError } from '@almanac/domain-kernel';
import { formatTokenValue, parseToken } from './sync-token.js';

const c7 = collectionId(7);

describe('sync tokens', () => {
  it('formats a single collection as its change number and a union as id:n pairs in id order', () => {
    expect(formatTokenValue(new Map([[c7, 12]]), false)).toBe('12');
    expect(formatTokenValue(new Map([[collectionId(9), 1], [c7, 4]]), true)).toBe('7:4,9:1');
  });

  it('reads full URLs, paths and bare values of the same collection', () => {
    for (const token of ['https://dav.example.org/egw/alice/calendar/12', '/alice/calendar/12', '12']) {
      expect(parseToken(token, '/alice/calendar/', false, c7)).toEqual(new Map([[c7, 12]]));
    }
    expect(parseToken('http://h/addressbook/7:4,9:1', '/addressbook/', true)).toEqual(new Map([[c7, 4], [collectionId(9), 1]]));
  });

  it('refuses malformed and foreign tokens', () => {
    for (const token of ['http://h/alice/calendar/x', 'http://h/alice/calendar/', 'http://h/bob/calendar/3', 'http://h/alice/calendar%/3', '1e3']) {
      expect(() => parseToken(token, '/alice/calendar/', false, c7)).toThrow(InvalidSyncTokenError);
    }
    expect(() => parseToken('http://h/addressbook/7:x', '/addressbook/', true)).toThrow(InvalidSyncTokenError);
  });
});
