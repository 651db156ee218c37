/**
 * Address books and contacts over JSContact (RFC 9553): the stored card and its rules (uids,
 * server-owned members, derived kind, distribution lists, photos, custom fields, lookup columns
 * for filters), its output form, and the accounts directory. Parsing and printing JSON belong to
 * `@almanac/codec-jscontact`; this package works on the codec's canonical `rfc` Card.
 */
export {
  COLUMNS_MEMBER, PRIVATE_MEMBER, SERVER_OWNED_MEMBERS, contactEtag, contactSegment, isGroupCard,
  type ContactColumns, type ContactData, type StoredContact,
} from './model/contact.js';
export { CONTACT_FILTER_COLUMNS, contactColumns } from './model/columns.js';
export { deriveKind, displayNameOf, splitFullName, withNameParts } from './model/names.js';
export { PHONE_SLOTS, withWellKnownKeys } from './model/well-known-keys.js';
export { checkPhotos } from './model/photos.js';
export { bareUid, davNameOf, sameUid, uidSpellings } from './model/uids.js';
export { readContact, type ContactInputContext, type UidMatch } from './use-cases/read-contact.js';
export { CONTACT_PROD_ID, contactDisplayName, contactForOutput, utcDateTime, type RenderContactContext } from './use-cases/render-contact.js';
export {
  AccountDirectory, accountCardDraft, accountUid, reconcileAccountDirectory, type DirectoryRepositories,
} from './use-cases/account-directory.js';
