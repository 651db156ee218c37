/**
 * JSContact ⇄ vCard conversion (RFC 9555), on `@almanac/codec-vcard`.
 *
 * @example
 * import { parseVCard, stringifyVCard } from '@almanac/codec-vcard';
 * import { vcardToJSContact, jscontactToVCard } from '@almanac/codec-jscontact/vcard';
 * const parsed = parseVCard(text);
 * const card = parsed.ok ? vcardToJSContact(parsed.value) : parsed;
 * const back = card.ok ? jscontactToVCard(card.value, { version: '3.0' }) : card;
 * if (back.ok) console.log(stringifyVCard(back.value));
 */
export { vcardToJSContact, type VCardToJSContactOptions } from './vcard-to-jscontact.js';
export { jscontactToVCard, type JSContactToVCardOptions } from './jscontact-to-vcard.js';
export { convertContacts, type ContactFormat, type ConvertContactsOptions } from './convert.js';
