import { describe, expect, it } from '@jest/globals';
import { type Card, formatJSContact, parseJSContactInput } from '@almanac/codec-jscontact';
import { collectionId, type CustomFieldDefinition, resourceId, ValidationError } from '@almanac/domain-kernel';
import { COLUMNS_MEMBER, type ContactData, PRIVATE_MEMBER, type StoredContact } from '../model/contact.js';
import { type ContactInputContext, readContact, type UidMatch } from './read-contact.js';
import { contactForOutput } from './render-contact.js';

const select: CustomFieldDefinition = { app: 'addressbook', name: 'Test', type: 'text', label: 'Test field', values: {}, multiple: false };
const book: Record<string, UidMatch> = {
  'urn:uuid:5638e5a6-0000-4000-8000-000000000001': { uid: 'urn:uuid:5638e5a6-0000-4000-8000-000000000001', kind: 'card' },
  '5638-8623c4830472a8ede9f9f8b30d435ea4': { uid: '5638-8623c4830472a8ede9f9f8b30d435ea4', kind: 'card' },
  'list-uid-000000000001': { uid: 'list-uid-000000000001', kind: 'card-group' },
};
const ctx: ContactInputContext = { uidGiven: true, strict: false, customFields: [select], findByUid: async (uid) => book[uid] };

