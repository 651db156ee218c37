import type { StoredResource } from '@almanac/domain-kernel';

/** Behaviour §2.3: a contact's media type. */
export const CARD_CONTENT_TYPE = 'application/jscontact+json;type=card;charset=utf-8';
/** Behaviour §2.3: a distribution list's media type. */
export const CARD_GROUP_CONTENT_TYPE = 'application/jscontact+json;type=cardgroup;charset=utf-8';

/** The media type of a stored contact or distribution list. */
export const contactContentType = (r: Pick<StoredResource, 'kind'>): string =>
  r.kind === 'card-group' ? CARD_GROUP_CONTENT_TYPE : CARD_CONTENT_TYPE;
