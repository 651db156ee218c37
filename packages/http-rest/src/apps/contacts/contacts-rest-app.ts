import {
  CONTACT_FILTER_COLUMNS, contactDisplayName, contactEtag, contactSegment, PRIVATE_MEMBER, type StoredContact,
} from '@almanac/domain-contacts';
import type { KernelRepositories } from '@almanac/domain-kernel';
import type { RestApp } from '../../rest-app.js';
import { contactContentType } from './content-types.js';
import { directoryPreparer } from './directory.js';
import { readContactBody } from './reading.js';
import { CONTACT_SCHEMAS } from './schemas.js';
import { contactRenderer } from './rendering.js';

const asContact = (r: unknown) => r as StoredContact;

/**
 * Address books over REST (seeds 000 and 003, behaviour §5.1–5.2): contacts as JSContact Cards
 * and distribution lists as CardGroups (`list-<id>`), `address-data` as the listing property,
 * ETags `"<id>:<revision>"`, the `egroupware` profile by default and `rfc` on request, flat
 * `a/b/c` POST bodies, `filters[<column>]` over the reference's column names, and the accounts
 * directory kept in step with the accounts before it is read.
 *
 * @example createRestRouter({ …, apps: { addressbook: contactsRestApp({ repos }) } })
 */
export function contactsRestApp(deps: { repos: KernelRepositories }): RestApp {
  const { repos } = deps;
  return {
    app: 'addressbook',
    dataProperty: 'address-data',
    flatPost: true,
    // Behaviour §3.2: reference column names (seed 003: "filters use the database column-names"),
    // an explicit allow-list mapped to the lookup columns stored with each card.
    filterColumns: CONTACT_FILTER_COLUMNS,
    segment: contactSegment,
    etag: contactEtag,
    contentType: contactContentType,
    displayName: (r) => contactDisplayName(asContact(r)),
    facts: (r) => ({ isPrivate: asContact(r).data[PRIVATE_MEMBER] === true }),
    renderer: (ctx) => contactRenderer(repos, ctx),
    read: (body, ctx) => readContactBody(repos, body, ctx),
    prepare: directoryPreparer(repos),
    schemas: CONTACT_SCHEMAS,
  };
}