/** A request body read as the REST layer does: through the codec's lenient input. */
function card(body: Record<string, unknown>): Card {
  const parsed = parseJSContactInput(body, { generateUid: () => 'urn:uuid:00000000-0000-4000-8000-00000000abcd' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
const read = (body: Record<string, unknown>, over: Partial<ContactInputContext> = {}) =>
  readContact(card(body), { ...ctx, uidGiven: typeof body.uid === 'string', ...over });
const issuesOf = async (body: Record<string, unknown>, over: Partial<ContactInputContext> = {}) => {
  const err = await read(body, over).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).issues;
};
const stored = (data: ContactData, over: Partial<StoredContact> = {}): StoredContact => ({
  id: resourceId(1833), collectionId: collectionId(1), uid: data.uid, name: 'x.vcf', kind: data.kind === 'group' ? 'card-group' : 'card',
  data, rawText: null, timeRange: null, timeZone: null, revision: 24, changeNumber: 3,
  createdAt: new Date('2010-10-21T09:55:42.123Z'), updatedAt: new Date('2014-06-02T14:45:24Z'), ...over,
});

describe('readContact', () => {
  it('reads behaviour §8 check 2 to the card of check 3: kind, contexts, features and pref', async () => {
    const draft = await read({ fullName: 'First Tester', name: { given: 'First', surname: 'Tester' }, emails: { work: 't@ex.org' }, phones: { tel_work: '+49 1' } });
    expect(draft).toMatchObject({ kind: 'card', uid: 'urn:uuid:00000000-0000-4000-8000-00000000abcd', name: '00000000-0000-4000-8000-00000000abcd.vcf' });
    expect(draft.data).toMatchObject({
      kind: 'individual',
      name: { components: [{ kind: 'given', value: 'First' }, { kind: 'surname', value: 'Tester' }], full: 'First Tester' },
      emails: { work: { address: 't@ex.org', contexts: { work: true }, pref: 1 } },
      phones: { tel_work: { number: '+49 1', features: { voice: true }, contexts: { work: true } } },
    });
    const shown = formatJSContact(contactForOutput(stored(draft.data), { customFields: [] }), { profile: 'egroupware' });
    expect(shown).toMatchObject({
      '@type': 'Card', kind: 'individual', fullName: 'First Tester',
      name: [{ '@type': 'NameComponent', type: 'personal', value: 'First' }, { '@type': 'NameComponent', type: 'surname', value: 'Tester' }],
      emails: { work: { email: 't@ex.org', pref: 1 } }, phones: { tel_work: { phone: '+49 1', features: { voice: true }, contexts: { work: true } } },
    });
  });

  it('splits a display name when no name parts come (behaviour §5.1)', async () => {
    const parts = async (fullName: string) => (await read({ fullName })).data.name?.components;
    expect(await parts('Becker, Ralf')).toEqual([{ kind: 'given', value: 'Ralf' }, { kind: 'surname', value: 'Becker' }]);
    expect(await parts('Hugo Kurt Müller')).toEqual([{ kind: 'given', value: 'Hugo' }, { kind: 'surname', value: 'Kurt Müller' }]);
    expect(await parts('Cher')).toEqual([{ kind: 'surname', value: 'Cher' }]);
    const org = await read({ fullName: 'ACME Inc.', organizations: { org: { name: 'ACME Inc.' } } });
    expect(org.data).toMatchObject({ kind: 'org', name: { full: 'ACME Inc.' } });
    expect(org.data.name?.components).toBeUndefined();
  });

  it('derives kind from the data, keeping kinds the reference does not know', async () => {
    expect((await read({ kind: 'org', name: [{ type: 'surname', value: 'X' }] })).data.kind).toBe('individual');
    expect((await read({ organizations: { org: { name: 'O' } } })).data.kind).toBe('org');
    expect((await read({ emails: { work: 'a@b.c' } })).data.kind).toBeUndefined();
    expect((await read({ '@type': 'Card', version: '1.0', uid: 'x', kind: 'location', name: { full: 'Room 1' } })).data.kind).toBe('location');
  });

  it('ignores server-owned members and keeps unknown and vendor ones', async () => {
    const draft = await read({
      uid: '5638-8623c4830472a8ede9f9f8b30d435ea4', prodId: 'EGroupware Addressbook 21.1.001', created: '2010-10-21T09:55:42Z',
      updated: '2014-06-02T14:45:24Z', [COLUMNS_MEMBER]: { n_family: 'forged' }, 'example.com:x': { y: 1 }, 'egroupware.org:assistant': 'A',
      name: [{ type: 'surname', value: 'Tester' }],
    });
    expect(draft.data).not.toHaveProperty('prodId');
    expect(draft.data).not.toHaveProperty('created');
    expect(draft.data).not.toHaveProperty('updated');
    expect(draft.data[COLUMNS_MEMBER]).toMatchObject({ n_family: 'Tester', assistent: 'A' });
    expect(draft.data).toMatchObject({ 'example.com:x': { y: 1 }, 'egroupware.org:assistant': 'A' });
  });

  describe('uids (DECISIONS.md "ETags, conditional requests, writes")', () => {
    const existing = stored({ '@type': 'Card', version: '1.0', uid: '5638-8623c4830472a8ede9f9f8b30d435ea4' });
    it('keeps the stored uid when a PUT has none, and refuses a different one', async () => {
      expect((await read({ fullName: 'A B' }, { existing })).uid).toBe('5638-8623c4830472a8ede9f9f8b30d435ea4');
      expect(await issuesOf({ uid: 'another-uid-0000001', fullName: 'A B' }, { existing }))
        .toEqual([{ path: '/uid', message: 'must not change the UID (it is 5638-8623c4830472a8ede9f9f8b30d435ea4)' }]);
    });
    it('takes the uid of a PUT that creates from the URL, and refuses a body that names another', async () => {
      expect((await read({ fullName: 'A B' }, { segment: 'test-uid-000000000001' })).uid).toBe('test-uid-000000000001');
      expect((await issuesOf({ uid: 'other-uid-000000000001' }, { segment: 'test-uid-000000000001' }))[0]!.path).toBe('/uid');
    });
    it('treats urn:uuid: and bare UUIDs as the same uid', async () => {
      const uuid = stored({ '@type': 'Card', version: '1.0', uid: 'dfa5cac5-987b-448b-85d7-6c8b529a835c' });
      expect((await read({ uid: 'urn:uuid:DFA5CAC5-987B-448B-85D7-6C8B529A835C' }, { existing: uuid })).uid).toBe('dfa5cac5-987b-448b-85d7-6c8b529a835c');
    });
    it('requires a uid of 12 characters under the strict media type, and keeps short ones otherwise', async () => {
      expect(await issuesOf({ uid: 'short' }, { strict: true })).toEqual([{ path: '/uid', message: 'must have at least 12 characters' }]);
      expect(await issuesOf({ fullName: 'x' }, { strict: true })).toEqual([{ path: '/uid', message: 'is required' }]);
      expect((await read({ uid: 'short' })).uid).toBe('short');
    });
  });

  describe('distribution lists (behaviour §5.2)', () => {
    it('reads a CardGroup, keying members by the stored uid of contacts of the same address book', async () => {
      const draft = await read({
        '@type': 'CardGroup', uid: 'urn:uuid:dfa5cac5-987b-448b-85d7-6c8b529a835c', name: 'Example distribution list',
        members: { '5638-8623c4830472a8ede9f9f8b30d435ea4': true, '5638e5a6-0000-4000-8000-000000000001': true },
      });
      expect(draft.kind).toBe('card-group');
      expect(draft.data).toMatchObject({
        kind: 'group', name: { full: 'Example distribution list' },
        members: { '5638-8623c4830472a8ede9f9f8b30d435ea4': true, 'urn:uuid:5638e5a6-0000-4000-8000-000000000001': true },
      });
      expect(formatJSContact(contactForOutput(stored(draft.data), { customFields: [] }))).toMatchObject({
        '@type': 'CardGroup', name: 'Example distribution list', card: { '@type': 'Card', fullName: 'Example distribution list' },
      });
    });
    it('refuses members from elsewhere, lists as members, and non-true values', async () => {
      const issues = await issuesOf({ '@type': 'CardGroup', uid: 'list-000000000002', name: 'L', members: { 'nobody-0000000001': true, 'list-uid-000000000001': true } });
      expect(issues).toEqual([
        { path: '/members/nobody-0000000001', message: 'is not a contact of this address book' },
        { path: '/members/list-uid-000000000001', message: 'a distribution list cannot be a member' },
      ]);
      const falsy = { '@type': 'Card', version: '1.0', uid: 'list-000000000003', kind: 'group', members: { '5638-8623c4830472a8ede9f9f8b30d435ea4': false } } as unknown as Card;
      await expect(readContact(falsy, ctx)).rejects.toMatchObject({ issues: [{ path: '/members/5638-8623c4830472a8ede9f9f8b30d435ea4', message: 'must be true' }] });
    });
    it('makes a list of a new card with members, and never turns a contact into a list or back', async () => {
      expect((await read({ name: 'L', members: {} })).kind).toBe('card-group');
      const contact = stored({ '@type': 'Card', version: '1.0', uid: 'contact-0000000001' });
      expect((await issuesOf({ '@type': 'CardGroup', name: 'L', members: {} }, { existing: contact }))[0]).toEqual({ path: '/kind', message: 'a contact cannot become a distribution list' });
      const list = stored({ '@type': 'Card', version: '1.0', uid: 'list-0000000001', kind: 'group', members: {} });
      expect((await issuesOf({ fullName: 'x' }, { existing: list }))[0]).toEqual({ path: '/kind', message: 'a distribution list cannot become a contact' });
    });
  });

  describe('photos (writable, unlike the reference)', () => {
    const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';
    it('stores a data: URI photo, filling in its media type, and a linked one as given', async () => {
      const draft = await read({ photos: { photo: { '@type': 'File', href: jpeg }, link: { href: 'https://example.org/me.png', mediaType: 'image/png' } } });
      expect(draft.data.media).toEqual({ photo: { kind: 'photo', uri: jpeg, mediaType: 'image/jpeg' }, link: { kind: 'photo', uri: 'https://example.org/me.png', mediaType: 'image/png' } });
    });
    it('refuses a data: URI that is not a base64 image', async () => {
      expect(await issuesOf({ photos: { a: { href: 'data:text/plain;base64,aGk=' }, b: { href: 'data:image/png;base64,not base64!' }, c: { href: 'data:nonsense' } } })).toEqual([
        { path: '/media/a/uri', message: 'a photo must be an image/* data: URI' },
        { path: '/media/b/uri', message: 'a photo data: URI must carry base64 data' },
        { path: '/media/c/uri', message: 'not a valid data: URI (RFC 2397)' },
      ]);
    });
  });

  describe('custom fields and the private flag', () => {
    it('checks custom fields against their definitions, keeping them when a PUT leaves the member out', async () => {
      const draft = await read({ 'egroupware.org:customfields': { Test: 'Content for Test' } });
      expect(draft.data['egroupware.org:customfields']).toEqual({ Test: 'Content for Test' });
      expect((await read({ fullName: 'x' }, { existing: stored(draft.data) })).data['egroupware.org:customfields']).toEqual({ Test: 'Content for Test' });
      expect(await issuesOf({ 'egroupware.org:customfields': { Nope: 1 } })).toEqual([{ path: '/egroupware.org:customfields/Nope', message: "unknown custom field 'Nope'" }]);
    });
    it('keeps the private flag when absent, sets it with true and clears it with false', async () => {
      const priv = await read({ fullName: 'x', [PRIVATE_MEMBER]: true });
      expect(priv.data[PRIVATE_MEMBER]).toBe(true);
      expect((await read({ fullName: 'y' }, { existing: stored(priv.data) })).data[PRIVATE_MEMBER]).toBe(true);
      expect((await read({ fullName: 'y', [PRIVATE_MEMBER]: false }, { existing: stored(priv.data) })).data).not.toHaveProperty(PRIVATE_MEMBER);
      expect(await issuesOf({ [PRIVATE_MEMBER]: 'yes' })).toEqual([{ path: `/${PRIVATE_MEMBER}`, message: 'must be true or false' }]);
    });
  });

  it('leaves out empty maps and nulls (a PATCH removing the last phone), but keeps a list’s empty members', async () => {
    const draft = await read({ fullName: 'A B', phones: {}, 'example.com:y': null, 'example.com:x': {} });
    expect(draft.data).not.toHaveProperty('phones');
    expect(draft.data).not.toHaveProperty('example.com:y');
    expect(draft.data).not.toHaveProperty('example.com:x');
    expect((await read({ '@type': 'CardGroup', name: 'L', members: {} })).data.members).toEqual({});
  });

  it('names the first problem in the reference’s message format', async () => {
    const err = (await read({ uid: 'x', [PRIVATE_MEMBER]: 3 }, { strict: true }).catch((e: unknown) => e)) as ValidationError;
    expect(err.message).toBe("Error parsing JsContact Card attribute 'uid': must have at least 12 characters");
    expect(err.code).toBe('contact/invalid');
  });
});

describe('contactForOutput', () => {
  it('adds prodId, created and updated from the resource, renders custom fields and hides the columns', async () => {
    const draft = await read({ uid: 'render-000000000001', fullName: 'A B', categories: { Kategorie: true }, 'egroupware.org:customfields': { Test: 'v' } });
    const out = contactForOutput(stored(draft.data), { customFields: [select] });
    expect(out).toEqual({
      '@type': 'Card', version: '1.0', uid: 'render-000000000001', prodId: 'Almanac Addressbook', created: '2010-10-21T09:55:42Z',
      updated: '2014-06-02T14:45:24Z', kind: 'individual', name: { full: 'A B', components: [{ kind: 'given', value: 'A' }, { kind: 'surname', value: 'B' }] },
      keywords: { Kategorie: true }, 'egroupware.org:customfields': { Test: { value: 'v', type: 'text', label: 'Test field' } },
    });
    expect(Object.keys(out).slice(0, 7)).toEqual(['@type', 'version', 'uid', 'prodId', 'created', 'updated', 'kind']);
  });

  it('reads its own output back to the same stored card (a GET body can be PUT)', async () => {
    const draft = await read({
      uid: 'roundtrip-00000001', fullName: 'Prefix/Title Frist Middle Last Postfix',
      name: [{ type: 'prefix', value: 'Prefix/Title' }, { type: 'personal', value: 'Frist' }, { type: 'additional', value: 'Middle' }, { type: 'surname', value: 'Last' }, { type: 'suffix', value: 'Postfix' }],
      phones: { tel_cell: '+1', tel_fax_home: '+2' }, addresses: { work: { locality: 'City', street: 'Street\nStreet2' } },
      'egroupware.org:customfields': { Test: 'v' }, [PRIVATE_MEMBER]: true,
    });
    const shown = formatJSContact(contactForOutput(stored(draft.data), { customFields: [select] }), { profile: 'egroupware' });
    const again = await readContact(card(shown), { ...ctx, existing: stored(draft.data) });
    expect(again.data).toEqual(draft.data);
  });
});
