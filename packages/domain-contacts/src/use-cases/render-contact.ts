import type { Card } from '@almanac/codec-jscontact';
import { type CustomFieldDefinition, CUSTOM_FIELDS_MEMBER, renderCustomFields } from '@almanac/domain-kernel';
import { COLUMNS_MEMBER, type StoredContact } from '../model/contact.js';
import { displayNameOf } from '../model/names.js';

/** The `prodId` of cards Almanac serves (behaviour §5: the reference names itself there). */
export const CONTACT_PROD_ID = 'Almanac Addressbook';

/** RFC 9553 §1.4.4 UTCDateTime without fractions, as the reference writes `created`/`updated` (behaviour §5). */
export const utcDateTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The order of a Card's members on output, the reference's where it has one (seed 003): the store
 * (PostgreSQL `jsonb`) does not keep member order, so output order is fixed here.
 */
const MEMBER_ORDER: readonly string[] = [
  '@type', 'version', 'uid', 'prodId', 'created', 'updated', 'kind', 'language', 'name', 'nicknames', 'organizations', 'titles',
  'speakToAs', 'emails', 'phones', 'onlineServices', 'links', 'addresses', 'media', 'anniversaries', 'notes', 'keywords', 'members',
  'relatedTo', 'preferredLanguages', 'calendars', 'schedulingAddresses', 'cryptoKeys', 'directories', 'personalInfo', 'localizations',
];
const rank = (key: string) => {
  const i = MEMBER_ORDER.indexOf(key);
  return i >= 0 ? i : MEMBER_ORDER.length;
};

export interface RenderContactContext {
  /** The address book's custom-field definitions, loaded once per request. */
  readonly customFields: readonly CustomFieldDefinition[];
}

/**
 * A stored contact as the REST API shows it, still in the canonical `rfc` profile (the caller
 * formats it for the requested profile): `prodId`, `created` and `updated` from the server, custom
 * fields with their type and label (behaviour §5), the lookup columns left out. Pure.
 */
export function contactForOutput(r: StoredContact, ctx: RenderContactContext): Card {
  const { '@type': _type, version, uid, [COLUMNS_MEMBER]: _columns, [CUSTOM_FIELDS_MEMBER]: stored, ...rest } = r.data;
  const customFields = renderCustomFields(ctx.customFields, stored);
  const card: Record<string, unknown> = {
    '@type': 'Card', version: version ?? '1.0', uid: uid ?? r.uid,
    prodId: CONTACT_PROD_ID, created: utcDateTime(r.createdAt), updated: utcDateTime(r.updatedAt),
    ...rest,
    ...(customFields && { [CUSTOM_FIELDS_MEMBER]: customFields }),
  };
  // Known members in order, then vendor and unknown members by name.
  const keys = Object.keys(card).sort((a, b) => rank(a) - rank(b) || (rank(a) === MEMBER_ORDER.length && a !== b ? (a < b ? -1 : 1) : 0));
  return Object.fromEntries(keys.map((k) => [k, card[k]])) as Card;
}

/** What listings show as `displayname` (behaviour §3.1). */
export const contactDisplayName = (r: StoredContact): string => displayNameOf(r.data);
