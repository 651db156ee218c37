import { describe, expect, it } from '@jest/globals';
import { decodeSegments, encodeHref, encodePathSegment, hrefFromSegments, normalizeHref, resolveHref } from './href.js';

describe('encoding hrefs (RFC 3986 §3.3)', () => {
  it.each([
    ['plain.ics', 'plain.ics'],
    ['a b.ics', 'a%20b.ics'],
    ['a/b.ics', 'a%2Fb.ics'],
    ['100%.ics', '100%25.ics'],
    ['Läuft.ics', 'L%C3%A4uft.ics'],
    ['a+b@c:d;e=f,g&h$i!j*k(l)\'m~n.ics', 'a+b@c:d;e=f,g&h$i!j*k(l)\'m~n.ics'],
    ['q?#[]"<>\\^`{|}', 'q%3F%23%5B%5D%22%3C%3E%5C%5E%60%7B%7C%7D'],
    ['😀', '%F0%9F%98%80'],
    ['\uD800', '%EF%BF%BD'],
  ])('encodes segment %p as %p', (segment, encoded) => {
    expect(encodePathSegment(segment)).toBe(encoded);
  });

  it('encodes a decoded path segment by segment', () => {
    expect(encodeHref('/alice/calendar/Läuft heute.ics')).toBe('/alice/calendar/L%C3%A4uft%20heute.ics');
  });

  it('builds collection hrefs with a trailing slash', () => {
    expect([hrefFromSegments(['alice', 'calendar'], { collection: true }), hrefFromSegments(['a/b'])]).toEqual(['/alice/calendar/', '/a%2Fb']);
  });

  it('normalises without double-encoding', () => {
    expect(normalizeHref('/a b/%C3%A4/100%/ü')).toBe('/a%20b/%C3%A4/100%25/%C3%BC');
    expect(normalizeHref(normalizeHref('/a b/ü'))).toBe('/a%20b/%C3%BC');
    expect(normalizeHref('http://h/x?y=1')).toBe('http://h/x?y=1');
  });
});

describe('resolveHref', () => {
  it('resolves absolute paths and URLs, decoding segments', () => {
    expect(resolveHref('/remote.php/dav/ev%201.ics')).toEqual({ ok: true, path: '/remote.php/dav/ev%201.ics', segments: ['remote.php', 'dav', 'ev 1.ics'], collection: false });
    expect(resolveHref('https://dav.example.com/a/b/', { origin: 'https://dav.example.com' })).toEqual({ ok: true, path: '/a/b/', segments: ['a', 'b'], collection: true });
  });

  it('encodes what a client left raw', () => {
    expect(resolveHref('/a b/ü.ics')).toMatchObject({ ok: true, path: '/a%20b/%C3%BC.ics', segments: ['a b', 'ü.ics'] });
  });

  it.each([
    ['https://evil.example.com/a', 'foreign-origin'],
    ['relative/path', 'malformed'],
    ['', 'malformed'],
    ['/bad%ZZ', 'malformed'],
    ['/bad%C3', 'malformed'],
    ['ftp://dav.example.com/a', 'malformed'],
  ])('refuses %p (%s) without throwing', (href, reason) => {
    expect(resolveHref(href, { origin: 'https://dav.example.com' })).toEqual({ ok: false, reason });
  });

  it('decodes segments or reports invalid escapes', () => {
    expect([decodeSegments('/a/b%20c'), decodeSegments('/x/%FF')]).toEqual([['a', 'b c'], undefined]);
  });
});
