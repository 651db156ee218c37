import { describe, expect, it } from '@jest/globals';
import {
  escapePointerSegment,
  formatPointer,
  isArrayIndexToken,
  parsePatchKey,
  parsePointer,
  unescapePointerSegment,
} from '../src/index.js';

describe('JSON pointer segments (RFC 6901)', () => {
  it.each([
    ['plain', 'plain'],
    ['a/b', 'a~1b'],
    ['a~b', 'a~0b'],
    ['~1', '~01'],
    ['/~', '~1~0'],
    ['', ''],
  ])('escapes %j as %j and back', (raw, escaped) => {
    expect(escapePointerSegment(raw)).toBe(escaped);
    expect(unescapePointerSegment(escaped)).toBe(raw);
  });

  it('rejects a "~" that is not followed by 0 or 1', () => {
    expect(unescapePointerSegment('a~2')).toBeUndefined();
    expect(unescapePointerSegment('a~')).toBeUndefined();
  });

  it('parses RFC 6901 §5 pointers', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/foo/0')).toEqual(['foo', '0']);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('/a~1b')).toEqual(['a/b']);
    expect(parsePointer('/m~0n')).toEqual(['m~n']);
    expect(parsePointer('/ ')).toEqual([' ']);
    expect(parsePointer('foo')).toBeUndefined();
    expect(parsePointer('/a~x')).toBeUndefined();
  });

  it('formats segments so that parsing gives them back', () => {
    const segments = ['a/b', 'c~d', '', '0'];
    expect(formatPointer(segments)).toBe('/a~1b/c~0d//0');
    expect(parsePointer(formatPointer(segments))).toEqual(segments);
  });
});

describe('PatchObject keys', () => {
  it('have an implicit leading slash, and accept an explicit one', () => {
    expect(parsePatchKey('participants/p1/name').segments).toEqual(['participants', 'p1', 'name']);
    expect(parsePatchKey('/participants/p1/name').segments).toEqual(['participants', 'p1', 'name']);
  });

  it('unescape each segment', () => {
    expect(parsePatchKey('links/a~1b~0c').segments).toEqual(['links', 'a/b~c']);
  });

  it('keep a bad escape literally and report it', () => {
    expect(parsePatchKey('a~b/c')).toEqual({ segments: ['a~b', 'c'], badEscapes: ['a~b'] });
  });

  it('address a property named "" with the empty key', () => {
    expect(parsePatchKey('').segments).toEqual(['']);
    expect(parsePatchKey('/').segments).toEqual(['']);
  });
});

describe('array index tokens', () => {
  it.each(['0', '1', '10', '999'])('accepts %s', (t) => expect(isArrayIndexToken(t)).toBe(true));
  it.each(['-', '01', '-1', '1.5', '', ' 1', '1e3', 'a'])('rejects %j', (t) => expect(isArrayIndexToken(t)).toBe(false));
});
