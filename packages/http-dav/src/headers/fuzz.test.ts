import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { evaluateConditions } from './conditional.js';
import { parseDepth } from './depth.js';
import { parseDestination } from './destination.js';
import { formatEntityTag, parseEntityTagList } from './etag.js';
import { HeaderError } from './header-error.js';
import { decodeSegments, encodePathSegment, hrefFromSegments, normalizeHref, resolveHref } from './href.js';
import { parseOverwrite } from './overwrite.js';
import { parsePrefer } from './prefer.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const anyText = fc.string({ unit: 'binary', maxLength: 80 });
const headerish = fc.array(fc.constantFrom('"', ',', ';', '=', 'W/', '*', ' ', 'a', 'return', 'minimal', '\\', '%', '/', ':', '#', 'ä', '\uD800'), { maxLength: 30 }).map((p) => p.join(''));
const text = fc.oneof(anyText, headerish);

function onlyHeaderErrors(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof HeaderError)) throw err;
  }
}

describe('header parsers never throw on arbitrary input', () => {
  it('entity tags, Prefer, conditions', () => {
    fc.assert(fc.property(text, text, text, (a, b, c) => {
      const list = parseEntityTagList(a);
      if (list !== undefined && list !== '*') for (const tag of list) expect(parseEntityTagList(formatEntityTag(tag))).toEqual([tag]);
      parsePrefer({ prefer: b, brief: c });
      evaluateConditions('PUT', { ifMatch: a, ifNoneMatch: b, ifScheduleTagMatch: c }, { etag: '"1"', scheduleTag: '"2"' });
    }), { numRuns: RUNS });
  });

  it('hrefs resolve or report, never throw', () => {
    fc.assert(fc.property(text, (href) => {
      const resolved = resolveHref(href, { origin: 'https://dav.example.com' });
      if (resolved.ok) expect(resolved.path.startsWith('/')).toBe(true);
      expect(normalizeHref(normalizeHref(href))).toBe(normalizeHref(href));
    }), { numRuns: RUNS });
  });

  it('Depth, Overwrite and Destination throw only HeaderError', () => {
    fc.assert(fc.property(text, (value) => {
      onlyHeaderErrors(() => parseDepth(value, '0'));
      onlyHeaderErrors(() => parseOverwrite(value));
      onlyHeaderErrors(() => parseDestination(value, 'https://dav.example.com'));
    }), { numRuns: RUNS });
  });
});

describe('href encoding round trips', () => {
  // Well-formed strings (no lone surrogates): those have a UTF-8 form to round-trip through.
  const segment = fc.string({ unit: 'grapheme', maxLength: 20 });
  it('decodes an encoded segment back to itself', () => {
    fc.assert(fc.property(segment, (s) => {
      expect(decodeURIComponent(encodePathSegment(s))).toBe(s);
      expect(normalizeHref(encodePathSegment(s))).toBe(encodePathSegment(s));
    }), { numRuns: RUNS });
  });

  it('resolves a built href to the same segments', () => {
    fc.assert(fc.property(fc.array(segment.filter((s) => s !== '' && s !== '.' && s !== '..'), { minLength: 1, maxLength: 4 }), fc.boolean(), (segments, collection) => {
      const href = hrefFromSegments(segments, { collection });
      expect(decodeSegments(href)?.slice(0, segments.length)).toEqual(segments);
      const resolved = resolveHref(`https://dav.example.com${href}`, { origin: 'https://dav.example.com' });
      expect(resolved).toEqual({ ok: true, path: href, segments, collection });
    }), { numRuns: RUNS });
  });
});
