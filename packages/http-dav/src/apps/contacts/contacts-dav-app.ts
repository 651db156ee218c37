import { parseVCard } from '@almanac/codec-vcard';
import {
  AccountDirectory, contactDisplayName, contactEtag, PRIVATE_MEMBER, type StoredContact,
} from '@almanac/domain-contacts';
import type { KernelRepositories, StoredResource } from '@almanac/domain-kernel';
import { isAccountDirectory } from '@almanac/http-kit';
import type { DavApp, DavMediaType, DavRenderContext } from '../../dav/dav-app.js';
import { cardMatches } from './card-filter.js';
import { selectProperties } from './partial-card.js';
import { readVCardBody } from './reading.js';
import {
  customFieldsOf, DEFAULT_VCARD_VERSION, generateVCard, versionOfText, type VCardOutputVersion,
} from './vcard-text.js';

/** RFC 6352 §5.1 / §6.2.2: vCard 3.0 (required, and what GET gives by default) and 4.0. */
const MEDIA_TYPES: readonly DavMediaType[] = [
  { contentType: 'text/vcard', version: '3.0' },
  { contentType: 'text/vcard', version: '4.0' },
];

/** RFC 6350 §10.1 / RFC 6352: the media type of a card; the legacy `text/x-vcard` is accepted on PUT only. */
export const VCARD_CONTENT_TYPE = 'text/vcard; charset=utf-8';

const asContact = (r: StoredResource) => r as StoredContact;
const outputVersion = (version: string | undefined): VCardOutputVersion | undefined =>
  version === '3.0' || version === '4.0' ? version : undefined;

/** What the CardDAV app reads and writes through. */
export type ContactsDavRepositories = Pick<KernelRepositories, 'customFields' | 'resources' | 'users' | 'collections'>;

/**
 * Address books over CardDAV (RFC 6352, behaviour §6, DECISIONS.md "Storage"): the same stored
 * contacts, ETags (`"<id>:<revision>"`) and rules as the REST app, as vCard. A PUT is stored as
 * received and its canonical JSON derived by the codecs (`readVCardBody`); GET returns the stored
 * text while the last write was a PUT and the version asked for (Accept, `address-data`) is its
 * own, else vCard generated from the JSON (3.0 unless 4.0 is asked for). Lists are vCard groups
 * (KIND:group / Apple's X-ADDRESSBOOKSERVER-KIND). `addressbook-query` evaluates the filter on the
 * card as GET gives it; `address-data` with `prop` returns those properties only. The accounts
 * directory is brought up to date before it is served.
 *
 * @example createDavRouter({ …, apps: { addressbook: contactsDavApp({ repos }) } })
 */
export function contactsDavApp(deps: { readonly repos: ContactsDavRepositories }): DavApp {
  const { repos } = deps;
  const directory = new AccountDirectory(repos);

  const toText = async (r: StoredResource, options: { readonly version?: string; readonly ctx: DavRenderContext }): Promise<string> => {
    const raw = r.rawText;
    if (raw !== null && (options.version === undefined || versionOfText(raw) === options.version)) return raw;
    const version = outputVersion(options.version) ?? DEFAULT_VCARD_VERSION;
    return generateVCard(asContact(r), version, await customFieldsOf(repos, options.ctx));
  };

  return {
    app: 'addressbook',
    kinds: ['addressbook'],
    dataProperty: 'address-data',
    mediaTypes: MEDIA_TYPES,
    etag: contactEtag,
    contentType: () => VCARD_CONTENT_TYPE,
    displayName: (r) => contactDisplayName(asContact(r)),
    facts: (r) => ({ isPrivate: asContact(r).data[PRIVATE_MEMBER] === true }),
    toText,
    fromText: (text, ctx) => readVCardBody(repos, text, ctx),
    async prepare(view) {
      for (const c of view.collections) if (isAccountDirectory(c)) await directory.refresh(c);
    },
    async partialText(r, request, ctx) {
      const text = await toText(r, { version: request.version, ctx });
      return 'allProps' in request && !request.allProps ? selectProperties(text, request.props) : text;
    },
    async addressbookQuery(r, report, ctx) {
      const parsed = parseVCard(await toText(r, { ctx }));
      if (!parsed.ok) throw new Error(`contact ${r.id} is not a readable vCard`);
      return cardMatches(parsed.value, report.filter);
    },
  };
}
