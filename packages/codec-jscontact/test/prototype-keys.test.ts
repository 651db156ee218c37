import { describe, expect, it } from '@jest/globals';
import { parseVCards, stringifyVCard } from '@almanac/codec-vcard';
import { formatJSContact, parseJSContactInput, patchJSContact, validateJSContact, type Card } from '../src/index.js';
import { convertContacts, jscontactToVCard, vcardToJSContact } from '../src/vcard/index.js';
import { vcardStructure } from './helpers/vcard-structure.js';

// Names from the input that are also members of Object.prototype must be plain names: no
// lookup table may answer for them, no exception, nothing lost.
const NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'prototype'];

describe('names that are Object.prototype members', () => {
  const text = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'UID:proto',
    'FN:x',
    ...NAMES.map((n) => `${n.toUpperCase()};TYPE=${n};VALUE=${n}:${n}`),
    `EMAIL;TYPE=${NAMES.join(',')};CONSTRUCTOR=x;TOSTRING=y:e@example.com`,
    'item1.EMAIL:a@example.com',
    'item1.X-ABLabel:constructor',
    'TEL;TYPE=hasOwnProperty,valueOf:1',
    'KIND:constructor',
    'ADR;CONSTRUCTOR=1;TYPE=constructor:;;a',
    'N;CONSTRUCTOR=1;JSCOMPS=";0":a',
    'PHOTO;CONSTRUCTOR=1:http://x',
    'RELATED;TYPE=constructor,toString:urn:x',
    'IMPP;TOSTRING=1;SERVICE-TYPE=constructor:xmpp:a',
    'CATEGORIES:constructor,__proto__',
    'EXPERTISE;LEVEL=constructor:x',
    'END:VCARD',
    '',
  ].join('\r\n');

  it('converts a vCard full of them to JSContact and back, losing nothing but __proto__ parameters', () => {
    const parsed = parseVCards(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const json = vcardToJSContact(parsed.value[0]!);
    expect(json.ok).toBe(true);
    if (!json.ok) return;
    for (const version of ['3.0', '4.0'] as const) {
      const back = jscontactToVCard(json.value, { version });
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      const again = parseVCards(stringifyVCard(back.value));
      expect(again.ok && vcardStructure(again.value[0]!)).toEqual(vcardStructure(parsed.value[0]!));
    }
    expect(Object.getPrototypeOf(json.value)).toBe(Object.prototype);
  });

  it('takes JSON with such keys in every map without throwing', () => {
    const keyed = (value: unknown): string => `{${NAMES.map((n) => `${JSON.stringify(n)}:${JSON.stringify(value)}`).join(',')}}`;
    const json =
      `{"@type":"Card","version":"1.0","uid":"u","kind":"constructor","keywords":${keyed(true)},"emails":${keyed({ address: 'a@b', contexts: { constructor: true, toString: true } })},` +
      `"phones":${keyed({ number: '1', features: { constructor: true } })},"name":{"components":[{"kind":"constructor","value":"x"}],"sortAs":${keyed('s')}},` +
      `"relatedTo":${keyed({ relation: { constructor: true } })},"localizations":${keyed({ 'name/full': 'x' })},"vCardProps":[["constructor",{"constructor":"1"},"text","x"]],"__proto__":{"polluted":true}}`;
    for (const strict of [false, true]) {
      for (const profile of ['rfc', 'egroupware'] as const) {
        const r = parseJSContactInput(json, { strict, profile });
        if (r.ok) {
          expect(() => formatJSContact(r.value, { profile })).not.toThrow();
          expect(() => jscontactToVCard(r.value, { version: '3.0' })).not.toThrow();
          expect(() => patchJSContact(r.value, JSON.parse(`{"emails/constructor/address":"b@c"}`) as Record<string, unknown>, { strict, profile })).not.toThrow();
        }
      }
    }
    const card = JSON.parse(json) as Card;
    expect(() => validateJSContact(card, { profile: 'rfc', strict: true })).not.toThrow();
    const vcard = jscontactToVCard(card);
    expect(vcard.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const converted = convertContacts(json, { from: 'jscontact', to: 'vcard' });
    expect(converted.ok).toBe(true);
  });
});
