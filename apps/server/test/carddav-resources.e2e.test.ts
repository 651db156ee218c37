import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser, setGrant } from '@almanac/accounts';
import { Right } from '@almanac/domain-kernel';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { conditionHref, conditionOf, CARDDAV, lineOf, linesOf, VCARD, vcardOf } from './carddav-support.js';
import { type DavClient, davClient } from './dav-support.js';
import { type Client, client, startTestServer, type TestServer } from './support.js';

// Address books over CardDAV (RFC 6352) with the real contacts app: cards stored as received, the
// canonical JSON derived by the codecs, and the REST API over the same contacts kept in step.

const idOf = (etag: string | null) => /^"(\d+):/.exec(etag ?? '')![1]!;

for (const kind of testStoreKinds()) {
  describe(`CardDAV resources (${kind})`, () => {
    let s: TestServer;
    let dav: DavClient;
    let rest: Client;
    let bob: DavClient;
    beforeAll(async () => {
      s = await startTestServer(kind);
      const admin = s.running.services.admin;
      await addUser(admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell', email: 'alice@example.org' });
      await addUser(admin, { login: 'bob', password: 'bob-password' });
      await setGrant(admin, 'alice', 'bob', 'addressbook', Right.READ);
      dav = davClient(s.url, 'alice', 'alice-password');
      rest = client(s.url, 'alice', 'alice-password');
      bob = davClient(s.url, 'bob', 'bob-password');
    });
    afterAll(async () => { await s.cleanup(); });

    describe('stored as received (DECISIONS.md "ETags")', () => {
      const text = vcardOf('3.0', 'UID:raw-1', 'FN:Zoë Ångström', 'N:Ångström;Zoë;;;', 'EMAIL;TYPE=INTERNET,WORK:zoe@example.org',
        'X-UNKNOWN;X-P="a;b":keep me', 'NOTE:a long note folded over two lines because it is longer than seventy-fiv', ' e octets');

      it('returns the same bytes and ETag on GET and HEAD as were PUT, as text/vcard', async () => {
        const put = await dav('PUT', '/alice/addressbook/raw-1.vcf', text, VCARD);
        expect(put.status).toBe(201);
        const etag = put.headers.get('etag');
        expect(etag).toMatch(/^"\d+:1"$/);
        const get = await dav('GET', '/alice/addressbook/raw-1.vcf');
        expect([get.status, get.text, get.headers.get('etag')]).toEqual([200, text, etag]);
        expect(get.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
        const head = await dav('HEAD', '/alice/addressbook/raw-1.vcf');
        expect([head.status, head.text, head.headers.get('etag')]).toEqual([200, '', etag]);
        // The version the card was written in is "as received" too; another one is generated.
        expect((await dav('GET', '/alice/addressbook/raw-1.vcf', undefined, { Accept: 'text/vcard; version=3.0' })).text).toBe(text);
        const v4 = await dav('GET', '/alice/addressbook/raw-1.vcf', undefined, { Accept: 'text/vcard;version=4.0' });
        expect(v4.status).toBe(200);
        expect(v4.headers.get('etag')).toBe(etag);
        expect(lineOf(v4.text, 'VERSION')).toBe('4.0');
        expect(lineOf(v4.text, 'UID')).toBe('raw-1');
        expect(lineOf(v4.text, 'FN')).toBe('Zoë Ångström');
        expect(lineOf(v4.text, 'EMAIL')).toBe('zoe@example.org');
        expect(linesOf(v4.text, 'X-UNKNOWN')).toEqual(['X-UNKNOWN;X-P="a;b":keep me']);
      });

      it('derives the canonical JSON with the codecs: the REST view of a DAV card', async () => {
        const res = await rest.get('/alice/addressbook/raw-1.vcf');
        expect(res.status).toBe(200);
        expect(res.headers.get('etag')).toBe((await dav('GET', '/alice/addressbook/raw-1.vcf')).headers.get('etag'));
        expect(res.body).toMatchObject({
          '@type': 'Card', uid: 'raw-1', kind: 'individual', fullName: 'Zoë Ångström',
          name: expect.arrayContaining([{ '@type': 'NameComponent', type: 'personal', value: 'Zoë' }, { '@type': 'NameComponent', type: 'surname', value: 'Ångström' }]),
        });
        expect(Object.values(res.body.emails)).toEqual([expect.objectContaining({ email: 'zoe@example.org', contexts: { work: true } })]);
        const rfc = await rest.get('/alice/addressbook/raw-1.vcf', { Accept: 'application/json; profile=rfc' });
        expect(rfc.body.notes).toEqual(expect.objectContaining({}));
        expect(JSON.stringify(rfc.body)).toContain('seventy-five octets');
      });

      it('accepts the legacy media types text/x-vcard and text/directory, and vCard 4.0 and 2.1 bodies', async () => {
        expect((await dav('PUT', '/alice/addressbook/legacy-1.vcf', vcardOf('3.0', 'UID:legacy-1', 'FN:Legacy One'), { 'Content-Type': 'text/x-vcard' })).status).toBe(201);
        expect((await dav('PUT', '/alice/addressbook/legacy-2.vcf', vcardOf('3.0', 'UID:legacy-2', 'FN:Legacy Two'), { 'Content-Type': 'text/directory;profile=vCard' })).status).toBe(201);
        const v4 = vcardOf('4.0', 'UID:urn:uuid:6d6b7fa6-3c6e-4a2b-8a58-2b4f9e3d0a11', 'FN:Four Point', 'KIND:individual', 'TEL;VALUE=uri;TYPE=cell:tel:+1-555-0100');
        expect((await dav('PUT', '/alice/addressbook/four.vcf', v4, VCARD)).status).toBe(201);
        expect((await dav('GET', '/alice/addressbook/four.vcf')).text).toBe(v4);
        const v3 = await dav('GET', '/alice/addressbook/four.vcf', undefined, { Accept: 'text/vcard; version=3.0' });
        expect(lineOf(v3.text, 'VERSION')).toBe('3.0');
        expect(lineOf(v3.text, 'TEL')).toBe('+1-555-0100');
        const v21 = ['BEGIN:VCARD', 'VERSION:2.1', 'UID:old-21', 'N:Old;Timer', 'FN:Old Timer', 'TEL;WORK;VOICE:+49 1', 'END:VCARD', ''].join('\r\n');
        expect((await dav('PUT', '/alice/addressbook/old.vcf', v21, { 'Content-Type': 'text/x-vcard' })).status).toBe(201);
        expect((await rest.get('/alice/addressbook/old.vcf')).body.fullName).toBe('Old Timer');
      });

      it('honours the charset of the body', async () => {
        const latin1 = Buffer.from(vcardOf('3.0', 'UID:latin-1', 'FN:Grüße Müller'), 'latin1');
        const res = await fetch(`${s.url}/alice/addressbook/latin-1.vcf`, {
          method: 'PUT', body: latin1, headers: { Authorization: `Basic ${Buffer.from('alice:alice-password').toString('base64')}`, 'Content-Type': 'text/vcard; charset=iso-8859-1' },
        });
        expect(res.status).toBe(201);
        expect((await rest.get('/alice/addressbook/latin-1.vcf')).body.fullName).toBe('Grüße Müller');
      });
    });

    describe('DAV and REST views stay in step', () => {
      it('a card created over DAV, edited over REST, shows the edit over DAV with the REST ETag', async () => {
        const put = await dav('PUT', '/alice/addressbook/step-1.vcf', vcardOf('3.0', 'UID:step-1', 'FN:Step One', 'N:One;Step;;;', 'TEL;TYPE=CELL:+49 111'), VCARD);
        const id = idOf(put.headers.get('etag'));
        const patch = await rest.patch(`/alice/addressbook/${id}`, { 'organizations/org/name': 'ACME Corp', fullName: 'Step One Changed' }, { 'If-Match': put.headers.get('etag')! });
        expect(patch.status).toBe(204);
        const restEtag = patch.headers.get('etag');
        expect(restEtag).toBe(`"${id}:2"`);
        const get = await dav('GET', '/alice/addressbook/step-1.vcf');
        expect(get.headers.get('etag')).toBe(restEtag);
        // Generated from the JSON now (the last write was JSON): vCard 3.0 by default.
        expect(lineOf(get.text, 'VERSION')).toBe('3.0');
        expect(lineOf(get.text, 'FN')).toBe('Step One Changed');
        expect(lineOf(get.text, 'ORG')).toMatch(/^ACME Corp/);
        expect(lineOf(get.text, 'TEL')).toBe('+49 111');
        expect(lineOf(get.text, 'UID')).toBe('step-1');
        expect(lineOf(get.text, 'PRODID')).toBe('Almanac Addressbook');
        // …and a DAV client writes it back with that ETag; REST sees the DAV edit.
        const back = get.text.replace('FN:Step One Changed', 'FN:Step One Again');
        const rewrite = await dav('PUT', '/alice/addressbook/step-1.vcf', back, { ...VCARD, 'If-Match': restEtag! });
        expect(rewrite.status).toBe(204);
        expect(rewrite.headers.get('etag')).toBe(`"${id}:3"`);
        const json = await rest.get(`/alice/addressbook/${id}`);
        expect([json.body.fullName, json.headers.get('etag')]).toEqual(['Step One Again', `"${id}:3"`]);
        expect(json.body.organizations).toMatchObject({ [Object.keys(json.body.organizations)[0]!]: { name: 'ACME Corp' } });
        expect((await dav('GET', '/alice/addressbook/step-1.vcf')).text).toBe(back);
      });

      it('a card created over REST is served over DAV by its <uid>.vcf name, and a DAV delete removes it from REST', async () => {
        const post = await rest.post('/alice/addressbook/', { uid: 'rest-made-000000001', fullName: 'Rest Made', 'emails/work': 'rest@example.org', 'phones/tel_home': '+49 222' });
        expect(post.status).toBe(201);
        const path = post.headers.get('location')!;
        const etag = (await rest.get(path)).headers.get('etag');
        const get = await dav('GET', '/alice/addressbook/rest-made-000000001.vcf');
        expect([get.status, get.headers.get('etag')]).toEqual([200, etag]);
        expect(lineOf(get.text, 'FN')).toBe('Rest Made');
        expect(lineOf(get.text, 'EMAIL')).toBe('rest@example.org');
        expect(linesOf(get.text, 'TEL')).toEqual([expect.stringMatching(/^TEL;.*HOME.*:\+49 222$/i)]);
        const v4 = await dav('GET', '/alice/addressbook/rest-made-000000001.vcf', undefined, { Accept: 'text/vcard; version=4.0' });
        expect(lineOf(v4.text, 'VERSION')).toBe('4.0');
        expect(lineOf(v4.text, 'KIND')).toBe('individual');
        // The numeric id and the uid name the same resource over DAV too (DECISIONS.md).
        expect((await dav('GET', `/alice/addressbook/${idOf(etag)}`)).text).toBe(get.text);
        expect((await dav('DELETE', '/alice/addressbook/rest-made-000000001.vcf', undefined, { 'If-Match': etag! })).status).toBe(204);
        expect((await rest.get(path)).status).toBe(404);
      });

      it('keeps server-owned members and custom fields through a DAV round trip', async () => {
        const post = await rest.post('/alice/addressbook/', { uid: 'private-00000000001', fullName: 'Secret Sam', 'egroupware.org:private': true });
        const path = post.headers.get('location')!;
        const text = (await dav('GET', '/alice/addressbook/private-00000000001.vcf')).text;
        // A client that drops what it does not know leaves the private flag as it was.
        const stripped = text.split('\r\n').filter((l) => !/^JSPROP/i.test(l) && !/^ /.test(l)).join('\r\n').replace('FN:Secret Sam', 'FN:Secret Samuel');
        expect((await dav('PUT', '/alice/addressbook/private-00000000001.vcf', stripped, VCARD)).status).toBe(204);
        const json = await rest.get(path);
        expect([json.body.fullName, json.body['egroupware.org:private']]).toEqual(['Secret Samuel', true]);
        expect((await bob('GET', '/alice/addressbook/private-00000000001.vcf')).status).toBe(404);
      });
    });

    describe('conditional requests and preconditions (RFC 6352 §6.3.2)', () => {
      it('creates with If-None-Match: *, refuses it on an existing card, and If-Match that does not match', async () => {
        const first = await dav('PUT', '/alice/addressbook/cond.vcf', vcardOf('3.0', 'UID:cond-1', 'FN:Cond'), { ...VCARD, 'If-None-Match': '*' });
        expect(first.status).toBe(201);
        const etag = first.headers.get('etag')!;
        expect((await dav('PUT', '/alice/addressbook/cond.vcf', vcardOf('3.0', 'UID:cond-1', 'FN:Cond'), { ...VCARD, 'If-None-Match': '*' })).status).toBe(412);
        expect((await dav('PUT', '/alice/addressbook/cond.vcf', vcardOf('3.0', 'UID:cond-1', 'FN:X'), { ...VCARD, 'If-Match': '"1:99"' })).status).toBe(412);
        expect((await dav('PUT', '/alice/addressbook/nothing.vcf', vcardOf('3.0', 'UID:nothing-1', 'FN:X'), { ...VCARD, 'If-Match': '*' })).status).toBe(412);
        expect((await dav('GET', '/alice/addressbook/nothing.vcf')).status).toBe(404);
        const update = await dav('PUT', '/alice/addressbook/cond.vcf', vcardOf('3.0', 'UID:cond-1', 'FN:Cond Two'), { ...VCARD, 'If-Match': etag });
        expect(update.status).toBe(204);
        expect(update.headers.get('etag')).not.toBe(etag);
        expect((await dav('GET', '/alice/addressbook/cond.vcf', undefined, { 'If-None-Match': update.headers.get('etag')! })).status).toBe(304);
        expect((await dav('DELETE', '/alice/addressbook/cond.vcf', undefined, { 'If-Match': etag })).status).toBe(412);
        expect((await dav('DELETE', '/alice/addressbook/cond.vcf', undefined, { 'If-Match': update.headers.get('etag')! })).status).toBe(204);
      });

      it('answers CARDDAV:no-uid-conflict with the href of the card holding the UID, in any spelling', async () => {
        expect((await dav('PUT', '/alice/addressbook/uid-a.vcf', vcardOf('3.0', 'UID:shared-uid', 'FN:A'), VCARD)).status).toBe(201);
        const clash = await dav('PUT', '/alice/addressbook/uid-b.vcf', vcardOf('3.0', 'UID:shared-uid', 'FN:B'), VCARD);
        expect([clash.status, conditionOf(clash), conditionHref(clash)]).toEqual([409, `{${CARDDAV}}no-uid-conflict`, '/alice/addressbook/uid-a.vcf']);
        const changed = await dav('PUT', '/alice/addressbook/uid-a.vcf', vcardOf('3.0', 'UID:another-uid', 'FN:A'), VCARD);
        expect([changed.status, conditionOf(changed), conditionHref(changed)]).toEqual([409, `{${CARDDAV}}no-uid-conflict`, '/alice/addressbook/uid-a.vcf']);
        // A UUID with and without urn:uuid: is the same UID (behaviour §5).
        const uuid = '0f5d2c8e-4b1a-4e7c-9d3f-1a2b3c4d5e6f';
        expect((await dav('PUT', '/alice/addressbook/bare.vcf', vcardOf('3.0', `UID:${uuid}`, 'FN:Bare'), VCARD)).status).toBe(201);
        const spelled = await dav('PUT', '/alice/addressbook/spelled.vcf', vcardOf('4.0', `UID:urn:uuid:${uuid.toUpperCase()}`, 'FN:Spelled'), VCARD);
        expect([spelled.status, conditionHref(spelled)]).toEqual([409, '/alice/addressbook/bare.vcf']);
        // Rewriting a card with its UID spelled the other way keeps the stored UID.
        expect((await dav('PUT', '/alice/addressbook/bare.vcf', vcardOf('4.0', `UID:urn:uuid:${uuid}`, 'FN:Bare Two'), VCARD)).status).toBe(204);
        expect((await rest.get('/alice/addressbook/bare.vcf')).body).toMatchObject({ fullName: 'Bare Two', uid: uuid });
      });

      it('answers CARDDAV:valid-address-data and supported-address-data', async () => {
        const notCard = await dav('PUT', '/alice/addressbook/bad.vcf', 'this is not a vCard', VCARD);
        expect([notCard.status, conditionOf(notCard)]).toEqual([403, `{${CARDDAV}}valid-address-data`]);
        const two = await dav('PUT', '/alice/addressbook/two.vcf', vcardOf('3.0', 'UID:two-1', 'FN:A') + vcardOf('3.0', 'UID:two-2', 'FN:B'), VCARD);
        expect([two.status, conditionOf(two)]).toEqual([403, `{${CARDDAV}}valid-address-data`]);
        const photo = await dav('PUT', '/alice/addressbook/photo.vcf', vcardOf('4.0', 'UID:photo-1', 'FN:P', 'PHOTO:data:text/plain;base64,aGVsbG8='), VCARD);
        expect([photo.status, conditionOf(photo)]).toEqual([403, `{${CARDDAV}}valid-address-data`]);
        const type = await dav('PUT', '/alice/addressbook/type.vcf', vcardOf('3.0', 'UID:type-1', 'FN:T'), { 'Content-Type': 'text/calendar' });
        expect([type.status, conditionOf(type)]).toEqual([415, `{${CARDDAV}}supported-address-data`]);
        for (const name of ['bad', 'two', 'photo', 'type']) expect((await dav('GET', `/alice/addressbook/${name}.vcf`)).status).toBe(404);
      });

      it('takes the UID of a card without one from its URL', async () => {
        expect((await dav('PUT', '/alice/addressbook/no-uid-card.vcf', vcardOf('3.0', 'FN:Nameless'), VCARD)).status).toBe(201);
        expect((await rest.get('/alice/addressbook/no-uid-card')).body).toMatchObject({ uid: 'no-uid-card', fullName: 'Nameless' });
      });

      it('is read-only for a reader, and what it may not read answers as missing', async () => {
        expect((await bob('GET', '/alice/addressbook/raw-1.vcf')).status).toBe(200);
        expect((await bob('PUT', '/alice/addressbook/raw-1.vcf', vcardOf('3.0', 'UID:raw-1', 'FN:Hijack'), VCARD)).status).toBe(403);
        expect((await bob('PUT', '/alice/addressbook/bob.vcf', vcardOf('3.0', 'UID:bob-1', 'FN:Bob'), VCARD)).status).toBe(403);
        expect((await bob('DELETE', '/alice/addressbook/raw-1.vcf')).status).toBe(403);
      });
    });

    describe('distribution lists as Apple groups (behaviour §5.2)', () => {
      const m1 = '8a0c1f1e-2f7d-4b8e-9b5a-0a1b2c3d4e01';
      const m2 = '8a0c1f1e-2f7d-4b8e-9b5a-0a1b2c3d4e02';

      it('reads X-ADDRESSBOOKSERVER-KIND:group and -MEMBER into a list of the same address book', async () => {
        for (const [uid, fn] of [[m1, 'Member One'], [m2, 'Member Two']] as const) {
          expect((await dav('PUT', `/alice/addressbook/${uid}.vcf`, vcardOf('3.0', `UID:${uid}`, `FN:${fn}`, `N:${fn.split(' ')[1]};${fn.split(' ')[0]};;;`), VCARD)).status).toBe(201);
        }
        const group = vcardOf('3.0', 'PRODID:-//Apple Inc.//AddressBook 13.0//EN', 'N:Friends', 'FN:Friends', 'X-ADDRESSBOOKSERVER-KIND:group',
          `X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:${m1}`, `X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:${m2}`, 'UID:9f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f', 'REV:2024-05-01T10:00:00Z');
        const put = await dav('PUT', '/alice/addressbook/9F1E2D3C-4B5A-4C6D-8E7F-0A1B2C3D4E5F.vcf', group, { 'Content-Type': 'text/vcard', 'If-None-Match': '*' });
        expect(put.status).toBe(201);
        const json = await rest.get(`/alice/addressbook/list-${idOf(put.headers.get('etag'))}`);
        expect(json.status).toBe(200);
        // Members are keyed by the members' stored uids (domain-contacts), whatever the spelling in the group.
        expect(json.body).toMatchObject({ '@type': 'CardGroup', name: 'Friends', members: { [m1]: true, [m2]: true } });
        expect((await dav('GET', '/alice/addressbook/9F1E2D3C-4B5A-4C6D-8E7F-0A1B2C3D4E5F.vcf')).text).toBe(group);
      });

      it('refuses a group whose members are not contacts of the address book', async () => {
        const group = vcardOf('3.0', 'FN:Strangers', 'X-ADDRESSBOOKSERVER-KIND:group', 'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:00000000-0000-4000-8000-000000000000', 'UID:strangers-1');
        const res = await dav('PUT', '/alice/addressbook/strangers.vcf', group, VCARD);
        expect([res.status, conditionOf(res)]).toEqual([403, `{${CARDDAV}}valid-address-data`]);
      });

      it('writes a list made over REST as an Apple group in 3.0 and as KIND:group in 4.0', async () => {
        const post = await rest.post('/alice/addressbook/', { '@type': 'CardGroup', uid: 'list-from-rest-0001', name: 'Rest List', members: { [m1]: true } });
        expect(post.status).toBe(201);
        const v3 = await dav('GET', '/alice/addressbook/list-from-rest-0001.vcf');
        expect(lineOf(v3.text, 'VERSION')).toBe('3.0');
        expect(lineOf(v3.text, 'X-ADDRESSBOOKSERVER-KIND')).toBe('group');
        expect(linesOf(v3.text, 'X-ADDRESSBOOKSERVER-MEMBER')).toEqual([`X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:${m1}`]);
        expect(lineOf(v3.text, 'FN')).toBe('Rest List');
        const v4 = await dav('GET', '/alice/addressbook/list-from-rest-0001.vcf', undefined, { Accept: 'text/vcard;version=4.0' });
        expect(lineOf(v4.text, 'KIND')).toBe('group');
        expect(linesOf(v4.text, 'MEMBER')).toEqual([`MEMBER:urn:uuid:${m1}`]);
        // A DAV client adds a member to the list it got; REST sees both.
        const edited = v3.text.replace('END:VCARD', `X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:${m2}\r\nEND:VCARD`);
        expect((await dav('PUT', '/alice/addressbook/list-from-rest-0001.vcf', edited, { ...VCARD, 'If-Match': v3.headers.get('etag')! })).status).toBe(204);
        expect((await rest.get(post.headers.get('location')!)).body.members).toEqual({ [m1]: true, [m2]: true });
      });

      it('keeps a contact a contact and a list a list', async () => {
        const res = await dav('PUT', `/alice/addressbook/${m1}.vcf`, vcardOf('3.0', `UID:${m1}`, 'FN:Now a group', 'X-ADDRESSBOOKSERVER-KIND:group'), VCARD);
        expect([res.status, conditionOf(res)]).toEqual([403, `{${CARDDAV}}valid-address-data`]);
      });
    });
  });
}
