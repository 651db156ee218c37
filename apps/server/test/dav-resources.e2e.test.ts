import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser, setGrant } from '@almanac/accounts';
import { Right } from '@almanac/domain-kernel';
import { clark, parseXml } from '@almanac/http-dav';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { type DavClient, davClient, fixture, readMultistatus, TEST_DAV_APPS, vcard, vevent, vtodo } from './dav-support.js';
import { client, startTestServer, type TestServer } from './support.js';

const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
const ICS = { 'Content-Type': 'text/calendar; charset=utf-8' };
const errorOf = (text: string) => clark(parseXml(text).children[0]!);
const syncBody = (token: string, props = '<D:getetag/>', limit?: number) =>
  `<D:sync-collection xmlns:D="DAV:" xmlns:C="${CALDAV}" xmlns:CR="${CARDDAV}"><D:sync-token>${token}</D:sync-token><D:sync-level>1</D:sync-level>${limit ? `<D:limit><D:nresults>${limit}</D:nresults></D:limit>` : ''}<D:prop>${props}</D:prop></D:sync-collection>`;

for (const kind of testStoreKinds()) {
  describe(`DAV resources, sync and reports (${kind})`, () => {
    let s: TestServer;
    let alice: DavClient;
    let bob: DavClient;
    const sync = async (path: string, token: string, limit?: number, props?: string, headers: Record<string, string> = {}) => {
      const res = await alice('REPORT', path, syncBody(token, props, limit), headers);
      expect(res.status).toBe(207);
      return readMultistatus(res.text);
    };
    beforeAll(async () => {
      s = await startTestServer(kind, {}, { davApps: TEST_DAV_APPS });
      const admin = s.running.services.admin;
      await addUser(admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell' });
      await addUser(admin, { login: 'bob', password: 'bob-password' });
      await setGrant(admin, 'alice', 'bob', 'calendar', Right.READ);
      alice = davClient(s.url, 'alice', 'alice-password');
      bob = davClient(s.url, 'bob', 'bob-password');
    });
    afterAll(async () => { await s.cleanup(); });

    it('stores a PUT as received and returns the same bytes and ETag on GET and HEAD', async () => {
      const text = vevent('put-1', 'Läuft heute', 'X-CUSTOM;X-P="a;b":keep me\r\n folded');
      const put = await alice('PUT', '/alice/calendar/put-1.ics', text, ICS);
      expect(put.status).toBe(201);
      const etag = put.headers.get('etag');
      expect(etag).toMatch(/^"\d+:1"$/);
      const get = await alice('GET', '/alice/calendar/put-1.ics');
      expect(get.status).toBe(200);
      expect(get.text).toBe(text);
      expect(get.headers.get('etag')).toBe(etag);
      expect(get.headers.get('content-type')).toBe('text/calendar; charset=utf-8; component=VEVENT');
      const head = await alice('HEAD', '/alice/calendar/put-1.ics');
      expect([head.status, head.text, head.headers.get('etag')]).toEqual([200, '', etag]);
      expect((await alice('GET', '/alice/calendar/put-1.ics', undefined, { 'If-None-Match': etag! })).status).toBe(304);
      // DECISIONS.md: a segment is also read as a UID and as the numeric id.
      expect((await alice('GET', '/alice/calendar/put-1')).text).toBe(text);
      expect((await alice('GET', `/alice/calendar/${/"(\d+):/.exec(etag!)![1]}`)).text).toBe(text);
      // The body's charset is honoured.
      const latin1 = Buffer.from(vevent('latin-1', 'Grüße'), 'latin1');
      const res = await fetch(`${s.url}/alice/calendar/latin-1.ics`, { method: 'PUT', body: latin1, headers: { Authorization: `Basic ${Buffer.from('alice:alice-password').toString('base64')}`, 'Content-Type': 'text/calendar; charset=iso-8859-1' } });
      expect(res.status).toBe(201);
      expect((await alice('GET', '/alice/calendar/latin-1.ics')).text).toContain('SUMMARY:Grüße');
    });

    it('follows the conditional request rules of RFC 9110 and DECISIONS.md on PUT and DELETE', async () => {
      const first = await alice('PUT', '/alice/calendar/cond.ics', vevent('cond-1'), { ...ICS, 'If-None-Match': '*' });
      expect(first.status).toBe(201);
      const etag = first.headers.get('etag')!;
      expect((await alice('PUT', '/alice/calendar/cond.ics', vevent('cond-1'), { ...ICS, 'If-None-Match': '*' })).status).toBe(412);
      expect((await alice('PUT', '/alice/calendar/cond.ics', vevent('cond-1', 'x'), { ...ICS, 'If-Match': '"1:999"' })).status).toBe(412);
      expect((await alice('PUT', '/alice/calendar/missing.ics', vevent('missing-1'), { ...ICS, 'If-Match': '*' })).status).toBe(412);
      expect((await alice('GET', '/alice/calendar/missing.ics')).status).toBe(404);
      const update = await alice('PUT', '/alice/calendar/cond.ics', vevent('cond-1', 'Moved'), { ...ICS, 'If-Match': etag });
      expect(update.status).toBe(204);
      expect(update.headers.get('etag')).not.toBe(etag);
      expect((await alice('DELETE', '/alice/calendar/cond.ics', undefined, { 'If-Match': etag })).status).toBe(412);
      expect((await alice('DELETE', '/alice/calendar/cond.ics', undefined, { 'If-Match': update.headers.get('etag')! })).status).toBe(204);
      expect((await alice('GET', '/alice/calendar/cond.ics')).status).toBe(404);
      expect((await alice('DELETE', '/alice/calendar/cond.ics')).status).toBe(404);
    });

    it('answers CalDAV/CardDAV preconditions: no-uid-conflict with the other href, valid data, supported data', async () => {
      expect((await alice('PUT', '/alice/calendar/uid-a.ics', vevent('shared-uid'), ICS)).status).toBe(201);
      const clash = await alice('PUT', '/alice/calendar/uid-b.ics', vevent('shared-uid'), ICS);
      expect(clash.status).toBe(409);
      const condition = parseXml(clash.text).children[0]!;
      expect(clark(condition)).toBe(`{${CALDAV}}no-uid-conflict`);
      expect(condition.children[0]!.text).toBe('/alice/calendar/uid-a.ics');
      const changed = await alice('PUT', '/alice/calendar/uid-a.ics', vevent('another-uid'), ICS);
      expect([changed.status, errorOf(changed.text)]).toEqual([409, `{${CALDAV}}no-uid-conflict`]);
      const invalid = await alice('PUT', '/alice/calendar/bad.ics', 'this is not iCalendar', ICS);
      expect([invalid.status, errorOf(invalid.text)]).toEqual([403, `{${CALDAV}}valid-calendar-data`]);
      const wrongType = await alice('PUT', '/alice/calendar/type.ics', vevent('type-1'), { 'Content-Type': 'image/png' });
      expect([wrongType.status, errorOf(wrongType.text)]).toEqual([415, `{${CALDAV}}supported-calendar-data`]);
      const card = await alice('PUT', '/alice/addressbook/c.vcf', vcard('card-1', 'Carl'), { 'Content-Type': 'text/x-vcard' });
      expect(card.status).toBe(201);
      const cardClash = await alice('PUT', '/alice/addressbook/d.vcf', vcard('card-1', 'Carl'), { 'Content-Type': 'text/vcard' });
      expect([cardClash.status, errorOf(cardClash.text)]).toEqual([409, `{${CARDDAV}}no-uid-conflict`]);
      expect((await alice('PUT', '/alice/calendar/', vevent('x'), ICS)).status).toBe(405);
      expect((await alice('PUT', '/alice/nowhere/x.ics', vevent('x'), ICS)).status).toBe(409);
    });

    it('applies grants: a reader reads and lists, may not write, and sees nothing of what it was not granted', async () => {
      expect((await bob('GET', '/alice/calendar/put-1.ics')).status).toBe(200);
      expect((await bob('PUT', '/alice/calendar/put-1.ics', vevent('put-1', 'Hijack'), ICS)).status).toBe(403);
      expect((await bob('PUT', '/alice/calendar/new.ics', vevent('bob-new'), ICS)).status).toBe(403);
      expect((await bob('DELETE', '/alice/calendar/put-1.ics')).status).toBe(403);
      // DECISIONS.md: inside a collection one may not read, a resource answers as a missing one.
      expect((await bob('GET', '/alice/addressbook/c.vcf')).status).toBe(404);
      const listing = readMultistatus((await bob('PROPFIND', '/alice/calendar/', '<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>', { Depth: '1' })).text);
      expect(listing.responses.map((r) => r.href)).toContain('/alice/calendar/put-1.ics');
    });

    it('syncs a collection (RFC 6578): initial, incremental with changes and deletions, and nothing new', async () => {
      expect((await alice('MKCALENDAR', '/alice/sync/')).status).toBe(201);
      for (const n of [1, 2, 3]) expect((await alice('PUT', `/alice/sync/e${n}.ics`, vevent(`sync-${n}`), ICS)).status).toBe(201);
      const initial = await sync('/alice/sync/', '', undefined, '<D:getetag/><C:calendar-data/>');
      expect(initial.responses.map((r) => r.href)).toEqual(['/alice/sync/e1.ics', '/alice/sync/e2.ics', '/alice/sync/e3.ics']);
      expect(initial.responses[0]!.ok[`{${CALDAV}}calendar-data`]!.text).toBe(vevent('sync-1'));
      expect(initial.syncToken).toBe(`${s.url}/alice/sync/3`);

      expect((await alice('PUT', '/alice/sync/e1.ics', vevent('sync-1', 'Changed'), ICS)).status).toBe(204);
      expect((await alice('DELETE', '/alice/sync/e2.ics')).status).toBe(204);
      expect((await alice('PUT', '/alice/sync/e4.ics', vevent('sync-4'), ICS)).status).toBe(201);
      // DAVx5 and others send Depth: 1 although RFC 6578 §3.3 says 0.
      const next = await sync('/alice/sync/', initial.syncToken!, undefined, undefined, { Depth: '1' });
      expect(next.responses.map((r) => [r.href, r.status ?? 200])).toEqual([['/alice/sync/e1.ics', 200], ['/alice/sync/e2.ics', 404], ['/alice/sync/e4.ics', 200]]);
      expect(next.responses[0]!.ok['{DAV:}getetag']!.text).toBe((await alice('GET', '/alice/sync/e1.ics')).headers.get('etag'));
      const none = await sync('/alice/sync/', next.syncToken!);
      expect(none.responses).toEqual([]);
      expect(none.syncToken).toBe(next.syncToken);
      expect((await alice('REPORT', '/alice/sync/', syncBody(''), { Depth: 'infinity' })).status).toBe(400);
    });

    it('cuts a sync at DAV:limit with the 507 response and resumes from the token it gives (RFC 6578 §3.6)', async () => {
      const first = readMultistatus((await alice('REPORT', '/alice/sync/', fixture('rfc6578-3.10-sync-collection-limit'), { Depth: '0' })).text);
      // Oldest change first: e1 was changed after e3 was created.
      expect(first.responses.map((r) => [r.href, r.status ?? 200])).toEqual([['/alice/sync/e3.ics', 200], ['/alice/sync/', 507]]);
      expect(clark(first.responses[1]!.error!.children[0]!)).toBe('{DAV:}number-of-matches-within-limits');
      const seen: [string, number][] = [[first.responses[0]!.href, 200]];
      let token = first.syncToken!;
      for (let page = 0; page < 10; page++) {
        const more = await sync('/alice/sync/', token, 1);
        const items = more.responses.filter((r) => r.status !== 507);
        seen.push(...items.map((r): [string, number] => [r.href, r.status ?? 200]));
        token = more.syncToken!;
        if (!more.responses.some((r) => r.status === 507)) break;
      }
      // Resumed pages are incremental: the deletion after the first page's position comes as a 404.
      expect(seen).toEqual([['/alice/sync/e3.ics', 200], ['/alice/sync/e1.ics', 200], ['/alice/sync/e2.ics', 404], ['/alice/sync/e4.ics', 200]]);
      expect(token).toBe(`${s.url}/alice/sync/6`);
    });

    it('refuses unknown, malformed, foreign and future tokens with 403 DAV:valid-sync-token', async () => {
      for (const token of [`${s.url}/alice/sync/abc`, `${s.url}/alice/calendar/1`, `${s.url}/alice/sync/999`, 'http://example.com/ns/sync/1234']) {
        const res = await alice('REPORT', '/alice/sync/', syncBody(token));
        expect([token, res.status, errorOf(res.text)]).toEqual([token, 403, '{DAV:}valid-sync-token']);
      }
      // RFC 6578 §3.9's own example token belongs to another server.
      expect((await alice('REPORT', '/alice/sync/', fixture('rfc6578-3.9-sync-collection-with-token'))).status).toBe(403);
    });

    it('hands out the same tokens as REST: one interface continues where the other stopped', async () => {
      expect((await alice('MKCALENDAR', '/alice/tokens/')).status).toBe(201);
      const rest = client(s.url, 'alice', 'alice-password');
      const restToken = (await rest.get('/alice/tokens/?sync-token=')).body['sync-token'] as string;
      expect(restToken).toBe(`${s.url}/alice/tokens/0`);
      expect((await alice('PUT', '/alice/tokens/t.ics', vevent('tok-1'), ICS)).status).toBe(201);
      const dav = await sync('/alice/tokens/', restToken);
      expect(dav.responses.map((r) => r.href)).toEqual(['/alice/tokens/t.ics']);
      const back = await rest.get(`/alice/tokens/?sync-token=${encodeURIComponent(dav.syncToken!)}`);
      expect([back.status, back.body.responses, back.body['sync-token']]).toEqual([200, {}, dav.syncToken]);
    });

    it('syncs address books with address-data, and the union view /addressbook/ with per-collection positions', async () => {
      const body = `<sync-collection xmlns="DAV:" xmlns:card="${CARDDAV}"><sync-token/><sync-level>1</sync-level><prop><getetag/><card:address-data/></prop></sync-collection>`;
      const own = readMultistatus((await alice('REPORT', '/alice/addressbook/', body)).text);
      expect(own.responses.map((r) => r.href)).toEqual(['/alice/addressbook/c.vcf']);
      expect(own.responses[0]!.ok[`{${CARDDAV}}address-data`]!.text).toBe(vcard('card-1', 'Carl'));
      const union = readMultistatus((await alice('REPORT', '/addressbook/', body)).text);
      expect(union.responses.map((r) => r.href)).toEqual(['/addressbook/c.vcf']);
      // One position per readable address book: `id:n` pairs.
      expect(union.syncToken).toMatch(new RegExp(`^${s.url}/addressbook/(\\d+:\\d+,)*\\d+:1(,\\d+:\\d+)*$`));
      expect((await alice('REPORT', '/addressbook/', body.replace('<sync-token/>', `<sync-token>${union.syncToken}</sync-token>`))).status).toBe(207);
    });

    it('answers multiget href by href: found ones with their data, missing, foreign and malformed ones with 404', async () => {
      const hrefs = ['/alice/calendar/put-1.ics', `${s.url}/alice/calendar/uid-a.ics`, '/alice/calendar/none.ics', '/alice/sync/e1.ics', '/alice/addressbook/c.vcf', 'mailto:x@y', '/alice/calendar/%ZZ.ics'];
      const body = `<C:calendar-multiget xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:prop><D:getetag/><C:calendar-data/></D:prop>${hrefs.map((h) => `<D:href>${h}</D:href>`).join('')}</C:calendar-multiget>`;
      const res = await alice('REPORT', '/alice/calendar/', body, { Depth: '1' });
      expect(res.status).toBe(207);
      const ms = readMultistatus(res.text);
      expect(ms.responses.map((r) => [r.href, r.status ?? 200])).toEqual([
        ['/alice/calendar/put-1.ics', 200], [`${s.url}/alice/calendar/uid-a.ics`, 200], ['/alice/calendar/none.ics', 404],
        ['/alice/sync/e1.ics', 404], ['/alice/addressbook/c.vcf', 404], ['mailto:x@y', 404], ['/alice/calendar/%25ZZ.ics', 404],
      ]);
      expect(ms.responses[1]!.ok[`{${CALDAV}}calendar-data`]!.text).toBe(vevent('shared-uid'));
      // The shortcut /calendar/ is the same stored collection.
      const viaShortcut = readMultistatus((await alice('REPORT', '/calendar/', body)).text);
      expect(viaShortcut.responses[0]!.status).toBeUndefined();
      const cards = fixture('rfc6352-8.7.1-addressbook-multiget').replace('/home/bernard/addressbook/vcf102.vcf', '/alice/addressbook/c.vcf');
      const cardRes = readMultistatus((await alice('REPORT', '/alice/addressbook/', cards)).text);
      expect(cardRes.responses.map((r) => r.status ?? 200)).toEqual([200, 404]);
      expect(cardRes.responses[0]!.ok[`{${CARDDAV}}address-data`]!.text).toContain('FN:Carl');
    });

    it('runs calendar-query and addressbook-query through the app’s filter hooks, and refuses reports without a hook', async () => {
      expect((await alice('PUT', '/alice/infolog/t1.ics', vtodo('todo-1', 'Buy milk'), ICS)).status).toBe(201);
      const todos = readMultistatus((await alice('REPORT', '/alice/infolog/', fixture('thunderbird-calendar-query-vtodo'), { Depth: '1' })).text);
      expect(todos.responses.map((r) => r.href)).toEqual(['/alice/infolog/t1.ics']);
      const byText = `<C:calendar-query xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:prop-filter name="SUMMARY"><C:text-match>läuft</C:text-match></C:prop-filter></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>`;
      expect(readMultistatus((await alice('REPORT', '/alice/calendar/', byText, { Depth: '1' })).text).responses.map((r) => r.href)).toEqual(['/alice/calendar/put-1.ics']);
      expect((await alice('PUT', '/alice/addressbook/w.vcf', vcard('card-w', 'Wendy', 'wendy@example.com'), { 'Content-Type': 'text/vcard' })).status).toBe(201);
      const found = readMultistatus((await alice('REPORT', '/alice/addressbook/', fixture('evolution-addressbook-query-allof'), { Depth: '1' })).text);
      expect(found.responses.map((r) => r.href)).toEqual(['/alice/addressbook/w.vcf']);
      const freeBusy = await alice('REPORT', '/alice/calendar/', fixture('rfc4791-7.10.1-free-busy-query'), { Depth: '1' });
      expect([freeBusy.status, errorOf(freeBusy.text)]).toEqual([403, '{DAV:}supported-report']);
      const wrongKind = await alice('REPORT', '/alice/calendar/', fixture('evolution-addressbook-query-allof'));
      expect([wrongKind.status, errorOf(wrongKind.text)]).toEqual([403, '{DAV:}supported-report']);
    });

    it('reports a resource it cannot render in its own response and keeps the rest of the multistatus', async () => {
      const cal = (await s.running.services.store.repos.collections.getByName((await s.running.services.store.repos.users.getByLogin('alice'))!.id, 'sync'))!;
      await s.running.services.store.repos.resources.create(cal.id, { uid: 'broken', name: 'broken.ics', kind: 'event', data: { no: 'text' } });
      const listing = readMultistatus((await alice('PROPFIND', '/alice/sync/', '<propfind xmlns="DAV:"><prop><getetag/><getcontentlength/></prop></propfind>', { Depth: '1' })).text);
      expect(listing.byHref['/alice/sync/broken.ics']!.status).toBe(500);
      expect(listing.byHref['/alice/sync/e1.ics']!.ok['{DAV:}getetag']).toBeDefined();
      const synced = await sync('/alice/sync/', '', undefined, '<D:getetag/><C:calendar-data/>');
      expect(synced.byHref['/alice/sync/broken.ics']!.status).toBe(500);
      expect(synced.responses.filter((r) => r.status === undefined)).toHaveLength(3);
      const download = await alice('GET', '/alice/sync/?download');
      expect(download.status).toBe(200);
      expect(download.text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
      expect((await alice('GET', '/alice/sync/broken.ics')).status).toBe(500);
    });

    it('downloads a whole collection as one file with the ctag as ETag, 304 when unchanged (behaviour §1.5)', async () => {
      const tz = ['BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:STANDARD', 'DTSTART:19701025T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');
      for (const uid of ['tz-1', 'tz-2']) {
        const text = vevent(uid, 'Zoned').replace('BEGIN:VEVENT', `${tz}\r\nBEGIN:VEVENT`);
        expect((await alice('PUT', `/alice/tokens/${uid}.ics`, text, ICS)).status).toBe(201);
      }
      const res = await alice('GET', '/alice/tokens/?download');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="tokens.ics"');
      expect(res.text.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
      expect(res.text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
      expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
      const ctag = readMultistatus((await alice('PROPFIND', '/alice/tokens/', '<propfind xmlns="DAV:"><prop><getctag xmlns="http://calendarserver.org/ns/"/></prop></propfind>', { Depth: '0' })).text)
        .byHref['/alice/tokens/']!.ok['{http://calendarserver.org/ns/}getctag']!.text;
      expect(res.headers.get('etag')).toBe(`"${ctag}"`);
      expect((await alice('GET', '/alice/tokens/?download', undefined, { 'If-None-Match': `"${ctag}"` })).status).toBe(304);
      expect((await alice('DELETE', '/alice/tokens/tz-2.ics')).status).toBe(204);
      expect((await alice('GET', '/alice/tokens/?download', undefined, { 'If-None-Match': `"${ctag}"` })).status).toBe(200);
      const cards = await alice('GET', '/alice/addressbook/?download');
      expect(cards.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
      expect(cards.text.match(/BEGIN:VCARD/g)).toHaveLength(2);
    });

    it('shows a browser a readable, escaped HTML index of collections and the root (behaviour §1.5)', async () => {
      expect((await alice('PUT', '/alice/calendar/xss.ics', vevent('xss-1', '<script>alert(1)</script>'), ICS)).status).toBe(201);
      const res = await alice('GET', '/alice/calendar/', undefined, { Accept: 'text/html,application/xhtml+xml' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<h1>CalDAV ');
      expect(res.text).toContain('href="/alice/calendar/put-1.ics"');
      expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(res.text).not.toContain('<script>');
      expect(res.text).toContain('calendar-access');
      const root = await alice('GET', '/');
      expect(root.status).toBe(200);
      expect(root.text).toContain('href="/alice/"');
      expect((await alice('GET', '/principals/users/alice/')).text).toContain('calendar-home-set');
    });
  });
}
