import { describe, expect, it } from '@jest/globals';
import { selectProperties } from './partial-card.js';

const CARD = [
  'BEGIN:VCARD', 'VERSION:3.0', 'NICKNAME:me', 'UID:34222-232@example.com', 'FN:Cyrus Daboo', 'N:Daboo;Cyrus;;;',
  'item1.EMAIL;TYPE=INTERNET:daboo@example.com', 'item1.X-ABLabel:other',
  'NOTE:a long note that is folded over more than one line because it is longer than seventy-five o', ' ctets',
  'END:VCARD', '',
].join('\r\n');

describe('address-data prop selection (RFC 6352 §10.4)', () => {
  it('keeps the frame, VERSION and the selected properties (RFC 6352 §8.6.3 selection)', () => {
    const names = ['VERSION', 'UID', 'NICKNAME', 'EMAIL', 'FN'].map((name) => ({ name, novalue: false }));
    expect(selectProperties(CARD, names)).toBe([
      'BEGIN:VCARD', 'VERSION:3.0', 'NICKNAME:me', 'UID:34222-232@example.com', 'FN:Cyrus Daboo',
      'item1.EMAIL;TYPE=INTERNET:daboo@example.com', 'END:VCARD', '',
    ].join('\r\n'));
  });

  it('writes novalue properties with their parameters and an empty value', () => {
    expect(selectProperties(CARD, [{ name: 'EMAIL', novalue: true }])).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nitem1.EMAIL;TYPE=INTERNET:\r\nEND:VCARD\r\n');
  });

  it('selects by group, and folds long lines again', () => {
    expect(selectProperties(CARD, [{ name: 'ITEM1.X-ABLABEL', novalue: false }])).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nitem1.X-ABLabel:other\r\nEND:VCARD\r\n');
    expect(selectProperties(CARD, [{ name: 'ITEM2.EMAIL', novalue: false }])).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n');
    const note = selectProperties(CARD, [{ name: 'NOTE', novalue: false }]);
    expect(note.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(note.replace(/\r\n /g, '')).toContain('seventy-five octets');
  });
});
