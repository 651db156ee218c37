import { describe, expect, it } from '@jest/globals';
import { convertVCardVersion, parseVCard, stringifyVCard, type JCard } from '../src/index.js';

function card(text: string): JCard {
  const r = parseVCard(text.replace(/\n/g, '\r\n'));
  if (!r.ok) throw new Error('parse failed');
  return r.value;
}

describe('convertVCardVersion', () => {
  const v3 = card(`BEGIN:VCARD
VERSION:3.0
FN:Apple Group
X-ADDRESSBOOKSERVER-KIND:group
X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1234
EMAIL;TYPE=INTERNET,pref:a@b.c
PHOTO;ENCODING=b;TYPE=JPEG:AAAA
TEL;TYPE=CELL:+49 1
GEO:37.5;-122.1
REV:2019-10-08T17:05:14Z
END:VCARD
`);

  it('upgrades the 3.0 spellings to 4.0', () => {
    expect(convertVCardVersion(v3, '4.0')[1]).toEqual([
      ['version', {}, 'text', '4.0'],
      ['fn', {}, 'text', 'Apple Group'],
      ['kind', {}, 'text', 'group'],
      ['member', {}, 'uri', 'urn:uuid:1234'],
      ['email', { type: 'INTERNET', pref: '1' }, 'text', 'a@b.c'],
      ['photo', {}, 'uri', 'data:image/jpeg;base64,AAAA'],
      ['tel', { type: 'CELL' }, 'text', '+49 1'],
      ['geo', {}, 'uri', 'geo:37.5,-122.1'],
      ['rev', {}, 'timestamp', '2019-10-08T17:05:14Z'],
    ]);
  });

  it('downgrades back to the same 3.0 text', () => {
    const back = convertVCardVersion(convertVCardVersion(v3, '4.0'), '3.0');
    expect(stringifyVCard(back)).toBe(stringifyVCard(v3));
    expect(card(stringifyVCard(back))[1]).toEqual(v3[1]);
  });

  it('writes a 4.0 tel: URI as a plain 3.0 number and keeps other PREF values', () => {
    const v4 = card('BEGIN:VCARD\nVERSION:4.0\nTEL;VALUE=uri;PREF=2:tel:+1-555\nEND:VCARD\n');
    expect(convertVCardVersion(v4, '3.0')[1][1]).toEqual(['tel', { pref: '2' }, 'phone-number', '+1-555']);
  });

  it('only sets VERSION when the card is already in the target version', () => {
    const v4 = card('BEGIN:VCARD\nVERSION:4.0\nEMAIL;TYPE=pref:a@b\nEND:VCARD\n');
    expect(convertVCardVersion(v4, '4.0')[1][1]).toBe(v4[1][1]);
  });
});
