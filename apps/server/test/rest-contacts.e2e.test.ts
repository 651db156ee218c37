import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser, deleteUser, setGrant } from '@almanac/accounts';
import { parseRights } from '@almanac/domain-kernel';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { runAdminCommand } from '../src/cli/admin-commands.js';
import { type ApiResponse, type Client, client, startTestServer, type TestServer } from './support.js';

// Address books over the JSON REST API: every curl example of seeds 000 and 003 that concerns
// address books, behaviour §8 checks 2–8, lists, photos, categories, custom fields, filters, the
// accounts directory, permissions and a concurrent sync, on PGlite and on PostgreSQL.

/** Express writes media type parameters with a space after `;`; the reference writes none. */
const mediaType = (res: ApiResponse) => res.headers.get('content-type')?.replace(/;\s+/g, ';');
const idOf = (location: string | null) => location!.split('/').pop()!;

/**
 * The seed's example card (000 and 003, "Getting all entries"), as a client would send it. The
 * seeds show the POST and PUT bodies with a typo, `{ "type": "@type": "NameComponent", "personal",
 * … }`, which is not JSON, and with "...." for "more members": the corrected NameComponents are
 * sent instead and the elided members left out (seeds/README.md: typos, not the wire format).
 */
const SEED_CARD = {
  uid: '5638-8623c4830472a8ede9f9f8b30d435ea4',
  prodId: 'EGroupware Addressbook 21.1.001',
  created: '2010-10-21T09:55:42Z',
  updated: '2014-06-02T14:45:24Z',
  name: [
    { '@type': 'NameComponent', type: 'personal', value: 'Default' },
    { '@type': 'NameComponent', type: 'surname', value: 'Tester' },
  ],
  fullName: { value: 'Default Tester' },
  organizations: { org: { '@type': 'Organization', name: 'default.org', units: { org_unit: 'department.default.org' } } },
  emails: { work: { '@type': 'EmailAddress', email: 'test@test.com', contexts: { work: true }, pref: 1 } },
  phones: {
    tel_work: { '@type': 'Phone', phone: '+49 123 4567890', pref: 1, features: { voice: true }, contexts: { work: true } },
    tel_cell: { '@type': 'Phone', phone: '012 3723567', features: { cell: true }, contexts: { work: true } },
  },
  online: { url: { '@type': 'Resource', resource: 'https://www.test.com/', type: 'uri', contexts: { work: true } } },
  notes: ['Test test TEST\n\\server\\share\n\\\nother\nblah'],
};

/** The seed 003 example "showcasing available fields" (its missing `}` in the work street fixed). */
const SEED_SHOWCASE = {
  uid: 'addressbook-6502-8623c4830472a8ede9f9f8b30d435ea4',
  prodId: 'EGroupware Addressbook 21.1.003',
  created: '2022-12-14T13:35:02Z',
  updated: '2022-12-14T13:39:14Z',
  kind: 'individual',
  name: [
    { '@type': 'NameComponent', type: 'prefix', value: 'Prefix/Title' },
    { '@type': 'NameComponent', type: 'personal', value: 'Frist' },
    { '@type': 'NameComponent', type: 'additional', value: 'Middle' },
    { '@type': 'NameComponent', type: 'surname', value: 'Last' },
    { '@type': 'NameComponent', type: 'suffix', value: 'Postfix' },
  ],
  fullName: 'Prefix/Title Frist Middle Last Postfix',
  organizations: { org: { '@type': 'Organization', name: 'Organisation', units: { org_unit: 'Department' } } },
  titles: {
    title: { '@type': 'Title', title: 'Postion', organization: 'org' },
    role: { '@type': 'Title', title: 'Occupation', organization: 'org' },
  },
  emails: {
    work: { '@type': 'EmailAddress', email: 'email@example.org', contexts: { work: true }, pref: 1 },
    private: { '@type': 'EmailAddress', email: 'private.email@example.org', contexts: { private: true } },
  },
  phones: Object.fromEntries(([
    ['tel_work', 'voice', 'work'], ['tel_cell', 'cell', 'work'], ['tel_fax', 'fax', 'work'], ['tel_assistent', 'voice', 'assistant'],
    ['tel_car', 'voice', 'car'], ['tel_pager', 'pager', 'work'], ['tel_home', 'voice', 'private'], ['tel_fax_home', 'fax', 'private'],
    ['tel_cell_private', 'cell', 'private'], ['tel_other', 'voice', 'work'],
  ] as const).map(([key, feature, context]) => [key, { '@type': 'Phone', phone: '+1(234)5678901', features: { [feature]: true }, contexts: { [context]: true } }])),
  online: {
    url: { '@type': 'Resource', resource: 'https://example.org', type: 'uri', contexts: { work: true } },
    url_home: { '@type': 'Resource', resource: 'https://private.example.org', type: 'uri', contexts: { private: true } },
  },
  addresses: {
    work: {
      '@type': 'Address', locality: 'City', region: 'Rheinland-Pfalz', country: 'DEUTSCHLAND', postcode: '12345', countryCode: 'DE',
      street: [
        { '@type': 'StreetComponent', type: 'name', value: 'Street' },
        { '@type': 'StreetComponent', type: 'separator', value: '\n' },
        { '@type': 'StreetComponent', type: 'name', value: 'Street2' },
      ],
      contexts: { work: true }, pref: 1,
    },
    home: {
      '@type': 'Address', locality: 'PrivateCity', country: 'DEUTSCHLAND', postcode: '12345', countryCode: 'DE',
      street: [
        { '@type': 'StreetComponent', type: 'name', value: 'PrivateStreet' },
        { '@type': 'StreetComponent', type: 'separator', value: '\n' },
        { '@type': 'StreetComponent', type: 'name', value: 'PrivateStreet2' },
      ],
      contexts: { home: true },
    },
  },
  photos: {
    photo: { '@type': 'File', href: 'https://boulder.egroupware.org/egroupware/api/avatar.php?contact_id=6502&lavatar=1&etag=0', mediaType: 'image/jpeg' },
  },
  anniversaries: { bday: { '@type': 'Anniversary', type: 'birth', date: '2022-12-14' } },
  categories: { Kategorie: true, 'My Contacts': true },
  'egroupware.org:assistant': 'Assistent',
};

