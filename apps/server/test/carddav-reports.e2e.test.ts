import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser, deleteUser } from '@almanac/accounts';
import { clark } from '@almanac/http-dav';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { ADDRESS_DATA, addressDataByHref, CARDDAV, conditionOf, lineOf, VCARD, vcardOf } from './carddav-support.js';
import { type DavClient, davClient, fixture, namesIn, readMultistatus } from './dav-support.js';
import { type Client, client, startTestServer, type TestServer } from './support.js';

// CardDAV REPORTs with the real contacts app: the RFC 6352 examples of addressbook-query (§8.6)
// and addressbook-multiget (§8.7), address-data with version and content-type (§10.4), limits,
// sync-collection, and the accounts directory served over CardDAV.

const ABQ = (filter: string, props = '<D:getetag/>', extra = '') =>
  `<C:addressbook-query xmlns:D="DAV:" xmlns:C="${CARDDAV}"><D:prop>${props}</D:prop><C:filter>${filter}</C:filter>${extra}</C:addressbook-query>`;
const multiget = (hrefs: readonly string[], data = '<C:address-data/>') =>
  `<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="${CARDDAV}"><D:prop><D:getetag/>${data}</D:prop>${hrefs.map((h) => `<D:href>${h}</D:href>`).join('')}</C:addressbook-multiget>`;
const syncBody = (token: string) =>
  `<D:sync-collection xmlns:D="DAV:" xmlns:C="${CARDDAV}"><D:sync-token>${token}</D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/><C:address-data/></D:prop></D:sync-collection>`;

// The cards of RFC 6352 §8.6/§8.7, under the names the RFC gives them.
const CYRUS = vcardOf('3.0', 'NICKNAME:me', 'UID:34222-232@example.com', 'FN:Cyrus Daboo', 'N:Daboo;Cyrus;;;', 'EMAIL:daboo@example.com', 'TEL;TYPE=WORK:+1 555 0100');
const ERIC = vcardOf('3.0', 'NICKNAME:oliver', 'UID:34222-23222@example.com', 'FN:Eric York', 'N:York;Eric;;;', 'EMAIL:eric@example.com');
const BERNARD = vcardOf('4.0', 'UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1', 'FN:Bernard Desruisseaux', 'N:Desruisseaux;Bernard;;;', 'EMAIL;TYPE=work:bernard@example.com', 'KIND:individual');

