import { describe, expect, it } from '@jest/globals';
import { evaluateConditions } from './conditional.js';
import { depthFor, parseDepth } from './depth.js';
import { parseDestination } from './destination.js';
import { formatEntityTag, parseEntityTagList, strongMatch, weakMatch } from './etag.js';
import { HeaderError } from './header-error.js';
import { parseOverwrite } from './overwrite.js';
import { parsePrefer, preferenceApplied } from './prefer.js';

function headerError(run: () => unknown): HeaderError {
  try {
    run();
  } catch (err) {
    if (err instanceof HeaderError) return err;
    throw err;
  }
  throw new Error('expected a HeaderError');
}

describe('Depth', () => {
  it.each([['0', '0'], ['1', '1'], ['infinity', 'infinity'], ['Infinity', 'infinity'], [' 1 ', '1']])('reads %p', (value, expected) => {
    expect(parseDepth(value, '0')).toBe(expected);
  });

  it('falls back when absent or blank', () => {
    expect([parseDepth(undefined, 'infinity'), parseDepth('', '1')]).toEqual(['infinity', '1']);
  });

  it.each(['2', 'infinite', '0,1', '-1'])('refuses %p with 400', (value) => {
    expect(headerError(() => parseDepth(value, '0')).status).toBe(400);
  });

  it('refuses a repeated header', () => {
    expect(headerError(() => parseDepth(['0', '1'], '0')).header).toBe('Depth');
  });

  it('defaults per method: PROPFIND infinity (RFC 4918 §9.1), REPORT 0 (RFC 3253 §3.6)', () => {
    expect([depthFor('PROPFIND', undefined), depthFor('report', undefined), depthFor('DELETE', undefined), depthFor('PROPFIND', '1')])
      .toEqual(['infinity', '0', 'infinity', '1']);
  });
});

describe('Prefer and Brief', () => {
  it.each([
    [{ prefer: 'return=minimal' }, true],
    [{ prefer: 'Return = "minimal"' }, true], // RFC 7240 §2: BWS around '=', quoted word
    [{ prefer: 'RETURN=minimal; foo=bar' }, true],
    [{ prefer: 'handling=lenient, return=minimal' }, true],
    [{ prefer: ['wait=10', 'return=minimal'] }, true],
    [{ brief: 't' }, true],
    [{ brief: 'T' }, true],
    [{ brief: 'f' }, false],
    [{ prefer: 'return=representation', brief: 't' }, false],
    [{}, false],
  ])('%p -> minimal %p', (headers, minimal) => {
    expect(parsePrefer(headers).returnMinimal).toBe(minimal);
  });

  it('reads return=representation and depth-noroot (RFC 8144 §2.2)', () => {
    const prefs = parsePrefer({ prefer: 'return=representation, depth-noroot' });
    expect([prefs.returnRepresentation, prefs.depthNoroot, prefs.returnMinimal]).toEqual([true, true, false]);
  });

  it('keeps the first value of a repeated preference and quoted commas inside a value', () => {
    const prefs = parsePrefer({ prefer: 'return=minimal, return=representation, x="a,b"' });
    expect([prefs.returnMinimal, prefs.all.get('x')]).toEqual([true, 'a,b']);
  });

  it('builds Preference-Applied', () => {
    expect(preferenceApplied(['return=minimal', 'depth-noroot'])).toBe('return=minimal, depth-noroot');
  });
});

describe('entity tags', () => {
  it('parses lists, weak tags, commas inside tags and unquoted tokens', () => {
    expect(parseEntityTagList('"a", W/"b" ,"c,d", e')).toEqual([
      { weak: false, tag: '"a"' }, { weak: true, tag: '"b"' }, { weak: false, tag: '"c,d"' }, { weak: false, tag: '"e"' },
    ]);
    expect(parseEntityTagList('*')).toBe('*');
    expect(parseEntityTagList(undefined)).toBeUndefined();
  });

  it('compares strongly and weakly (RFC 9110 §8.8.3.2)', () => {
    expect([strongMatch('"1"', '"1"'), strongMatch('W/"1"', '"1"'), weakMatch('W/"1"', '"1"'), weakMatch('"1"', '"2"')])
      .toEqual([true, false, true, false]);
  });

  it('formats tags back', () => {
    expect(formatEntityTag({ weak: true, tag: '"x"' })).toBe('W/"x"');
  });
});

