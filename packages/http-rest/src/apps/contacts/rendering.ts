import { formatJSContact } from '@almanac/codec-jscontact';
import { contactForOutput, type StoredContact } from '@almanac/domain-contacts';
import type { KernelRepositories, StoredResource } from '@almanac/domain-kernel';
import type { RestRenderContext } from '../../rest-app.js';

/**
 * A per-request renderer of contacts: the stored card in its output form (domain) written in the
 * request's profile (codec): the reference's shapes by default (Card, or CardGroup for a list),
 * RFC 9553 for `profile=rfc`. The custom-field definitions are read once per request.
 */
export async function contactRenderer(repos: Pick<KernelRepositories, 'customFields'>, ctx: RestRenderContext): Promise<(r: StoredResource) => unknown> {
  const customFields = await repos.customFields.list('addressbook');
  return (r) => formatJSContact(contactForOutput(r as StoredContact, { customFields }), { profile: ctx.profile });
}