for (const kind of testStoreKinds()) {
  describe(`CardDAV reports (${kind})`, () => {
    let s: TestServer;
    let dav: DavClient;
    let rest: Client;
    const report = async (path: string, body: string, headers: Record<string, string> = {}) => {
      const res = await dav('REPORT', path, body, { Depth: '1', ...headers });
      expect(res.status).toBe(207);
      return res.text;
    };
    beforeAll(async () => {
      s = await startTestServer(kind);
      await addUser(s.running.services.admin, { login: 'bernard', password: 'bernard-password', fullName: 'Bernard Desruisseaux', email: 'bernard@example.com' });
      dav = davClient(s.url, 'bernard', 'bernard-password');
      rest = client(s.url, 'bernard', 'bernard-password');
      for (const [name, text] of [['vcf1.vcf', CYRUS], ['vcf2.vcf', ERIC], ['vcf3.vcf', BERNARD]] as const) {
        expect((await dav('PUT', `/bernard/addressbook/${name}`, text, VCARD)).status).toBe(201);
      }
    });
    afterAll(async () => { await s.cleanup(); });

    describe('addressbook-query (RFC 6352 §8.6)', () => {
      it('§8.6.3: NICKNAME equals "me", with the selected properties of address-data', async () => {
        const data = addressDataByHref(await report('/bernard/addressbook/', fixture('rfc6352-8.6.3-addressbook-query-nickname')));
        expect(data).toEqual({
          '/bernard/addressbook/vcf1.vcf': vcardOf('3.0', 'NICKNAME:me', 'UID:34222-232@example.com', 'FN:Cyrus Daboo', 'EMAIL:daboo@example.com'),
        });
      });

      it('§8.6.4: FN or EMAIL containing "daboo" (anyof)', async () => {
        const data = addressDataByHref(await report('/bernard/addressbook/', fixture('rfc6352-8.6.4-addressbook-query-fn-or-email')));
        expect(Object.keys(data)).toEqual(['/bernard/addressbook/vcf1.vcf']);
      });

      it('evaluates allof, param-filters, is-not-defined and match types over raw and generated cards', async () => {
        const post = await rest.post('/bernard/addressbook/', { uid: 'json-card-00000001', fullName: 'Json Daboo', 'emails/work': 'json@example.com' });
        expect(post.status).toBe(201);
        const hrefs = async (filter: string, test = '') => Object.keys(addressDataByHref(await report('/bernard/addressbook/', ABQ(filter).replace('<C:filter>', `<C:filter${test}>`))));
        expect(await hrefs('<C:prop-filter name="FN"><C:text-match match-type="ends-with">daboo</C:text-match></C:prop-filter>'))
          .toEqual(['/bernard/addressbook/vcf1.vcf', '/bernard/addressbook/json-card-00000001.vcf']);
        expect(await hrefs('<C:prop-filter name="EMAIL"><C:param-filter name="TYPE"><C:text-match match-type="equals">work</C:text-match></C:param-filter></C:prop-filter>'))
          .toEqual(['/bernard/addressbook/vcf3.vcf', '/bernard/addressbook/json-card-00000001.vcf']);
        expect(await hrefs('<C:prop-filter name="NICKNAME"><C:is-not-defined/></C:prop-filter>'))
          .toEqual(['/bernard/addressbook/vcf3.vcf', '/bernard/addressbook/json-card-00000001.vcf']);
        expect(await hrefs('<C:prop-filter name="NICKNAME"/><C:prop-filter name="TEL"/>', ' test="allof"')).toEqual(['/bernard/addressbook/vcf1.vcf']);
        expect(await hrefs('<C:prop-filter name="UID"><C:text-match match-type="equals" negate-condition="yes">34222-232@example.com</C:text-match></C:prop-filter>'))
          .toEqual(['/bernard/addressbook/vcf2.vcf', '/bernard/addressbook/vcf3.vcf', '/bernard/addressbook/json-card-00000001.vcf']);
        expect((await rest.delete(post.headers.get('location')!)).status).toBe(204);
      });

      it('cuts the result at limit/nresults with a 507 response (RFC 6352 §8.6.1)', async () => {
        const body = ABQ('<C:prop-filter name="FN"/>', '<D:getetag/>', '<C:limit><C:nresults>2</C:nresults></C:limit>');
        const { responses } = readMultistatus(await report('/bernard/addressbook/', body));
        expect(responses.map((r) => [r.href, r.status ?? 200])).toEqual([
          ['/bernard/addressbook/vcf1.vcf', 200], ['/bernard/addressbook/vcf2.vcf', 200], ['/bernard/addressbook/', 507],
        ]);
        expect(clark(responses[2]!.error!.children[0]!)).toBe('{DAV:}number-of-matches-within-limits');
      });

      it('refuses unknown collations and address-data types with their preconditions', async () => {
        const collation = await dav('REPORT', '/bernard/addressbook/', fixture('error-addressbook-query-bad-collation'), { Depth: '1' });
        expect([collation.status, conditionOf(collation)]).toEqual([403, `{${CARDDAV}}supported-collation`]);
        for (const data of ['<C:address-data content-type="application/vcard+json"/>', '<C:address-data version="2.1"/>']) {
          const res = await dav('REPORT', '/bernard/addressbook/', ABQ('', `<D:getetag/>${data}`), { Depth: '1' });
          expect([res.status, conditionOf(res)]).toEqual([403, `{${CARDDAV}}supported-address-data`]);
        }
      });
    });

    describe('addressbook-multiget (RFC 6352 §8.7)', () => {
      it('§8.7.1: the selected properties of each href, 404 for a missing one', async () => {
        const body = fixture('rfc6352-8.7.1-addressbook-multiget')
          .replace('/home/bernard/addressbook/vcf102.vcf', '/bernard/addressbook/vcf102.vcf').replace('/home/bernard/addressbook/vcf1.vcf', '/bernard/addressbook/vcf1.vcf');
        const { responses } = readMultistatus(await report('/bernard/addressbook/', body));
        expect(responses.map((r) => [r.href, r.status ?? 200])).toEqual([['/bernard/addressbook/vcf102.vcf', 404], ['/bernard/addressbook/vcf1.vcf', 200]]);
        expect(responses[1]!.ok[ADDRESS_DATA]!.text).toBe(vcardOf('3.0', 'NICKNAME:me', 'UID:34222-232@example.com', 'FN:Cyrus Daboo', 'EMAIL:daboo@example.com'));
        expect(responses[1]!.ok['{DAV:}getetag']!.text).toBe((await dav('GET', '/bernard/addressbook/vcf1.vcf')).headers.get('etag'));
      });

      it('§8.7.2: address-data version 4.0 gives a 3.0 card as 4.0, a 4.0 card as stored', async () => {
        const body = fixture('rfc6352-8.7.2-addressbook-multiget-version').replace('/home/bernard/addressbook/vcf3.vcf', '/bernard/addressbook/vcf1.vcf')
          .replace('</C:addressbook-multiget>', '<D:href>/bernard/addressbook/vcf3.vcf</D:href></C:addressbook-multiget>');
        const data = addressDataByHref(await report('/bernard/addressbook/', body));
        expect(lineOf(data['/bernard/addressbook/vcf1.vcf']!, 'VERSION')).toBe('4.0');
        expect(lineOf(data['/bernard/addressbook/vcf1.vcf']!, 'NICKNAME')).toBe('me');
        expect(data['/bernard/addressbook/vcf3.vcf']).toBe(BERNARD);
        // The RFC's default is vCard 3.0: a 4.0 card is given as 3.0 then, the 3.0 ones as stored.
        const plain = addressDataByHref(await report('/bernard/addressbook/', multiget(['/bernard/addressbook/vcf1.vcf', '/bernard/addressbook/vcf3.vcf'])));
        expect(plain['/bernard/addressbook/vcf1.vcf']).toBe(CYRUS);
        expect(lineOf(plain['/bernard/addressbook/vcf3.vcf']!, 'VERSION')).toBe('3.0');
        expect(lineOf(plain['/bernard/addressbook/vcf3.vcf']!, 'FN')).toBe('Bernard Desruisseaux');
        // A legacy content type names the same data.
        const legacy = addressDataByHref(await report('/bernard/addressbook/', multiget(['/bernard/addressbook/vcf1.vcf'], '<C:address-data content-type="text/x-vcard" version="3.0"/>')));
        expect(legacy['/bernard/addressbook/vcf1.vcf']).toBe(CYRUS);
      });
    });

    describe('collection properties and sync', () => {
      it('advertises vCard 3.0 and 4.0, the CardDAV reports and the address book resource type', async () => {
        const body = `<D:propfind xmlns:D="DAV:" xmlns:C="${CARDDAV}"><D:prop><D:resourcetype/><C:supported-address-data/><D:supported-report-set/></D:prop></D:propfind>`;
        const { responses } = readMultistatus((await dav('PROPFIND', '/bernard/addressbook/', body, { Depth: '0' })).text);
        const props = responses[0]!.ok;
        expect(namesIn(props['{DAV:}resourcetype'])).toContain(`{${CARDDAV}}addressbook`);
        expect(props[`{${CARDDAV}}supported-address-data`]!.children.map((c) => [c.attrs['content-type'], c.attrs['version']])).toEqual([['text/vcard', '3.0'], ['text/vcard', '4.0']]);
        const reports = props['{DAV:}supported-report-set']!.children.map((r) => clark(r.children[0]!.children[0]!));
        expect(reports).toEqual(expect.arrayContaining([`{${CARDDAV}}addressbook-query`, `{${CARDDAV}}addressbook-multiget`, '{DAV:}sync-collection']));
      });

      it('syncs with address-data: REST and DAV changes and deletions, in one change order', async () => {
        const initial = readMultistatus(await report('/bernard/addressbook/', syncBody(''), { Depth: '0' }));
        expect(initial.responses.map((r) => r.href)).toEqual(['/bernard/addressbook/vcf1.vcf', '/bernard/addressbook/vcf2.vcf', '/bernard/addressbook/vcf3.vcf']);
        expect(initial.responses[0]!.ok[ADDRESS_DATA]!.text).toBe(CYRUS);
        const id = /^"(\d+):/.exec((await dav('GET', '/bernard/addressbook/vcf2.vcf')).headers.get('etag')!)![1];
        expect((await rest.patch(`/bernard/addressbook/${id}`, { fullName: 'Eric York Jr.' })).status).toBe(204);
        expect((await dav('DELETE', '/bernard/addressbook/vcf3.vcf')).status).toBe(204);
        const next = readMultistatus(await report('/bernard/addressbook/', syncBody(initial.syncToken!), { Depth: '0' }));
        expect(next.responses.map((r) => [r.href, r.status ?? 200])).toEqual([['/bernard/addressbook/vcf2.vcf', 200], ['/bernard/addressbook/vcf3.vcf', 404]]);
        expect(lineOf(next.responses[0]!.ok[ADDRESS_DATA]!.text, 'FN')).toBe('Eric York Jr.');
        expect((await dav('PUT', '/bernard/addressbook/vcf3.vcf', BERNARD, VCARD)).status).toBe(201);
      });
    });

    describe('the accounts directory over CardDAV', () => {
      it('lists one read-only card per account, kept in step with the accounts before it is served', async () => {
        const listing = async () => readMultistatus((await dav('PROPFIND', '/addressbook-accounts/', '<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/><D:displayname/><CS:getctag xmlns:CS="http://calendarserver.org/ns/"/></D:prop></D:propfind>', { Depth: '1' })).text);
        const before = await listing();
        const names = before.responses.slice(1).map((r) => r.ok['{DAV:}displayname']?.text).sort();
        // Every account: the server's administrator too.
        expect(names).toEqual(['Administrator', 'Bernard Desruisseaux']);
        const ctag = before.responses[0]!.ok['{http://calendarserver.org/ns/}getctag']!.text;
        const sync = readMultistatus(await report('/addressbook-accounts/', syncBody(''), { Depth: '0' }));
        const mine = sync.responses.find((r) => lineOf(r.ok[ADDRESS_DATA]!.text, 'FN') === 'Bernard Desruisseaux')!;
        const card = mine.ok[ADDRESS_DATA]!.text;
        expect(lineOf(card, 'FN')).toBe('Bernard Desruisseaux');
        expect(lineOf(card, 'EMAIL')).toBe('bernard@example.com');

        await addUser(s.running.services.admin, { login: 'cyrus', password: 'cyrus-password', fullName: 'Cyrus Daboo', email: 'cyrus@example.com' });
        // Its other URL, below the caller's home, is brought up to date as well before it answers.
        const viaHome = readMultistatus((await dav('PROPFIND', '/bernard/addressbook-accounts/', '<D:propfind xmlns:D="DAV:"><D:prop><CS:getctag xmlns:CS="http://calendarserver.org/ns/"/></D:prop></D:propfind>', { Depth: '0' })).text);
        expect(viaHome.responses[0]!.ok['{http://calendarserver.org/ns/}getctag']!.text).not.toBe(ctag);
        const after = await listing();
        expect(after.responses[0]!.ok['{http://calendarserver.org/ns/}getctag']!.text).not.toBe(ctag);
        expect(after.responses.slice(1).map((r) => r.ok['{DAV:}displayname']?.text).sort()).toEqual(['Administrator', 'Bernard Desruisseaux', 'Cyrus Daboo']);
        const changes = readMultistatus(await report('/addressbook-accounts/', syncBody(sync.syncToken!), { Depth: '0' }));
        expect(changes.responses.map((r) => lineOf(r.ok[ADDRESS_DATA]!.text, 'FN'))).toEqual(['Cyrus Daboo']);

        await deleteUser(s.running.services.admin, 'cyrus');
        const gone = readMultistatus(await report('/addressbook-accounts/', syncBody(changes.syncToken!), { Depth: '0' }));
        expect(gone.responses.map((r) => r.status)).toEqual([404]);

        const href = mine.href;
        expect((await dav('PUT', href, vcardOf('3.0', 'UID:x', 'FN:Forged'), VCARD)).status).toBe(403);
        expect((await dav('PUT', '/addressbook-accounts/new.vcf', vcardOf('3.0', 'UID:new-account', 'FN:Forged'), VCARD)).status).toBe(403);
        expect((await dav('DELETE', href)).status).toBe(403);
        // The directory answers addressbook-query too, and is part of the /addressbook/ union.
        const found = addressDataByHref(await report('/addressbook-accounts/', ABQ('<C:prop-filter name="EMAIL"><C:text-match>bernard@</C:text-match></C:prop-filter>', '<C:address-data/>')));
        expect(Object.keys(found)).toEqual([href]);
        const union = addressDataByHref(await report('/addressbook/', ABQ('<C:prop-filter name="FN"><C:text-match>Desruisseaux</C:text-match></C:prop-filter>', '<C:address-data/>')));
        expect(Object.keys(union).length).toBe(2);
      });
    });
  });
}
