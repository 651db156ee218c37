import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { foldLine, forEachContentLine } from '../src/index.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

function unfold(folded: string): string {
  let out = '';
  forEachContentLine(folded, (line) => (out += line));
  return out;
}

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(line)).toBe(line);
  });

  it('folds a 76-octet line into 75 + space + 1', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(68)}`);
    expect(folded.split('\r\n').map(octets)).toEqual([75, 2]);
  });

  it('never splits a UTF-8 sequence or a surrogate pair', () => {
    const line = `SUMMARY:${'ä€😀'.repeat(40)}`;
    const parts = foldLine(line).split('\r\n ');
    for (const part of parts) {
      expect(part).not.toMatch(/[\ud800-\udbff]$/);
      expect(part).not.toMatch(/^[\udc00-\udfff]/);
    }
    expect(parts.join('')).toBe(line);
  });

  it('keeps every physical line within 75 octets and unfolds to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const line = `X-TEST:${s.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});
