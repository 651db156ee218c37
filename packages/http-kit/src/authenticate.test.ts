import { describe, expect, it } from '@jest/globals';
import { parseAuthorization } from './authenticate.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('parseAuthorization', () => {
  it('reads Basic credentials as UTF-8 and splits at the first colon only (RFC 7617 §2)', () => {
    expect(parseAuthorization(`Basic ${b64('jürgen:pa:ss wörd')}`)).toEqual({ scheme: 'basic', login: 'jürgen', password: 'pa:ss wörd' });
    expect(parseAuthorization(`basic ${b64('a:')}`)).toEqual({ scheme: 'basic', login: 'a', password: '' });
  });
  it('reads Bearer tokens', () => {
    expect(parseAuthorization('Bearer token1_abc')).toEqual({ scheme: 'bearer', token: 'token1_abc' });
  });
  it('reports absent and malformed headers differently', () => {
    expect(parseAuthorization(undefined)).toBeUndefined();
    expect(parseAuthorization('Basic !!!')).toBe('malformed Basic credentials');
    expect(parseAuthorization(`Basic ${b64('no-colon')}`)).toBe('malformed Basic credentials');
    expect(parseAuthorization('Bearer')).toBe('empty Bearer token');
    expect(parseAuthorization('Negotiate abc')).toBe("unsupported authorization scheme 'negotiate'");
  });
});