/** A 1×1 PNG as an RFC 2397 data: URI. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

for (const kind of testStoreKinds()) {
  describe(`address books over REST (${kind})`, () => {
    let s: TestServer;
    let ralf: Client;
    const admin = (...argv: string[]) => runAdminCommand(argv, s.running.services);
    const user = async (login: string, fullName = login, email: string | null = null) => {
      await addUser(s.running.services.admin, { login, password: `${login}-secret`, fullName, email });
      return client(s.url, login, `${login}-secret`);
    };
    beforeAll(async () => {
      s = await startTestServer(kind);
      ralf = await user('ralf', 'Ralf Becker', 'ralf@example.org');
      expect((await admin('customfield', 'add', 'addressbook', 'Test', '--type', 'text', '--label', 'Test field')).exitCode).toBe(0);
    });
    afterAll(async () => { await s.cleanup(); });

    describe('the curl examples of seeds 000 and 003', () => {
      let seedPath: string;
      let listPath: string;

      it('POST to create a new resource (000, 003): 201 with Location', async () => {
        const res = await ralf.post('/ralf/addressbook/', SEED_CARD);
        expect(res.status).toBe(201);
        // The seed shows a full URL; the reference sends an absolute path (behaviour §3.4), as Almanac does.
        expect(res.headers.get('location')).toMatch(/^\/ralf\/addressbook\/\d+$/);
        seedPath = res.headers.get('location')!;
        const list = await ralf.post('/ralf/addressbook/', {
          '@type': 'CardGroup', uid: 'urn:uuid:dfa5cac5-987b-448b-85d7-6c8b529a835c', name: 'Example distribution list',
          members: { '5638-8623c4830472a8ede9f9f8b30d435ea4': true },
        });
        expect(list.status).toBe(201);
        expect(list.headers.get('location')).toMatch(/^\/ralf\/addressbook\/list-\d+$/);
        listPath = list.headers.get('location')!;
      });

      it('GET all entries of a user’s address book (000, 003): cards and the distribution list', async () => {
        const res = await ralf.get('/ralf/addressbook/', { Accept: 'application/pretty+json' });
        expect(res.status).toBe(200);
        expect(res.text).toContain('\n  "responses": {\n');
        const card = res.body.responses[seedPath];
        expect(card).toMatchObject({
          uid: '5638-8623c4830472a8ede9f9f8b30d435ea4', prodId: 'Almanac Addressbook',
          created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), updated: expect.stringMatching(/Z$/),
          name: SEED_CARD.name,
          organizations: SEED_CARD.organizations, emails: SEED_CARD.emails, phones: SEED_CARD.phones, online: SEED_CARD.online, notes: SEED_CARD.notes,
        });
        // Server-owned: the seed's prodId, created and updated were the reference's, not the client's to set.
        expect(card.created).not.toBe(SEED_CARD.created);
        // Seed 000 shows the older `{"value": …}` form; behaviour §5.1 and seed 003 write the string.
        expect(card.fullName).toBe('Default Tester');
        expect(res.body.responses[listPath]).toMatchObject({
          '@type': 'CardGroup', uid: 'urn:uuid:dfa5cac5-987b-448b-85d7-6c8b529a835c', name: 'Example distribution list',
          card: { '@type': 'Card', uid: 'urn:uuid:dfa5cac5-987b-448b-85d7-6c8b529a835c', prodId: 'Almanac Addressbook', updated: expect.any(String), fullName: 'Example distribution list' },
          members: { '5638-8623c4830472a8ede9f9f8b30d435ea4': true },
        });
        expect(Object.keys(res.body)).toEqual(['responses']);
      });

      it('GET just ETags and displaynames (000, 003)', async () => {
        const res = await ralf.get('/ralf/addressbook/?props[]=getetag&props[]=displayname', { Accept: 'application/pretty+json' });
        expect(res.status).toBe(200);
        // The seed's keys read "/addressbook/1833" for this request; keys start with the request's path (behaviour §3.1).
        expect(res.body.responses[seedPath]).toEqual({ getetag: `"${idOf(seedPath)}:1"`, displayname: 'Default Tester' });
        expect(res.body.responses[listPath]).toEqual({ getetag: `"${idOf(listPath).slice('list-'.length)}:1"`, displayname: 'Example distribution list' });
      });

      it('GET a single resource (000, 003) as JSContact, pretty-printed', async () => {
        const res = await ralf.get(`/addressbook/${idOf(seedPath)}`, { Accept: 'application/pretty+json' });
        expect(res.status).toBe(200);
        expect(res.text.startsWith('{\n  "@type": "Card",\n  "uid": "5638-8623c4830472a8ede9f9f8b30d435ea4",\n  "prodId": ')).toBe(true);
        expect(res.body).toMatchObject({ uid: '5638-8623c4830472a8ede9f9f8b30d435ea4', name: SEED_CARD.name, fullName: 'Default Tester' });
        const list = await ralf.get(`/ralf/addressbook/${idOf(listPath)}`);
        expect(mediaType(list)).toBe('application/jscontact+json;type=cardgroup;charset=utf-8');
      });

      it('GET the single resource showcasing the available fields (003)', async () => {
        const created = await ralf.post('/ralf/addressbook/', SEED_SHOWCASE);
        expect(created.status).toBe(201);
        const res = await ralf.get(`/addressbook/${idOf(created.headers.get('location'))}`, { Accept: 'application/pretty+json' });
        expect(res.status).toBe(200);
        const { prodId, created: c, updated, ...documented } = SEED_SHOWCASE;
        expect(res.body).toEqual({
          '@type': 'Card', prodId: 'Almanac Addressbook', created: expect.any(String), updated: expect.any(String),
          ...documented,
          // The profiles read the context `home` as RFC 9553's `private` (egroupware-behaviour.md §5.1) and write that.
          addresses: { ...documented.addresses, home: { ...documented.addresses.home, contexts: { private: true } } },
        });
        expect([prodId, c, updated]).toHaveLength(3);
      });

      it('POST with flat attributes (000, 003): the contact-form example, custom field included', async () => {
        const flat000 = {
          'name/personal': 'First', 'name/surname': 'Tester', 'organizations/org/name': 'Test Organization',
          'emails/work': 'test.user@test-user.org', 'addresses/work/locality': 'Test-Town', 'addresses/work/postcode': '12345',
          'addresses/work/street': 'Teststr. 123', 'phones/tel_work': '+49 123 4567890', 'online/url': 'https://www.example.org/',
        };
        const flat003 = {
          fullName: 'First Tester', ...flat000, 'addresses/work/country': 'Germany', 'addresses/work/countryCode': 'DE',
          'notes/note': 'This is a note.', 'egroupware.org:customfields/Test': 'Content for Test',
        };
        for (const body of [flat000, flat003]) {
          const res = await ralf.post('/ralf/addressbook/', body);
          expect(res.status).toBe(201);
          expect(res.headers.get('location')).toMatch(/^\/ralf\/addressbook\/\d+$/);
        }
        const id = idOf((await ralf.post('/ralf/addressbook/', flat003)).headers.get('location'));
        const got = (await ralf.get(`/ralf/addressbook/${id}`)).body;
        expect(got).toMatchObject({
          kind: 'individual', fullName: 'First Tester',
          name: [{ '@type': 'NameComponent', type: 'personal', value: 'First' }, { '@type': 'NameComponent', type: 'surname', value: 'Tester' }],
          organizations: { org: { '@type': 'Organization', name: 'Test Organization' } },
          emails: { work: { email: 'test.user@test-user.org', contexts: { work: true }, pref: 1 } },
          addresses: { work: { '@type': 'Address', locality: 'Test-Town', postcode: '12345', country: 'Germany', countryCode: 'DE', street: [{ '@type': 'StreetComponent', type: 'name', value: 'Teststr. 123' }], contexts: { work: true }, pref: 1 } },
          phones: { tel_work: { phone: '+49 123 4567890', features: { voice: true }, contexts: { work: true } } },
          online: { url: { '@type': 'Resource', resource: 'https://www.example.org/', type: 'uri', contexts: { work: true } } },
          'egroupware.org:customfields': { Test: { value: 'Content for Test', type: 'text', label: 'Test field' } },
        });
        expect(JSON.stringify(got.notes)).toContain('This is a note.');
      });

      it('PUT to update a resource (000, 003): 204, and the UID example upserts (201 with Location, then 204)', async () => {
        const put = await ralf.put(seedPath, { ...SEED_CARD, fullName: { value: 'Default Tester' }, organizations: { org: { name: 'changed.org' } } });
        expect(put.status).toBe(204);
        expect((await ralf.get(seedPath)).body.organizations).toEqual({ org: { '@type': 'Organization', name: 'changed.org' } });
        // "PUT request with UID": the contact exists (created above), so this is the update case.
        const existing = await ralf.put('/ralf/addressbook/5638-8623c4830472a8ede9f9f8b30d435ea4', SEED_CARD);
        expect(existing.status).toBe(204);
        const other = await user('seeduser');
        const created = await other.put('/seeduser/addressbook/5638-8623c4830472a8ede9f9f8b30d435ea4', SEED_CARD);
        expect(created.status).toBe(201);
        expect(created.headers.get('location')).toMatch(/^\/seeduser\/addressbook\/\d+$/);
        expect((await other.put('/seeduser/addressbook/5638-8623c4830472a8ede9f9f8b30d435ea4', SEED_CARD)).status).toBe(204);
      });

      it('PATCH with partial data (000, 003): 204, the rest unchanged', async () => {
        const res = await ralf.patch(seedPath, {
          name: [{ '@type': 'NameComponent', type: 'personal', value: 'Testfirst' }, { '@type': 'NameComponent', type: 'surname', value: 'Username' }],
          fullName: 'Testfirst Username', 'organizations/org/name': 'Test-User.org', 'emails/work/email': 'test.user@test-user.org',
        });
        expect(res.status).toBe(204);
        const got = (await ralf.get(seedPath)).body;
        expect(got).toMatchObject({
          name: [{ '@type': 'NameComponent', type: 'personal', value: 'Testfirst' }, { '@type': 'NameComponent', type: 'surname', value: 'Username' }],
          fullName: 'Testfirst Username', organizations: { org: { name: 'Test-User.org' } },
          emails: { work: { email: 'test.user@test-user.org', contexts: { work: true }, pref: 1 } },
          phones: SEED_CARD.phones, notes: SEED_CARD.notes,
        });
      });

      it('GET with a sync-token, in chunks of nresults, then only the changes since a token (000, 003)', async () => {
        const pager = await user('pager', 'Pager');
        for (let i = 0; i < 12; i++) await pager.post('/pager/addressbook/', { fullName: `Chunk ${String(i).padStart(2, '0')}` });
        const first = await pager.get('/addressbook/?sync-token=&nresults=10&props[]=displayname', { Accept: 'application/pretty+json' });
        expect(first.status).toBe(200);
        expect(Object.keys(first.body)).toEqual(['responses', 'more-results', 'sync-token']);
        expect(Object.keys(first.body.responses)).toHaveLength(10);
        expect(Object.keys(first.body.responses).every((k) => /^\/addressbook\/\d+$/.test(k))).toBe(true);
        expect(Object.values(first.body.responses).every((v) => typeof v === 'string')).toBe(true);
        expect(first.body['sync-token']).toMatch(new RegExp(`^${s.url}/addressbook/`));
        const seen = { ...first.body.responses };
        let token = first.body['sync-token'];
        for (let more = true; more;) {
          const next = await pager.get(`/addressbook/?sync-token=${encodeURIComponent(token)}&nresults=10&props[]=displayname`);
          expect(Object.keys(next.body.responses).length).toBeLessThanOrEqual(10);
          for (const key of Object.keys(next.body.responses)) expect(seen).not.toHaveProperty(key);
          Object.assign(seen, next.body.responses);
          token = next.body['sync-token'];
          more = next.body['more-results'] === true;
        }
        // The pager's 12 contacts, and the accounts directory, which `/addressbook/` includes (behaviour §1.2).
        expect(Object.values(seen).filter((v) => String(v).startsWith('Chunk'))).toHaveLength(12);
        expect(Object.values(seen)).toEqual(expect.arrayContaining(['Pager', 'Ralf Becker']));
        const keys = Object.entries(seen).filter(([, v]) => String(v).startsWith('Chunk')).map(([k]) => k);
        expect((await pager.delete(keys[0]!)).status).toBe(204);
        expect((await pager.patch(keys[1]!, { fullName: 'Chunk changed' })).status).toBe(204);
        const changes = await pager.get(`/addressbook/?sync-token=${encodeURIComponent(token)}`, { Accept: 'application/pretty+json' });
        expect(changes.body.responses).toEqual({ [keys[0]!]: null, [keys[1]!]: expect.objectContaining({ '@type': 'Card', fullName: 'Chunk changed' }) });
        expect(changes.body['sync-token']).toMatch(new RegExp(`^${s.url}/addressbook/`));
      });

      it('DELETE deletes single resources (000, 003), distribution lists too', async () => {
        const path = (await ralf.post('/ralf/addressbook/', { fullName: 'To Delete' })).headers.get('location')!;
        expect((await ralf.delete(path)).status).toBe(204);
        expect((await ralf.get(path)).status).toBe(404);
        const token = (await ralf.get('/ralf/addressbook/?sync-token=')).body['sync-token'];
        expect((await ralf.delete(listPath)).status).toBe(204);
        expect((await ralf.get(`/ralf/addressbook/?sync-token=${encodeURIComponent(token)}`)).body.responses).toEqual({ [listPath]: null });
      });
    });

    describe('behaviour §8 checks 2–8', () => {
      let path: string;
      let etag: string;

      it('2: creates a contact from flat attributes: 201, numeric Location, ETag "<n>:<rev>"', async () => {
        const res = await ralf.post('/ralf/addressbook/', { fullName: 'First Tester', 'name/given': 'First', 'name/surname': 'Tester', 'emails/work': 't@ex.org', 'phones/tel_work': '+49 1' });
        expect(res.status).toBe(201);
        expect(res.headers.get('location')).toMatch(/^\/ralf\/addressbook\/\d+$/);
        path = res.headers.get('location')!;
        etag = res.headers.get('etag')!;
        expect(etag).toBe(`"${idOf(path)}:1"`);
        expect(res.text).toBe('');
      });

      it('3: reads it back in the reference’s shape with its media type and ETag', async () => {
        const res = await ralf.get(path);
        expect(res.status).toBe(200);
        expect(mediaType(res)).toBe('application/jscontact+json;type=card;charset=utf-8');
        expect(res.headers.get('etag')).toBe(etag);
        expect(res.body).toMatchObject({
          '@type': 'Card', uid: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/), kind: 'individual', fullName: 'First Tester',
          emails: { work: { '@type': 'EmailAddress', email: 't@ex.org', pref: 1 } },
          phones: { tel_work: { '@type': 'Phone', phone: '+49 1', features: { voice: true }, contexts: { work: true } } },
        });
        expect(res.body.name).toEqual(expect.arrayContaining([
          { '@type': 'NameComponent', type: 'personal', value: 'First' }, { '@type': 'NameComponent', type: 'surname', value: 'Tester' },
        ]));
        // Behaviour §8 check 3 names the given name "given"; the seeds and the egroupware profile write "personal".
        const listed = await ralf.get('/ralf/addressbook/?props[]=getetag');
        expect(listed.body.responses[path]).toBe(etag);
      });

      it('4: lists the envelope with props as an object, or a bare value for one prop', async () => {
        const res = await ralf.get('/ralf/addressbook/?props[]=getetag&props[]=displayname');
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(res.body.responses[path]).toEqual({ getetag: etag, displayname: 'First Tester' });
        expect((await ralf.get('/ralf/addressbook/?props[]=displayname')).body.responses[path]).toBe('First Tester');
      });

      it('5: pages an initial sync of 4 contacts in creation order, without gaps or repeats', async () => {
        // The reference needs entries a second apart (timestamp tokens); change numbers do not.
        const syncer = await user('syncer');
        const created: string[] = [];
        for (let i = 0; i < 4; i++) created.push((await syncer.post('/syncer/addressbook/', { fullName: `Sync ${i}` })).headers.get('location')!);
        const seen: string[] = [];
        let token = '';
        for (let page = 0; page < 10; page++) {
          const res = await syncer.get(`/syncer/addressbook/?sync-token=${encodeURIComponent(token)}&nresults=2`);
          expect(res.status).toBe(200);
          expect(Object.keys(res.body.responses).length).toBeLessThanOrEqual(2);
          expect(res.body['sync-token']).toMatch(new RegExp(`^${s.url}/syncer/addressbook/\\d+$`));
          seen.push(...Object.keys(res.body.responses));
          token = res.body['sync-token'];
          if (!res.body['more-results']) break;
          expect(res.body['more-results']).toBe(true);
        }
        expect(seen).toEqual(created);
      });

      it('6: reports a deletion as null in the next sync, then 404', async () => {
        const doomed = (await ralf.post('/ralf/addressbook/', { fullName: 'Doomed Contact' })).headers.get('location')!;
        const token = (await ralf.get('/ralf/addressbook/?sync-token=')).body['sync-token'];
        expect((await ralf.delete(doomed)).status).toBe(204);
        const sync = await ralf.get(`/ralf/addressbook/?sync-token=${encodeURIComponent(token)}`);
        expect(sync.body.responses).toEqual({ [doomed]: null });
        expect((await ralf.get(doomed)).status).toBe(404);
        expect((await ralf.delete(doomed)).status).toBe(404);
      });

      it('7: patches with path keys and null; 404 for a missing contact; 422 for a missing parent under the strict type', async () => {
        const before = (await ralf.get(path)).body;
        const res = await ralf.patch(path, { 'organizations/org/name': 'ACME', 'phones/tel_work': null });
        expect(res.status).toBe(204);
        expect(res.headers.get('etag')).not.toBe(etag);
        const after = (await ralf.get(path)).body;
        expect(after.organizations.org.name).toBe('ACME');
        expect(after.phones).toBeUndefined();
        expect(after).toMatchObject({ uid: before.uid, name: before.name, fullName: before.fullName, emails: before.emails, kind: 'individual' });
        expect((await ralf.patch('/ralf/addressbook/999999', { fullName: 'x' })).status).toBe(404);
        const strict = await ralf.patch(path, { 'nonexistent/child': 'x' }, { 'Content-Type': 'application/jscontact+json' });
        expect(strict.status).toBe(422);
        expect(strict.body).toMatchObject({ error: 422, message: expect.any(String) });
      });

      it('8: upserts by PUT to a UID: 201 with the numeric Location, then 204', async () => {
        const body = { uid: 'test-uid-000000000001', fullName: 'Upsert Tester', emails: { work: 'u@ex.org' } };
        const first = await ralf.put('/ralf/addressbook/test-uid-000000000001', body);
        expect(first.status).toBe(201);
        expect(first.headers.get('location')).toMatch(/^\/ralf\/addressbook\/\d+$/);
        const second = await ralf.put('/ralf/addressbook/test-uid-000000000001', { ...body, fullName: 'Upsert Tester 2' });
        expect(second.status).toBe(204);
        // Behaviour §3.5: the canonical URL comes back when the PUT named the contact by UID.
        expect(second.headers.get('location')).toBe(first.headers.get('location'));
        expect((await ralf.get(first.headers.get('location')!)).body.fullName).toBe('Upsert Tester 2');
      });
    });

    describe('profiles and strict input', () => {
      it('answers in RFC 9553 for Accept: application/json;profile=rfc, and reads RFC 9553 bodies', async () => {
        const path = (await ralf.post('/ralf/addressbook/', { fullName: 'Rfc Person', emails: { work: 'rfc@ex.org' }, phones: { tel_cell: '+49 2' } })).headers.get('location')!;
        const res = await ralf.get(path, { Accept: 'application/json;profile=rfc' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          '@type': 'Card', version: '1.0', kind: 'individual',
          name: { full: 'Rfc Person', components: [{ kind: 'given', value: 'Rfc' }, { kind: 'surname', value: 'Person' }] },
          emails: { work: { address: 'rfc@ex.org', contexts: { work: true }, pref: 1 } },
          phones: { tel_cell: { number: '+49 2', features: { mobile: true }, contexts: { work: true } } },
        });
        expect(res.body).not.toHaveProperty('fullName');
        const rfc = {
          '@type': 'Card', version: '1.0', uid: 'urn:uuid:6f0c3b0e-1c5f-4f43-9a43-bb7c4b0e4a11',
          name: { components: [{ kind: 'given', value: 'Jane' }, { kind: 'surname', value: 'Doe' }] },
          emails: { e1: { address: 'jane@example.com' } }, keywords: { friends: true }, 'example.com:extra': { kept: true },
        };
        const created = await ralf.post('/ralf/addressbook/', rfc, { 'Content-Type': 'application/jscontact+json' });
        expect(created.status).toBe(201);
        const back = await ralf.get(created.headers.get('location')!, { Accept: 'application/json;profile=rfc' });
        expect(back.body).toMatchObject({ ...rfc, kind: 'individual' });
        expect((await ralf.get(created.headers.get('location')!)).body).toMatchObject({ categories: { friends: true }, emails: { e1: { email: 'jane@example.com' } } });
      });

      it('refuses under application/jscontact+json what the relaxed type accepts, with JSON pointers', async () => {
        const strict = { 'Content-Type': 'application/jscontact+json' };
        const untyped = await ralf.post('/ralf/addressbook/', { uid: 'strict-uid-00000001', name: [{ type: 'personal', value: 'A' }] }, strict);
        expect(untyped.status).toBe(422);
        expect(untyped.body).toMatchObject({ error: 422, message: expect.stringMatching(/^Error parsing JsContact Card attribute/), details: expect.arrayContaining([{ path: '/name/0/@type', message: 'is required' }]) });
        const flat = await ralf.post('/ralf/addressbook/', { uid: 'strict-uid-00000002', 'name/personal': 'A' }, strict);
        expect(flat.status).toBe(422);
        expect(flat.body.details).toEqual([expect.objectContaining({ path: '/name~1personal' })]);
        const short = await ralf.post('/ralf/addressbook/', { '@type': 'Card', uid: 'short', fullName: 'A' }, strict);
        expect(short.status).toBe(422);
        expect(short.body.details).toEqual([expect.objectContaining({ path: '/uid' })]);
        const relaxed = await ralf.post('/ralf/addressbook/', { name: [{ type: 'personal', value: 'A' }], emails: { work: 'a@b.c' } });
        expect(relaxed.status).toBe(201);
        const broken = await ralf.post('/ralf/addressbook/', '{"fullName":"x",');
        expect(broken.status).toBe(422);
        expect(broken.body).toMatchObject({ error: 422, message: expect.stringMatching(/^Error parsing JSON/) });
      });

      it('keeps server-owned fields on PUT, keeps the uid without one, and refuses another uid', async () => {
        const created = await ralf.post('/ralf/addressbook/', { uid: 'owned-uid-000000001', fullName: 'Owned Fields', 'egroupware.org:private': true });
        const path = created.headers.get('location')!;
        const before = (await ralf.get(path)).body;
        await new Promise((r) => setTimeout(r, 1100));
        const put = await ralf.put(path, { fullName: 'Owned Fields 2', created: '2001-01-01T00:00:00Z', prodId: 'Someone Else', updated: '2001-01-01T00:00:00Z' });
        expect(put.status).toBe(204);
        const after = (await ralf.get(path)).body;
        expect(after).toMatchObject({ uid: 'owned-uid-000000001', created: before.created, prodId: 'Almanac Addressbook', fullName: 'Owned Fields 2', 'egroupware.org:private': true });
        expect(after.updated > before.updated).toBe(true);
        const other = await ralf.put(path, { uid: 'different-uid-0001', fullName: 'x' });
        expect(other.status).toBe(422);
        expect(other.body.details).toEqual([{ path: '/uid', message: 'must not change the UID (it is owned-uid-000000001)' }]);
        const list = await ralf.put(path, { '@type': 'CardGroup', name: 'now a list', members: {} });
        expect(list.status).toBe(422);
        expect(list.body.details).toEqual([{ path: '/kind', message: 'a contact cannot become a distribution list' }]);
      });

      it('answers Prefer: return=representation with the resource, Content-Location and its media type', async () => {
        const res = await ralf.post('/ralf/addressbook/', { fullName: 'Prefer Me' }, { Prefer: 'return=representation' });
        expect(res.status).toBe(201);
        expect(res.headers.get('content-location')).toBe(`${s.url}${res.headers.get('location')}`);
        expect(mediaType(res)).toBe('application/jscontact+json;type=card;charset=utf-8');
        expect(res.body).toMatchObject({ '@type': 'Card', fullName: 'Prefer Me', kind: 'individual' });
        const put = await ralf.put(res.headers.get('location')!, { fullName: 'Prefer Me 2' }, { Prefer: 'return=representation' });
        expect(put).toMatchObject({ status: 200, body: { fullName: 'Prefer Me 2' } });
        const stale = await ralf.patch(res.headers.get('location')!, { fullName: 'x' }, { 'If-Match': '"1:1"', Prefer: 'return=representation' });
        expect(stale).toMatchObject({ status: 412, body: { fullName: 'Prefer Me 2' } });
        expect((await ralf.get(res.headers.get('location')!, { 'If-None-Match': put.headers.get('etag')! })).status).toBe(304);
      });
    });

    describe('distribution lists, photos, categories, custom fields and filters', () => {
      it('keeps list members to contacts of the same address book, and lists stay lists', async () => {
        const member = (await ralf.post('/ralf/addressbook/', { uid: 'urn:uuid:0b6e4d4e-0d3e-4e0b-9f50-6b5c2e7a0001', fullName: 'List Member' })).headers.get('location')!;
        const elsewhere = await user('elsewhere');
        await elsewhere.post('/elsewhere/addressbook/', { uid: 'elsewhere-uid-0000001', fullName: 'Not Here' });
        const bad = await ralf.post('/ralf/addressbook/', { '@type': 'CardGroup', uid: 'list-uid-bad-000001', name: 'Bad', members: { 'elsewhere-uid-0000001': true } });
        expect(bad.status).toBe(422);
        expect(bad.body.details).toEqual([{ path: '/members/elsewhere-uid-0000001', message: 'is not a contact of this address book' }]);
        // Members named with or without urn:uuid: are the same contact (behaviour §5.2).
        const list = await ralf.post('/ralf/addressbook/', { '@type': 'CardGroup', uid: 'list-uid-good-00001', name: 'Good', members: { '0b6e4d4e-0d3e-4e0b-9f50-6b5c2e7a0001': true } }, { Prefer: 'return=representation' });
        expect(list.status).toBe(201);
        expect(mediaType(list)).toBe('application/jscontact+json;type=cardgroup;charset=utf-8');
        expect(list.body).toMatchObject({ '@type': 'CardGroup', name: 'Good', members: { 'urn:uuid:0b6e4d4e-0d3e-4e0b-9f50-6b5c2e7a0001': true } });
        const listPath = list.headers.get('location')!;
        expect((await ralf.put(listPath, { fullName: 'now a contact' })).status).toBe(422);
        expect((await ralf.patch(listPath, { name: 'Renamed' })).status).toBe(204);
        expect((await ralf.get(listPath)).body).toMatchObject({ name: 'Renamed', card: { fullName: 'Renamed' } });
        expect((await ralf.patch(listPath, { 'card/fullName': 'Renamed again' })).status).toBe(204);
        expect((await ralf.get(listPath)).body).toMatchObject({ name: 'Renamed again', members: { 'urn:uuid:0b6e4d4e-0d3e-4e0b-9f50-6b5c2e7a0001': true } });
        expect((await ralf.get(`/ralf/addressbook/${idOf(listPath).slice('list-'.length)}`)).status).toBe(200);
        expect(member).toMatch(/\d+$/);
      });

      it('stores photos sent as data: URIs and returns them; refuses a malformed one', async () => {
        const res = await ralf.post('/ralf/addressbook/', { fullName: 'Photo Person', photos: { photo: { '@type': 'File', href: PNG } } });
        expect(res.status).toBe(201);
        const got = await ralf.get(res.headers.get('location')!);
        expect(got.body.photos).toEqual({ photo: { '@type': 'File', href: PNG, mediaType: 'image/png' } });
        const rfc = await ralf.get(res.headers.get('location')!, { Accept: 'application/json;profile=rfc' });
        expect(rfc.body.media).toEqual({ photo: { kind: 'photo', uri: PNG, mediaType: 'image/png' } });
        const changed = await ralf.patch(res.headers.get('location')!, { 'photos/photo/href': 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==' });
        expect(changed.status).toBe(204);
        expect((await ralf.get(res.headers.get('location')!)).body.photos.photo.href).toBe('data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==');
        const bad = await ralf.post('/ralf/addressbook/', { fullName: 'Bad Photo', photos: { photo: { href: 'data:text/html;base64,PGI+' } } });
        expect(bad.status).toBe(422);
        expect(bad.body.details).toEqual([{ path: '/photos/photo/href', message: 'a photo must be an image/* data: URI' }]);
      });

      it('keeps categories and custom fields, refusing unknown custom fields', async () => {
        const res = await ralf.post('/ralf/addressbook/', { fullName: 'Cat Person', categories: { Kategorie: true, 'My Contacts': true }, 'egroupware.org:customfields': { Test: 'cf value' } });
        expect(res.status).toBe(201);
        expect((await ralf.get(res.headers.get('location')!)).body).toMatchObject({
          categories: { Kategorie: true, 'My Contacts': true }, 'egroupware.org:customfields': { Test: { value: 'cf value', type: 'text', label: 'Test field' } },
        });
        const unknown = await ralf.post('/ralf/addressbook/', { fullName: 'x', 'egroupware.org:customfields': { Nope: 'x' } });
        expect(unknown.status).toBe(422);
        expect(unknown.body.details).toEqual([{ path: '/egroupware.org:customfields/Nope', message: "unknown custom field 'Nope'" }]);
        // When the member comes, fields missing from it are cleared (behaviour §5); a PUT without it keeps them.
        expect((await ralf.put(res.headers.get('location')!, { fullName: 'Cat Person' })).status).toBe(204);
        expect((await ralf.get(res.headers.get('location')!)).body['egroupware.org:customfields']).toMatchObject({ Test: { value: 'cf value' } });
        expect((await ralf.patch(res.headers.get('location')!, { 'egroupware.org:customfields/Test': null })).status).toBe(204);
        expect((await ralf.get(res.headers.get('location')!)).body).not.toHaveProperty('egroupware.org:customfields');
      });

      it('filters by search, custom field and the reference’s column names, refusing others', async () => {
        const filterer = await user('filterer');
        await filterer.post('/filterer/addressbook/', SEED_SHOWCASE);
        await filterer.post('/filterer/addressbook/', { fullName: 'Other Person', organizations: { org: { name: 'Elsewhere Inc' } }, 'egroupware.org:customfields': { Test: 'needle' }, categories: { Other: true } });
        const names = async (q: string) => {
          const res = await filterer.get(`/filterer/addressbook/?props[]=displayname&${q}`);
          expect([q, res.status]).toEqual([q, 200]);
          return Object.values(res.body.responses);
        };
        const showcase = 'Prefix/Title Frist Middle Last Postfix';
        expect(await names('filters[search]=rheinland')).toEqual([showcase]);
        expect(await names('filters[search][%23Test]=needle')).toEqual(['Other Person']);
        expect(await names('filters[org_name]=Organisation')).toEqual([showcase]);
        expect(await names('filters[n_family]=Last')).toEqual([showcase]);
        expect(await names('filters[n_given]=Frist')).toEqual([showcase]);
        expect(await names('filters[contact_email]=email%40example.org')).toEqual([showcase]);
        expect(await names('filters[email_home]=private.email%40example.org')).toEqual([showcase]);
        expect(await names('filters[tel_work]=%2B1(234)5678901')).toEqual([showcase]);
        expect(await names('filters[adr_one_locality]=City')).toEqual([showcase]);
        expect(await names('filters[adr_two_locality]=PrivateCity')).toEqual([showcase]);
        expect(await names('filters[adr_one_street2]=Street2')).toEqual([showcase]);
        expect(await names('filters[cat_id]=Kategorie')).toEqual([showcase]);
        expect(await names('filters[cat_id]=Other')).toEqual(['Other Person']);
        expect(await names('filters[n_family]=Nobody')).toEqual([]);
        expect(await names('filters[0]=ignored&filters[org_name]=Elsewhere%20Inc')).toEqual(['Other Person']);
        for (const q of ['filters[contact_owner]=5', 'filters[n_family][x]=y', 'filters[almanac:columns]=x']) {
          const bad = await filterer.get(`/filterer/addressbook/?${q}`);
          expect([q, bad.status]).toEqual([q, 422]);
          expect(bad.body.message).toMatch(/unknown filter/);
        }
      });
    });

    describe('the accounts directory (/addressbook-accounts/)', () => {
      it('lists every account as a read-only contact, under / and under the user’s home', async () => {
        const reader = await user('reader', 'Rita Reader', 'rita@example.org');
        for (const href of ['/addressbook-accounts/', '/reader/addressbook-accounts/']) {
          const res = await reader.get(href);
          expect(res.status).toBe(200);
          const cards = Object.entries(res.body.responses as Record<string, { fullName: string; emails?: unknown }>);
          expect(cards.every(([k]) => k.startsWith(href))).toBe(true);
          expect(cards.map(([, c]) => c.fullName)).toEqual(expect.arrayContaining(['Administrator', 'Ralf Becker', 'Rita Reader']));
          expect(cards.find(([, c]) => c.fullName === 'Rita Reader')![1]).toMatchObject({
            '@type': 'Card', kind: 'individual', emails: { work: { email: 'rita@example.org', pref: 1 } },
            name: [{ '@type': 'NameComponent', type: 'personal', value: 'Rita' }, { '@type': 'NameComponent', type: 'surname', value: 'Reader' }],
          });
        }
        const [path] = Object.keys((await reader.get('/addressbook-accounts/?filters[email]=ralf%40example.org')).body.responses);
        expect(path).toMatch(/^\/addressbook-accounts\/\d+$/);
        expect((await reader.get(path!)).body.fullName).toBe('Ralf Becker');
        expect((await reader.get(`/reader/addressbook-accounts/${idOf(path!)}`)).status).toBe(200);
        // Accounts cannot be created, changed or deleted through the API, not even by admins (behaviour §4.3).
        const adminClient = client(s.url, 'admin', 'admin-password');
        for (const who of [reader, adminClient]) {
          expect((await who.post('/addressbook-accounts/', { fullName: 'Fake Account' })).status).toBe(403);
          expect((await who.put(path!, { fullName: 'Renamed' })).status).toBe(403);
          expect((await who.patch(path!, { fullName: 'Renamed' })).status).toBe(403);
          expect((await who.delete(path!)).status).toBe(403);
          expect((await who.put('/addressbook-accounts/new-account-00001', { fullName: 'x' })).status).toBe(403);
        }
        // `/addressbook/` shows every address book the user may read, the accounts included.
        const union = Object.values((await reader.get('/addressbook/?props[]=displayname')).body.responses);
        expect(union).toEqual(expect.arrayContaining(['Rita Reader', 'Ralf Becker']));
      });

      it('syncs like any collection: new, renamed and removed accounts', async () => {
        const watcher = await user('watcher', 'Wanda Watcher');
        const first = await watcher.get('/addressbook-accounts/?sync-token=&props[]=displayname');
        expect(first.status).toBe(200);
        expect(first.body['sync-token']).toMatch(new RegExp(`^${s.url}/addressbook-accounts/\\d+$`));
        let token = first.body['sync-token'];
        const sync = async () => {
          const res = await watcher.get(`/addressbook-accounts/?sync-token=${encodeURIComponent(token)}&props[]=displayname`);
          expect(res.status).toBe(200);
          token = res.body['sync-token'];
          return res.body.responses as Record<string, string | null>;
        };
        expect(await sync()).toEqual({});
        await user('newcomer', 'Nora Newcomer');
        const added = await sync();
        expect(Object.values(added)).toEqual(['Nora Newcomer']);
        const newcomer = (await s.running.services.admin.repos.users.getByLogin('newcomer'))!;
        await s.running.services.admin.repos.users.update(newcomer.id, { fullName: 'Nora Renamed' });
        expect(await sync()).toEqual({ [Object.keys(added)[0]!]: 'Nora Renamed' });
        await deleteUser(s.running.services.admin, 'newcomer');
        expect(await sync()).toEqual({ [Object.keys(added)[0]!]: null });
        expect(await sync()).toEqual({});
        expect((await watcher.get(Object.keys(added)[0]!)).status).toBe(404);
      });
    });

    describe('permissions', () => {
      it('keeps another user out without a grant, without telling what exists, and lets each right grant only itself', async () => {
        const owner = await user('owner', 'Olga Owner');
        const intruder = await user('intruder');
        const path = (await owner.post('/owner/addressbook/', { uid: 'secret-contact-0001', fullName: 'Secret Contact' })).headers.get('location')!;
        const mine = (await intruder.post('/intruder/addressbook/', { fullName: 'Mine' })).headers.get('location')!;
        const probe = async () => ({
          list: (await intruder.get('/owner/addressbook/')).status,
          sync: (await intruder.get('/owner/addressbook/?sync-token=')).status,
          read: (await intruder.get(path)).status,
          byUid: (await intruder.get('/owner/addressbook/secret-contact-0001')).status,
          post: (await intruder.post('/owner/addressbook/', { fullName: 'Planted' })).status,
          put: (await intruder.put(path, { fullName: 'Hacked' })).status,
          patch: (await intruder.patch(path, { fullName: 'Hacked' })).status,
          links: (await intruder.get(`/addressbook/${idOf(path)}/links/`)).status,
          link: (await intruder.post(`/addressbook/${idOf(path)}/links/`, { toApp: 'addressbook', toId: Number(idOf(mine)) })).status,
          linkTo: (await intruder.post(`/addressbook/${idOf(mine)}/links/`, { toApp: 'addressbook', toId: Number(idOf(path)) })).status,
        });
        // A contact the intruder may not read answers exactly as a missing one (DECISIONS.md).
        const missing = { read: (await intruder.get('/owner/addressbook/999999')).status, byUid: (await intruder.get('/owner/addressbook/no-such-uid-0001')).status };
        expect(missing).toEqual({ read: 404, byUid: 404 });
        expect(await probe()).toEqual({ list: 403, sync: 403, read: 404, byUid: 404, post: 403, put: 404, patch: 404, links: 404, link: 404, linkTo: 422 });
        expect((await intruder.delete(path)).status).toBe(404);
        const union = Object.values((await intruder.get('/addressbook/?props[]=displayname')).body.responses);
        expect(union).not.toContain('Secret Contact');
        const grant = (...rights: string[]) => setGrant(s.running.services.admin, 'owner', 'intruder', 'addressbook', parseRights(rights));

        await grant('read');
        expect(await probe()).toMatchObject({ list: 200, sync: 200, read: 200, byUid: 200, post: 403, put: 403, patch: 403, links: 200, link: 403, linkTo: 201 });
        expect((await intruder.delete(path)).status).toBe(403);
        expect(Object.values((await intruder.get('/addressbook/?props[]=displayname')).body.responses)).toContain('Secret Contact');
        await grant('add');
        expect(await probe()).toMatchObject({ list: 403, read: 404, post: 201, put: 404 });
        await grant('read', 'edit');
        expect(await probe()).toMatchObject({ put: 204, patch: 204, post: 403, link: 201 });
        expect((await intruder.delete(path)).status).toBe(403);
        await grant('read', 'delete');
        expect(await probe()).toMatchObject({ put: 403, post: 403 });
        expect((await intruder.delete(path)).status).toBe(204);
        expect((await owner.get(path)).status).toBe(404);
      });

      it('serves a shared address book as /<me>/addressbook-<other>/ and /addressbook/ creates in the user’s own', async () => {
        const sharer = await user('sharer', 'Sam Sharer');
        const guest = await user('guest');
        const path = (await sharer.post('/sharer/addressbook/', { fullName: 'Shared Contact' })).headers.get('location')!;
        expect((await guest.get('/guest/addressbook-sharer/')).status).toBe(403);
        await setGrant(s.running.services.admin, 'sharer', 'guest', 'addressbook', parseRights(['read', 'add']));
        const shared = await guest.get('/guest/addressbook-sharer/?props[]=displayname');
        expect(shared.body.responses).toEqual({ [`/guest/addressbook-sharer/${idOf(path)}`]: 'Shared Contact' });
        const added = await guest.post('/guest/addressbook-sharer/', { fullName: 'Added By Guest' });
        expect(added.headers.get('location')).toMatch(/^\/guest\/addressbook-sharer\/\d+$/);
        expect(Object.values((await sharer.get('/sharer/addressbook/?props[]=displayname')).body.responses)).toContain('Added By Guest');
        const own = await guest.post('/addressbook/', { fullName: 'Guest Own' });
        expect(own.status).toBe(201);
        expect(own.headers.get('location')).toMatch(/^\/addressbook\/\d+$/);
        expect((await guest.get(`/guest/addressbook/${idOf(own.headers.get('location'))}`)).body.fullName).toBe('Guest Own');
        const head = await guest.head(`/guest/addressbook-sharer/${idOf(path)}`);
        expect(head).toMatchObject({ status: 200, text: '' });
        expect(head.headers.get('etag')).toMatch(/^"\d+:1"$/);
      });

      it('shows a private contact to grantees only with the PRIVATE right', async () => {
        const keeper = await user('keeper');
        const friend = await user('friend');
        const path = (await keeper.post('/keeper/addressbook/', { fullName: 'Private Person', 'egroupware.org:private': true })).headers.get('location')!;
        const open = (await keeper.post('/keeper/addressbook/', { fullName: 'Public Person' })).headers.get('location')!;
        await setGrant(s.running.services.admin, 'keeper', 'friend', 'addressbook', parseRights(['read', 'edit', 'delete']));
        const token = (await friend.get('/keeper/addressbook/?sync-token=')).body['sync-token'];
        expect(Object.values((await friend.get('/keeper/addressbook/?props[]=displayname')).body.responses)).toEqual(['Public Person']);
        expect((await friend.get(path)).status).toBe(404);
        expect((await friend.put(path, { fullName: 'x' })).status).toBe(404);
        expect((await friend.delete(path)).status).toBe(404);
        await setGrant(s.running.services.admin, 'keeper', 'friend', 'addressbook', parseRights(['read', 'edit', 'delete', 'private']));
        expect(Object.values((await friend.get('/keeper/addressbook/?props[]=displayname')).body.responses).sort()).toEqual(['Private Person', 'Public Person']);
        expect((await friend.get(path)).body).toMatchObject({ fullName: 'Private Person', 'egroupware.org:private': true });
        // Making it private later hides it from those without PRIVATE, and their next sync drops it.
        await setGrant(s.running.services.admin, 'keeper', 'friend', 'addressbook', parseRights(['read']));
        expect((await keeper.patch(open, { 'egroupware.org:private': true })).status).toBe(204);
        const sync = await friend.get(`/keeper/addressbook/?sync-token=${encodeURIComponent(token)}`);
        expect(sync.body.responses).toEqual({ [open]: null });
      });
    });

    it('lets a concurrent syncing reader end with exactly the server’s state', async () => {
      const busy = await user('busy');
      let writing = true;
      const writer = async (w: number) => {
        const mine: string[] = [];
        for (let i = 0; i < 10; i++) {
          if (i % 4 === 3 && mine.length) expect((await busy.delete(mine.shift()!)).status).toBe(204);
          else if (i % 4 === 2 && mine.length) expect((await busy.patch(mine[0]!, { fullName: `w${w} e${i}` })).status).toBe(204);
          else mine.push((await busy.post('/busy/addressbook/', { fullName: `w${w} i${i}`, 'emails/work': `w${w}i${i}@ex.org` })).headers.get('location')!);
        }
      };
      const reader = async () => {
        const state = new Map<string, string>();
        const delivered: string[] = [];
        let token = '';
        for (;;) {
          const last = !writing;
          const res = await busy.get(`/busy/addressbook/?sync-token=${encodeURIComponent(token)}&nresults=3&props[]=getetag`);
          expect(res.status).toBe(200);
          for (const [key, etag] of Object.entries(res.body.responses as Record<string, string | null>)) {
            delivered.push(`${key} ${etag}`);
            if (etag === null) state.delete(key); else state.set(key, etag);
          }
          token = res.body['sync-token'];
          if (last && !res.body['more-results']) return { state, delivered };
        }
      };
      const reading = reader();
      await Promise.all([0, 1, 2, 3].map(writer));
      writing = false;
      const { state, delivered } = await reading;
      const truth = (await busy.get('/busy/addressbook/?props[]=getetag')).body.responses;
      expect(Object.fromEntries(state)).toEqual(truth);
      // Each writer creates six contacts and deletes two.
      expect(Object.keys(truth)).toHaveLength(4 * 4);
      expect(new Set(delivered).size).toBe(delivered.length);
    });
  });
}
