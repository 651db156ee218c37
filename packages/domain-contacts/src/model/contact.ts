import type { Card } from '@almanac/codec-jscontact';
import { CUSTOM_FIELDS_MEMBER, type CustomFieldValue, type ResourceId, type StoredResource } from '@almanac/domain-kernel';

/**
 * The server's lookup columns of a stored card (see `contactColumns`): the reference's contact
 * column names (`n_family`, `adr_one_locality`, …) with the values they would hold. They live in
 * the stored JSON so that `filters[<column>]` is a plain JSON-path equality, and are stripped
 * from every output (`contactForOutput`).
 */
export const COLUMNS_MEMBER = 'almanac:columns';

/**
 * The reference's per-contact private flag (behaviour §4.3): a private contact is readable by
 * grantees only with the PRIVATE right. An Almanac extension of the egroupware vocabulary
 * (the reference keeps the flag out of its JSON): `true` sets it, `false` clears it, absent keeps
 * the stored value, as behaviour §3.5 keeps server-owned fields on PUT.
 */
export const PRIVATE_MEMBER = 'egroupware.org:private';

/** Lookup columns: one text per column; categories (`cat_id`) are a list. */
export type ContactColumns = Readonly<Record<string, string | readonly string[]>>;

/**
 * A card as stored: an RFC 9553 Card (the codec's canonical `rfc` profile; a distribution list is
 * a Card with `kind: "group"` and `members`), custom fields in their stored form, the private
 * flag and the lookup columns. `prodId`, `created` and `updated` are not stored: they are the
 * server's and come from the resource on output.
 */
export type ContactData = Card & {
  readonly [COLUMNS_MEMBER]?: ContactColumns;
  readonly [PRIVATE_MEMBER]?: true;
  readonly [CUSTOM_FIELDS_MEMBER]?: Readonly<Record<string, CustomFieldValue>>;
};

export type StoredContact = StoredResource<ContactData>;

/**
 * Members a client cannot set: the server computes them (behaviour §3.12 lists `prodId`,
 * `created`, `updated` and `kind` as read-only; `kind` is derived, see `deriveKind`).
 */
export const SERVER_OWNED_MEMBERS: readonly string[] = ['prodId', 'created', 'updated', COLUMNS_MEMBER];

/** Whether a card is a distribution list (RFC 9553 §2.1.4 kind `group`; the reference's CardGroup). */
export const isGroupCard = (card: Pick<Card, 'kind'>): boolean => card.kind === 'group';

/** The ETag value without quotes: `<id>:<revision>` (behaviour §3.8, DECISIONS.md "ETags"). */
export const contactEtag = (r: { readonly id: ResourceId; readonly revision: number }): string => `${r.id}:${r.revision}`;

/** The REST URL segment: the numeric id, `list-<id>` for distribution lists (behaviour §1.4). */
export const contactSegment = (r: { readonly id: ResourceId; readonly kind: string }): string =>
  r.kind === 'card-group' ? `list-${r.id}` : String(r.id);
