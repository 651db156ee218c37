import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser } from '@almanac/accounts';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { ADDRESS_DATA, addressDataByHref, CARDDAV, lineOf, linesOf, vcardOf } from './carddav-support.js';
import { type DavClient, davClient, fixture, namesIn, readMultistatus } from './dav-support.js';
import { type Client, client, startTestServer, type TestServer } from './support.js';

// Raw-protocol tests of the address book flows of Apple Contacts, Thunderbird (built-in and
// CardBook) and DAVx5, written from RFC 6352/6578 and the requests these clients are documented
// to send: their prefixes and default namespaces, Depth: 1 sync-collection, getetag-only syncs
// followed by multiget, If-None-Match: * creates and If-Match updates, their vCard dialects.

const CS = 'http://calendarserver.org/ns/';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const etagsOf = (text: string) => Object.fromEntries(readMultistatus(text).responses.map((r) => [r.href, r.status === 404 ? 404 : r.ok['{DAV:}getetag']?.text]));

for (const kind of testStoreKinds()) {
  describe(`CardDAV clients (${kind})`, () => {
    let s: TestServer;
    let dav: DavClient;
    let rest: Client;
    beforeAll(async () => {
      s = await startTestServer(kind);
      await addUser(s.running.services.admin, { login: 'carol', password: 'carol-password', fullName: 'Carol Client', email: 'carol@example.org' });
      dav = davClient(s.url, 'carol', 'carol-password');
      rest = client(s.url, 'carol', 'carol-password');
    });
    afterAll(async () => { await s.cleanup(); });

    describe('Apple Contacts (macOS / iOS AddressBook)', () => {
      const uid = '5C5E8A3B-1F2D-4E6A-9B7C-0D1E2F3A4B5C';
      const href = `/carol/addressbook/${uid}.vcf`;
      const card = vcardOf('3.0', 'PRODID:-//Apple Inc.//macOS 14.4.1//EN', 'N:Appleseed;Johnny;;;', 'FN:Johnny Appleseed', 'ORG:Apple Inc.;',
        'item1.EMAIL;type=INTERNET;type=pref:johnny@example.com', 'item1.X-ABLabel:_$!<Other>!$_', 'TEL;type=CELL;type=VOICE;type=pref:+1 408 555 0100',
        'item2.ADR;type=HOME;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;United States', 'item2.X-ABADR:us', 'BDAY:1980-02-24',
        `PHOTO;ENCODING=b;TYPE=PNG:${PNG}`, `UID:${uid}`, `X-ABUID:${uid}:ABPerson`, 'REV:2024-05-01T10:00:00Z');
      let token = '';
      let etag = '';

      it('reads the address book properties it polls, under its A: prefix for DAV:', async () => {
        const body = `<?xml version="1.0" encoding="UTF-8"?><A:propfind xmlns:A="DAV:"><A:prop><B:getctag xmlns:B="${CS}"/><A:sync-token/><A:supported-report-set/><A:current-user-privilege-set/><A:resourcetype/><A:displayname/><C:max-image-size xmlns:C="${CARDDAV}"/><A:add-member/></A:prop></A:propfind>`;
        const res = await dav('PROPFIND', '/carol/addressbook/', body, { Depth: '0', 'User-Agent': 'Mac OS X/14.4.1 (23E224) AddressBook/2487.500.31' });
        expect(res.status).toBe(207);
        const props = readMultistatus(res.text).responses[0]!.ok;
        expect(namesIn(props['{DAV:}resourcetype'])).toContain(`{${CARDDAV}}addressbook`);
        expect(namesIn(props['{DAV:}current-user-privilege-set'])).toEqual(expect.arrayContaining(['{DAV:}read', '{DAV:}write']));
        expect(props[`{${CS}}getctag`]!.text).toBe(props['{DAV:}sync-token']!.text);
        token = props['{DAV:}sync-token']!.text;
      });

      it('creates with If-None-Match: *, syncs etags only, then fetches the card with multiget as it was sent', async () => {
        const put = await dav('PUT', href, card, { 'Content-Type': 'text/vcard', 'If-None-Match': '*' });
        expect(put.status).toBe(201);
        etag = put.headers.get('etag')!;
        const sync = await dav('REPORT', '/carol/addressbook/', `<?xml version="1.0" encoding="UTF-8"?><A:sync-collection xmlns:A="DAV:"><A:sync-token>${token}</A:sync-token><A:sync-level>1</A:sync-level><A:prop><A:getetag/></A:prop></A:sync-collection>`, { Depth: '0' });
        expect(etagsOf(sync.text)).toEqual({ [href]: etag });
        token = readMultistatus(sync.text).syncToken!;
        const get = await dav('REPORT', '/carol/addressbook/', `<?xml version="1.0" encoding="UTF-8"?><B:addressbook-multiget xmlns:A="DAV:" xmlns:B="${CARDDAV}"><A:prop><A:getetag/><B:address-data/></A:prop><A:href>${href}</A:href></B:addressbook-multiget>`, { Depth: '0' });
        expect(addressDataByHref(get.text)).toEqual({ [href]: card });
        // Apple's labels, address format hint and photo reach the JSON model.
        const json = await rest.get(href, { Accept: 'application/json; profile=rfc' });
        expect(json.body).toMatchObject({ uid, name: { full: 'Johnny Appleseed' } });
        expect(Object.values(json.body.emails as Record<string, unknown>)).toEqual([expect.objectContaining({ address: 'johnny@example.com', label: '_$!<Other>!$_' })]);
        expect(Object.values(json.body.media as Record<string, unknown>)).toEqual([expect.objectContaining({ kind: 'photo', uri: `data:image/png;base64,${PNG}` })]);
      });

      it('sees a change made over REST on its next sync, with Apple’s groups, labels and photo kept', async () => {
        const id = /^"(\d+):/.exec(etag)![1];
        const patch = await rest.patch(`/carol/addressbook/${id}`, { 'titles/t1/name': 'Engineer' });
        expect(patch.status).toBe(204);
        const sync = await dav('REPORT', '/carol/addressbook/', `<A:sync-collection xmlns:A="DAV:"><A:sync-token>${token}</A:sync-token><A:sync-level>1</A:sync-level><A:prop><A:getetag/></A:prop></A:sync-collection>`, { Depth: '0' });
        expect(etagsOf(sync.text)).toEqual({ [href]: patch.headers.get('etag') });
        token = readMultistatus(sync.text).syncToken!;
        const text = addressDataByHref((await dav('REPORT', '/carol/addressbook/', `<B:addressbook-multiget xmlns:A="DAV:" xmlns:B="${CARDDAV}"><A:prop><B:address-data/></A:prop><A:href>${href}</A:href></B:addressbook-multiget>`)).text)[href]!;
        expect(lineOf(text, 'VERSION')).toBe('3.0');
        expect(lineOf(text, 'TITLE')).toBe('Engineer');
        const email = linesOf(text, 'EMAIL')[0]!;
        const group = /^([A-Za-z0-9-]+)\.EMAIL/i.exec(email)?.[1];
        expect(group).toBeDefined();
        // Property names are case-insensitive (RFC 6350 §3.3).
        expect(linesOf(text, 'X-ABLabel').map((l) => l.toLowerCase())).toEqual([`${group}.x-ablabel:_$!<other>!$_`.toLowerCase()]);
        expect(linesOf(text, 'PHOTO')).toEqual([expect.stringMatching(new RegExp(`^PHOTO;.*ENCODING=b.*:${PNG.replace(/[+/=]/g, '\\$&')}$`, 'i'))]);
        expect(lineOf(text, 'X-ABUID')).toBe(`${uid}:ABPerson`);
        etag = patch.headers.get('etag')!;
      });

      it('makes a group of its contacts, edits and deletes with If-Match', async () => {
        const groupUid = 'A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF';
        const group = (members: string[]) => vcardOf('3.0', 'PRODID:-//Apple Inc.//macOS 14.4.1//EN', 'N:Family', 'FN:Family', 'X-ADDRESSBOOKSERVER-KIND:group',
          ...members.map((m) => `X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:${m}`), `UID:${groupUid}`, 'REV:2024-05-01T10:05:00Z');
        const created = await dav('PUT', `/carol/addressbook/${groupUid}.vcf`, group([uid]), { 'Content-Type': 'text/vcard', 'If-None-Match': '*' });
        expect(created.status).toBe(201);
        const listId = /^"(\d+):/.exec(created.headers.get('etag')!)![1];
        expect((await rest.get(`/carol/addressbook/list-${listId}`)).body).toMatchObject({ '@type': 'CardGroup', name: 'Family', members: { [uid]: true } });
        const emptied = await dav('PUT', `/carol/addressbook/${groupUid}.vcf`, group([]), { 'Content-Type': 'text/vcard', 'If-Match': created.headers.get('etag')! });
        expect(emptied.status).toBe(204);
        expect((await rest.get(`/carol/addressbook/list-${listId}`)).body.members).toEqual({});
        expect((await dav('DELETE', `/carol/addressbook/${groupUid}.vcf`, undefined, { 'If-Match': created.headers.get('etag')! })).status).toBe(412);
        expect((await dav('DELETE', `/carol/addressbook/${groupUid}.vcf`, undefined, { 'If-Match': emptied.headers.get('etag')! })).status).toBe(204);
        const sync = await dav('REPORT', '/carol/addressbook/', `<A:sync-collection xmlns:A="DAV:"><A:sync-token>${token}</A:sync-token><A:sync-level>1</A:sync-level><A:prop><A:getetag/></A:prop></A:sync-collection>`, { Depth: '0' });
        expect(etagsOf(sync.text)).toEqual({ [`/carol/addressbook/${groupUid}.vcf`]: 404 });
      });
    });

    describe('Thunderbird (built-in CardDAV and CardBook)', () => {
      const tbUid = '1f3c0d8e-7a4b-4c2d-9e5f-6a7b8c9d0e1f';
      const tbCard = vcardOf('4.0', 'EMAIL;PREF=1:tb@example.org', 'FN:Thunder Bird', 'N:Bird;Thunder;;;', 'NICKNAME:tb', `UID:${tbUid}`);

      it('syncs with Depth: 1 and address-data in a default-namespace body, and creates cards with If-None-Match: *', async () => {
        const initialBody = fixture('thunderbird-carddav-sync-collection').replace(/<sync-token>[^<]*<\/sync-token>/, '<sync-token/>');
        const initial = await dav('REPORT', '/carol/addressbook/', initialBody, { Depth: '1', 'User-Agent': 'Mozilla/5.0 Thunderbird/115.10.1' });
        expect(initial.status).toBe(207);
        const before = readMultistatus(initial.text);
        expect(before.responses.map((r) => r.href)).toEqual(['/carol/addressbook/5C5E8A3B-1F2D-4E6A-9B7C-0D1E2F3A4B5C.vcf']);
        const put = await dav('PUT', `/carol/addressbook/${tbUid}.vcf`, tbCard, { 'Content-Type': 'text/vcard', 'If-None-Match': '*' });
        expect(put.status).toBe(201);
        const next = await dav('REPORT', '/carol/addressbook/', fixture('thunderbird-carddav-sync-collection').replace(/<sync-token>[^<]*<\/sync-token>/, `<sync-token>${before.syncToken}</sync-token>`), { Depth: '1' });
        const { responses } = readMultistatus(next.text);
        expect(responses.map((r) => r.href)).toEqual([`/carol/addressbook/${tbUid}.vcf`]);
        expect(responses[0]!.ok['{DAV:}getetag']!.text).toBe(put.headers.get('etag'));
        // address-data without a version is vCard 3.0 (RFC 6352 §10.4): the 4.0 card is converted.
        const text = responses[0]!.ok[ADDRESS_DATA]!.text;
        expect([lineOf(text, 'VERSION'), lineOf(text, 'FN'), lineOf(text, 'NICKNAME')]).toEqual(['3.0', 'Thunder Bird', 'tb']);
        // PREF=1 is TYPE=pref in 3.0; the codec adds the card's keys as PROP-ID (RFC 9554).
        expect(linesOf(text, 'EMAIL')).toEqual([expect.stringMatching(/^EMAIL;(?:.*;)?TYPE=pref(?:;.*)?:tb@example\.org$/i)]);
        // GET gives the 4.0 card as it was sent.
        expect((await dav('GET', `/carol/addressbook/${tbUid}.vcf`)).text).toBe(tbCard);
      });

      it('lists content types and etags at Depth 1 and fetches 3.0 cards by multiget (CardBook)', async () => {
        const listing = await dav('PROPFIND', '/carol/addressbook/', '<?xml version="1.0" encoding="UTF-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:getcontenttype/><D:getetag/></D:prop></D:propfind>', { Depth: '1' });
        const members = readMultistatus(listing.text).responses.slice(1);
        expect(members.map((r) => r.ok['{DAV:}getcontenttype']!.text)).toEqual(['text/vcard; charset=utf-8', 'text/vcard; charset=utf-8']);
        const cardbook = vcardOf('3.0', 'UID:cardbook-0001', 'PRODID:-//CardBook//79.9//EN', 'FN:Card Book', 'N:Book;Card;;;', 'CATEGORIES:Friends,Work', 'TEL;TYPE=WORK:+33 1 23 45 67 89');
        const put = await dav('PUT', '/carol/addressbook/cardbook-0001.vcf', cardbook, { 'Content-Type': 'text/vcard; charset=utf-8', 'If-None-Match': '*' });
        expect(put.status).toBe(201);
        const body = `<?xml version="1.0" encoding="UTF-8"?><C:addressbook-multiget xmlns:D="DAV:" xmlns:C="${CARDDAV}"><D:prop><D:getetag/><C:address-data content-type="text/vcard" version="3.0"/></D:prop><D:href>/carol/addressbook/cardbook-0001.vcf</D:href></C:addressbook-multiget>`;
        expect(addressDataByHref((await dav('REPORT', '/carol/addressbook/', body, { Depth: '1' })).text)).toEqual({ '/carol/addressbook/cardbook-0001.vcf': cardbook });
        expect((await rest.get('/carol/addressbook/cardbook-0001.vcf')).body.categories).toEqual({ Friends: true, Work: true });
      });
    });

    describe('DAVx5', () => {
      const uid = '6c1f6f0e-5a3b-4e1d-8f2a-3b4c5d6e7f80';
      const card = vcardOf('4.0', `UID:${uid}`, 'PRODID:+//IDN bitfire.at//DAVx5/4.4.1-ose ez-vcard/0.12.1', 'FN:Davy Fivers', 'N:Fivers;Davy;;;',
        'EMAIL;TYPE=home:davy@example.net', 'TEL;TYPE=cell:+49 170 0000000', 'REV:20240501T100000Z');

      it('finds the address book under its own prefixes, with vCard 4.0 advertised', async () => {
        const body = `<?xml version='1.0' encoding='UTF-8' ?><ns0:propfind xmlns:ns0="DAV:" xmlns:q="${CARDDAV}"><ns0:prop><ns0:resourcetype/><ns0:displayname/><ns0:owner/><ns0:current-user-privilege-set/><q:addressbook-description/><q:supported-address-data/></ns0:prop></ns0:propfind>`;
        const res = await dav('PROPFIND', '/carol/', body, { Depth: '1', 'User-Agent': 'DAVx5/4.4.1-ose (2024/05/01; dav4jvm; okhttp/4.12.0) Android/14' });
        const books = readMultistatus(res.text).responses.filter((r) => namesIn(r.ok['{DAV:}resourcetype']).includes(`{${CARDDAV}}addressbook`));
        expect(books.map((r) => r.href)).toEqual(['/carol/addressbook/']);
        expect(books[0]!.ok[`{${CARDDAV}}supported-address-data`]!.children.map((c) => c.attrs['version'])).toContain('4.0');
      });

      it('creates vCard 4.0 with If-None-Match: *, pages a Depth: 1 sync with a limit, and multigets 4.0 as stored', async () => {
        const put = await dav('PUT', `/carol/addressbook/${uid}.vcf`, card, { 'Content-Type': 'text/vcard; charset=utf-8', 'If-None-Match': '*' });
        expect(put.status).toBe(201);
        const body = fixture('davx5-sync-collection-limit').replace(/<sync-token>[^<]*<\/sync-token>/, '<sync-token/>').replace('<nresults>100</nresults>', '<nresults>2</nresults>');
        const seen: Record<string, unknown> = {};
        let page = readMultistatus((await dav('REPORT', '/carol/addressbook/', body, { Depth: '1' })).text);
        for (let i = 0; i < 5; i++) {
          for (const r of page.responses) if (r.status !== 507) seen[r.href] = r.ok['{DAV:}getetag']?.text;
          if (!page.responses.some((r) => r.status === 507)) break;
          page = readMultistatus((await dav('REPORT', '/carol/addressbook/', body.replace('<sync-token/>', `<sync-token>${page.syncToken}</sync-token>`), { Depth: '1' })).text);
        }
        expect(Object.keys(seen).sort()).toEqual([`/carol/addressbook/${uid}.vcf`, '/carol/addressbook/1f3c0d8e-7a4b-4c2d-9e5f-6a7b8c9d0e1f.vcf', '/carol/addressbook/5C5E8A3B-1F2D-4E6A-9B7C-0D1E2F3A4B5C.vcf', '/carol/addressbook/cardbook-0001.vcf'].sort());
        expect(seen[`/carol/addressbook/${uid}.vcf`]).toBe(put.headers.get('etag'));
        const multi = fixture('davx5-addressbook-multiget').replace('/alice/addressbook/c1.vcf', `/carol/addressbook/${uid}.vcf`).replace('/alice/addressbook/with%20space.vcf', '/carol/addressbook/cardbook-0001.vcf');
        const data = addressDataByHref((await dav('REPORT', '/carol/addressbook/', multi, { Depth: '0' })).text);
        expect(data[`/carol/addressbook/${uid}.vcf`]).toBe(card);
        expect(lineOf(data['/carol/addressbook/cardbook-0001.vcf']!, 'VERSION')).toBe('4.0');
        expect(lineOf(data['/carol/addressbook/cardbook-0001.vcf']!, 'CATEGORIES')!.split(',').sort()).toEqual(['Friends', 'Work']);
      });

      it('keeps groups as separate vCards (KIND:group, MEMBER) and updates with If-Match', async () => {
        const group = (fn: string) => vcardOf('4.0', 'UID:7d2e3f40-1a2b-4c3d-8e9f-a0b1c2d3e4f5', 'PRODID:+//IDN bitfire.at//DAVx5/4.4.1-ose ez-vcard/0.12.1', 'KIND:group', `FN:${fn}`, `MEMBER:urn:uuid:${uid}`);
        const created = await dav('PUT', '/carol/addressbook/7d2e3f40-1a2b-4c3d-8e9f-a0b1c2d3e4f5.vcf', group('Colleagues'), { 'Content-Type': 'text/vcard; charset=utf-8', 'If-None-Match': '*' });
        expect(created.status).toBe(201);
        const renamed = await dav('PUT', '/carol/addressbook/7d2e3f40-1a2b-4c3d-8e9f-a0b1c2d3e4f5.vcf', group('Co-workers'), { 'Content-Type': 'text/vcard; charset=utf-8', 'If-Match': created.headers.get('etag')! });
        expect(renamed.status).toBe(204);
        const id = /^"(\d+):/.exec(renamed.headers.get('etag')!)![1];
        expect((await rest.get(`/carol/addressbook/list-${id}`)).body).toMatchObject({ '@type': 'CardGroup', name: 'Co-workers', members: { [uid]: true } });
        const apple = await dav('GET', '/carol/addressbook/7d2e3f40-1a2b-4c3d-8e9f-a0b1c2d3e4f5.vcf', undefined, { Accept: 'text/vcard;version=3.0' });
        expect(linesOf(apple.text, 'X-ADDRESSBOOKSERVER-MEMBER')).toEqual([`X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:${uid}`]);
      });
    });
  });
}
