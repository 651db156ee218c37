import type { Card } from '@almanac/codec-jscontact';
import { jscontactToVCard } from '@almanac/codec-jscontact/vcard';
import { stringifyVCard } from '@almanac/codec-vcard';
import { contactForOutput, type StoredContact } from '@almanac/domain-contacts';
import type { CustomFieldDefinition, KernelRepositories } from '@almanac/domain-kernel';
import type { DavRenderContext } from '../../dav/dav-app.js';

/** The vCard versions the address book writes (RFC 6352 §5.1: 3.0 is required, 4.0 offered). */
export type VCardOutputVersion = '3.0' | '4.0';

/** What GET and `?download` produce for a card last written as JSON (behaviour §6.7: vCard 3.0). */
export const DEFAULT_VCARD_VERSION: VCardOutputVersion = '3.0';

/**
 * The VERSION of a vCard text (first VERSION line, unfolded text not needed: it is short), or
 * undefined when it has none.
 */
export function versionOfText(text: string): string | undefined {
  return /^VERSION[ \t]*:[ \t]*([^\r\n]*)/im.exec(text)?.[1]?.trim();
}

/** Whether a member key is already a URI (`urn:uuid:…`, `https://…`); else it is a bare uid. */
const isUri = (key: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(key);

/**
 * RFC 6350 §6.6.5: MEMBER values are URIs. Lists store their members by the members' bare uids
 * (domain-contacts); vCard needs `urn:uuid:<uid>`, the form Apple's X-ADDRESSBOOKSERVER-MEMBER
 * uses and behaviour §5.2 shows, which the reading side maps back (`uidSpellings`).
 */
function withMemberUris(card: Card): Card {
  const members = card.members;
  if (!members) return card;
  return { ...card, members: Object.fromEntries(Object.entries(members).map(([key, v]) => [isUri(key) ? key : `urn:uuid:${key}`, v])) };
}

/** The address book's custom-field definitions, read once per request (the render context's memo). */
export async function customFieldsOf(
  repos: Pick<KernelRepositories, 'customFields'>, ctx: Pick<DavRenderContext, 'cache'>,
): Promise<readonly CustomFieldDefinition[]> {
  const key = 'contacts:custom-fields';
  let pending = ctx.cache.get(key) as Promise<CustomFieldDefinition[]> | undefined;
  if (!pending) {
    pending = repos.customFields.list('addressbook');
    ctx.cache.set(key, pending);
  }
  return pending;
}

/**
 * A stored contact as vCard text generated from its canonical JSON: the output form of the domain
 * (`contactForOutput`: prodId, created and updated from the server, custom fields with their
 * labels, lookup columns left out) converted by the codec (RFC 9555) in `version`; a list becomes
 * KIND:group + MEMBER (4.0) or Apple's X-ADDRESSBOOKSERVER-KIND/-MEMBER (3.0).
 * @throws Error when the codec cannot convert the card (the layer answers that resource alone with 500).
 */
export function generateVCard(r: StoredContact, version: VCardOutputVersion, customFields: readonly CustomFieldDefinition[]): string {
  const card = withMemberUris(contactForOutput(r, { customFields }));
  const converted = jscontactToVCard(card, { version });
  if (!converted.ok) throw new Error(`contact ${r.id} cannot be written as vCard: ${converted.errors.map((e) => e.message).join('; ')}`);
  return stringifyVCard(converted.value);
}