describe('evaluateConditions', () => {
  const existing = { etag: '"12:3"', scheduleTag: '"12:1"' };
  const missing = { etag: undefined };
  it.each([
    ['If-Match matching', 'PUT', { ifMatch: '"12:3"' }, existing, { ok: true }],
    ['If-Match in a list', 'PUT', { ifMatch: '"x", "12:3"' }, existing, { ok: true }],
    ['If-Match stale', 'PUT', { ifMatch: '"12:2"' }, existing, { ok: false, status: 412 }],
    ['If-Match weak never matches strongly', 'PUT', { ifMatch: 'W/"12:3"' }, existing, { ok: false, status: 412 }],
    ['If-Match on a missing resource (DECISIONS: never a create)', 'PUT', { ifMatch: '"12:3"' }, missing, { ok: false, status: 412 }],
    ['If-Match * on a missing resource', 'PUT', { ifMatch: '*' }, missing, { ok: false, status: 412 }],
    ['If-Match * on an existing resource', 'DELETE', { ifMatch: '*' }, existing, { ok: true }],
    ['If-None-Match * on an existing resource', 'PUT', { ifNoneMatch: '*' }, existing, { ok: false, status: 412 }],
    ['If-None-Match * on a missing resource (create)', 'PUT', { ifNoneMatch: '*' }, missing, { ok: true }],
    ['If-None-Match matching on GET', 'GET', { ifNoneMatch: 'W/"12:3"' }, existing, { ok: false, status: 304 }],
    ['If-None-Match not matching on GET', 'GET', { ifNoneMatch: '"12:2"' }, existing, { ok: true }],
    ['If-Schedule-Tag-Match matching', 'PUT', { ifScheduleTagMatch: '"12:1"' }, existing, { ok: true }],
    ['If-Schedule-Tag-Match stale', 'PUT', { ifScheduleTagMatch: '"12:0"' }, existing, { ok: false, status: 412 }],
    ['If-Schedule-Tag-Match on a missing resource', 'PUT', { ifScheduleTagMatch: '"12:1"' }, missing, { ok: false, status: 412 }],
    ['no conditions', 'PUT', {}, missing, { ok: true }],
  ])('%s', (_title, method, headers, state, expected) => {
    expect(evaluateConditions(method, headers, state)).toEqual(expected);
  });
});

describe('Overwrite', () => {
  it('reads T (default) and F', () => {
    expect([parseOverwrite(undefined), parseOverwrite('T'), parseOverwrite('f')]).toEqual([true, true, false]);
  });

  it('refuses anything else', () => {
    expect(headerError(() => parseOverwrite('yes')).status).toBe(400);
  });
});

describe('Destination', () => {
  const origin = 'https://dav.example.com';
  it('accepts an absolute URI on the same origin and decodes the segments', () => {
    expect(parseDestination('https://dav.example.com/alice/calendar/L%C3%A4uft%20heute.ics', origin))
      .toEqual({ path: '/alice/calendar/L%C3%A4uft%20heute.ics', segments: ['alice', 'calendar', 'Läuft heute.ics'], collection: false });
  });

  it('accepts an absolute path and resolves dot segments', () => {
    expect(parseDestination('/alice/./x/../calendar/', origin)).toEqual({ path: '/alice/calendar/', segments: ['alice', 'calendar'], collection: true });
  });

  it('keeps an encoded slash inside one segment', () => {
    expect(parseDestination('/alice/a%2Fb.ics', origin).segments).toEqual(['alice', 'a/b.ics']);
  });

  it.each([
    ['https://other.example.com/alice/x.ics', 502],
    ['http://dav.example.com/alice/x.ics', 502],
    ['https://dav.example.com:8443/alice/x.ics', 502],
    ['//other.example.com/alice/x.ics', 502],
    ['alice/x.ics', 400],
    ['/alice/%E0%A4%A.ics', 400],
    ['/alice/x.ics#frag', 400],
    ['mailto:alice@example.com', 400],
    ['', 400],
  ])('refuses %p with %p', (value, status) => {
    expect(headerError(() => parseDestination(value, origin)).status).toBe(status);
  });

  it('treats the default port as the same origin', () => {
    expect(parseDestination('https://dav.example.com:443/a', origin).segments).toEqual(['a']);
  });
});
