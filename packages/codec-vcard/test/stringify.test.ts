import { describe, expect, it } from '@jest/globals';
import { foldLine, parseVCard, stringifyVCard, type JCard } from '../src/index.js';

describe('stringifyVCard', () => {
  it('writes VERSION first, groups, parameters and escaped values', () => {
    const card: JCard = ['vcard', [
      ['fn', {}, 'text', 'Doe, Jane'],
      ['version', {}, 'text', '4.0'],
      ['tel', { type: ['work', 'voice'], group: 'item1', pref: '1' }, 'uri', 'tel:+1-555'],
      ['n', {}, 'text', ['Doe;X', 'Jane', ['A', 'B,C'], '', '']],
      ['x-foo', { 'x-param': 'a:b', jscomps: ';1;0' }, 'unknown', 'raw\\,kept'],
      ['bday', {}, 'date-and-or-time', '1953-10-15T23:10:00Z'],
      ['note', {}, 'text', 'two\nlines'],
    ], []];
    expect(stringifyVCard(card)).toBe([
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Doe\\, Jane', 'item1.TEL;TYPE=work,voice;PREF=1;VALUE=URI:tel:+1-555',
      'N:Doe\\;X;Jane;A,B\\,C;;', 'X-FOO;X-PARAM="a:b";JSCOMPS=";1;0":raw\\,kept', 'BDAY:19531015T231000Z',
      'NOTE:two\\nlines', 'END:VCARD', '',
    ].join('\r\n'));
  });

  it('adds VALUE when the type is not the property default, and always for a TEL URI', () => {
    const text = stringifyVCard(['vcard', [['version', {}, 'text', '4.0'], ['tel', {}, 'text', '+1 555'], ['tel', {}, 'uri', 'tel:1'], ['url', {}, 'uri', 'https://a']], []]);
    expect(text).toContain('TEL;VALUE=TEXT:+1 555\r\n');
    expect(text).toContain('TEL;VALUE=URI:tel:1\r\n');
    expect(text).toContain('URL:https://a\r\n');
  });

  it('escapes parameter values with RFC 6868 and never writes a raw line break', () => {
    const text = stringifyVCard(['vcard', [['version', {}, 'text', '4.0'], ['x-a', { label: 'a\n"b"' }, 'unknown', 'x\ny']], []]);
    expect(text).toContain('X-A;LABEL=a^n^\'b^\':x\\ny\r\n');
    expect(parseVCard(text).ok).toBe(true);
  });

  it('writes a card without VERSION as 4.0', () => {
    expect(stringifyVCard(['vcard', [['fn', {}, 'text', 'A']], []])).toBe('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nEND:VCARD\r\n');
  });

  it('ignores malformed members instead of throwing', () => {
    expect(() => stringifyVCard(['vcard', [null, ['x'], [1, {}, 'text'], ['fn', null, 7, {}]], []] as unknown as JCard)).not.toThrow();
    expect(stringifyVCard(null as unknown as JCard)).toBe('');
  });
});

describe('foldLine', () => {
  it('folds at 75 octets without splitting UTF-8 sequences or surrogate pairs', () => {
    const line = 'NOTE:' + 'ä'.repeat(40) + '😀'.repeat(20);
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toMatch(/[\ud800-\udbff]\r\n/);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('FN:' + 'a'.repeat(72))).toBe('FN:' + 'a'.repeat(72));
    expect(foldLine('FN:' + 'a'.repeat(73)).split('\r\n')).toHaveLength(2);
  });
});
