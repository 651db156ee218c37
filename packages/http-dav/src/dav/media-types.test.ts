import { describe, expect, it } from '@jest/globals';
import { bareMediaType, findMediaType, preferredVersion } from './media-types.js';

const VCARD = [{ contentType: 'text/vcard', version: '3.0' }, { contentType: 'text/vcard', version: '4.0' }];
const ICAL = [{ contentType: 'text/calendar', version: '2.0' }];

describe('media types of DAV apps', () => {
  it('strips parameters and case from a Content-Type', () => {
    expect(bareMediaType('Text/VCard; charset=utf-8')).toBe('text/vcard');
    expect(bareMediaType('  ')).toBeUndefined();
    expect(bareMediaType(undefined)).toBeUndefined();
  });

  it('finds a type by name and version, legacy aliases included', () => {
    expect(findMediaType(VCARD, 'text/x-vcard')).toEqual(VCARD[0]);
    expect(findMediaType(VCARD, 'text/directory; profile=vcard')).toEqual(VCARD[0]);
    expect(findMediaType(VCARD, 'text/vcard', '4.0')).toEqual(VCARD[1]);
    expect(findMediaType(VCARD, 'text/vcard', '2.1')).toBeUndefined();
    expect(findMediaType(VCARD, 'application/vcard+json')).toBeUndefined();
    expect(findMediaType(ICAL, 'text/x-vcalendar')).toEqual(ICAL[0]);
  });

  it.each([
    [undefined, undefined],
    ['*/*', undefined],
    ['text/vcard', undefined],
    ['text/vcard; version=4.0', '4.0'],
    ['text/vcard;version="3.0"', '3.0'],
    ['text/x-vcard; version=4.0', '4.0'],
    ['text/vcard;version=3.0;q=0.5, text/vcard;version=4.0', '4.0'],
    ['text/vcard;version=4.0;q=0, text/vcard;version=3.0;q=0.1', '3.0'],
    ['text/html, text/vcard;version=4.0;q=0.9', '4.0'],
    ['*/*, text/vcard;version=4.0;q=0.9', undefined],
    ['text/vcard;version=5.0', undefined],
    ['garbage;;;, ,', undefined],
  ])('reads Accept %s as version %s', (accept, version) => {
    expect(preferredVersion(accept, VCARD)).toBe(version);
  });
});
