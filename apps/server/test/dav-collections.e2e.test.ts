import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addGroup, addGroupMember, addUser, setGrant } from '@almanac/accounts';
import { Right } from '@almanac/domain-kernel';
import { clark, parseXml } from '@almanac/http-dav';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { type DavClient, davClient, fixture, namesIn, readMultistatus, TEST_DAV_APPS, vevent, vtodo } from './dav-support.js';
import { client, startTestServer, type TestServer } from './support.js';

const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
const ICAL = 'http://apple.com/ns/ical/';

const propfind = (props: string) => `<D:propfind xmlns:D="DAV:" xmlns:C="${CALDAV}" xmlns:CR="${CARDDAV}" xmlns:I="${ICAL}"><D:prop>${props}</D:prop></D:propfind>`;

for (const kind of testStoreKinds()) {
  describe(`DAV collections: MKCALENDAR, extended MKCOL, PROPPATCH, DELETE (${kind})`, () => {
    let s: TestServer;
    let alice: DavClient;
    let bob: DavClient;
    const props = async (who: DavClient, path: string, body: string) =>
      readMultistatus((await who('PROPFIND', path, body, { Depth: '0' })).text).byHref[path]!;
    beforeAll(async () => {
      s = await startTestServer(kind, {}, { davApps: TEST_DAV_APPS });
      const admin = s.running.services.admin;
      await addUser(admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell' });
      await addUser(admin, { login: 'bob', password: 'bob-password', fullName: 'Bob Builder' });
      await addGroup(admin, 'team');
      await addGroupMember(admin, 'team', 'alice');
      await setGrant(admin, 'team', 'alice', 'calendar', Right.READ | Right.ADD | Right.EDIT | Right.DELETE);
      await setGrant(admin, 'alice', 'bob', 'calendar', Right.READ);
      alice = davClient(s.url, 'alice', 'alice-password');
      bob = davClient(s.url, 'bob', 'bob-password');
    });
    afterAll(async () => { await s.cleanup(); });

    it('creates a calendar with MKCALENDAR (RFC 4791 §5.3.1.2), keeping the time zone as sent', async () => {
      const res = await alice('MKCALENDAR', '/alice/lisa-events/', fixture('rfc4791-5.3.1.2-mkcalendar'));
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe('/alice/lisa-events/');
      const p = await props(alice, '/alice/lisa-events/', propfind('<D:displayname/><C:calendar-description/><D:resourcetype/><C:supported-calendar-component-set/><C:calendar-timezone/>'));
      expect(p.ok['{DAV:}displayname']!.text).toBe("Lisa's Events");
      expect(p.ok[`{${CALDAV}}calendar-description`]!.text).toBe('Calendar restricted to events.');
      expect(namesIn(p.ok['{DAV:}resourcetype'])).toContain(`{${CALDAV}}calendar`);
      expect(p.ok[`{${CALDAV}}calendar-timezone`]!.text).toContain('BEGIN:VTIMEZONE');
      // The new calendar takes events right away, and is listed in the home.
      expect((await alice('PUT', '/alice/lisa-events/a.ics', vevent('a-1'), { 'Content-Type': 'text/calendar' })).status).toBe(201);
      const home = readMultistatus((await alice('PROPFIND', '/alice/', propfind('<D:resourcetype/>'), { Depth: '1' })).text);
      expect(home.responses.map((r) => r.href)).toContain('/alice/lisa-events/');
      // REST sees the same collection.
      expect((await client(s.url, 'alice', 'alice-password').get('/alice/')).body.responses).toHaveProperty(['/alice/lisa-events/']);
    });

    it('creates calendars the way Apple Calendar does, with color, order and transparency', async () => {
      expect((await alice('MKCALENDAR', '/alice/8F6B2A1C-0D7E-4C1B-9B65-3A1D0E7C2F11/', fixture('apple-calendar-mkcalendar'))).status).toBe(201);
      const p = await props(alice, '/alice/8F6B2A1C-0D7E-4C1B-9B65-3A1D0E7C2F11/', propfind('<D:displayname/><I:calendar-color/><I:calendar-order/><C:schedule-calendar-transp/>'));
      expect(p.ok['{DAV:}displayname']!.text).toBe('Untitled');
      expect(p.ok[`{${ICAL}}calendar-color`]!.text).toBe('#63DA38FF');
      expect(p.ok[`{${ICAL}}calendar-order`]!.text).toBe('2');
      expect(namesIn(p.ok[`{${CALDAV}}schedule-calendar-transp`])).toEqual([`{${CALDAV}}transparent`]);
    });

    it('creates task lists (VTODO only) and address books with extended MKCOL (RFC 5689, RFC 6352 §6.3.1.1)', async () => {
      const tasks = `<D:mkcol xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:set><D:prop><D:resourcetype><D:collection/><C:calendar/></D:resourcetype><D:displayname>Chores</D:displayname><C:supported-calendar-component-set><C:comp name="VTODO"/></C:supported-calendar-component-set></D:prop></D:set></D:mkcol>`;
      expect((await alice('MKCOL', '/alice/chores/', tasks)).status).toBe(201);
      const t = await props(alice, '/alice/chores/', propfind('<D:resourcetype/><C:supported-calendar-component-set/>'));
      expect(namesIn(t.ok['{DAV:}resourcetype'])).toContain('{http://groupdav.org/}vtodo-collection');
      expect(t.ok[`{${CALDAV}}supported-calendar-component-set`]!.children.map((c) => c.attrs.name)).toEqual(['VTODO']);
      expect((await alice('PUT', '/alice/chores/t.ics', vtodo('t-1'), { 'Content-Type': 'text/calendar' })).status).toBe(201);
      const refused = await alice('PUT', '/alice/chores/e.ics', vevent('e-1'), { 'Content-Type': 'text/calendar' });
      expect(refused.status).toBe(403);
      expect(clark(parseXml(refused.text).children[0]!)).toBe(`{${CALDAV}}supported-calendar-component`);

      expect((await alice('MKCOL', '/alice/lisa-contacts/', fixture('rfc6352-6.3.1.1-mkcol-addressbook'))).status).toBe(201);
      const a = await props(alice, '/alice/lisa-contacts/', propfind('<D:displayname/><CR:addressbook-description/><D:resourcetype/><CR:supported-address-data/>'));
      expect(a.ok['{DAV:}displayname']!.text).toBe("Lisa's Contacts");
      expect(a.ok[`{${CARDDAV}}addressbook-description`]!.text).toBe('My primary address book.');
      expect(namesIn(a.ok['{DAV:}resourcetype'])).toEqual(expect.arrayContaining(['{DAV:}collection', `{${CARDDAV}}addressbook`]));
    });

    it('refuses what cannot be created: existing URLs, plain collections, nested ones, bad names, foreign homes', async () => {
      const existing = await alice('MKCALENDAR', '/alice/calendar/');
      expect(existing.status).toBe(405);
      expect(clark(parseXml(existing.text).children[0]!)).toBe('{DAV:}resource-must-be-null');
      const plain = await alice('MKCOL', '/alice/plain/');
      expect(plain.status).toBe(403);
      expect(clark(parseXml(plain.text).children[0]!)).toBe('{DAV:}valid-resourcetype');
      const bogusType = await alice('MKCOL', '/alice/bogus/', '<D:mkcol xmlns:D="DAV:"><D:set><D:prop><D:resourcetype><D:collection/><X:thing xmlns:X="urn:x"/></D:resourcetype><D:displayname>x</D:displayname></D:prop></D:set></D:mkcol>');
      expect(bogusType.status).toBe(403);
      const response = parseXml(bogusType.text);
      expect(clark(response)).toBe('{DAV:}mkcol-response');
      expect(response.children.map((ps) => ps.children.find((c) => c.local === 'status')!.text)).toEqual(['HTTP/1.1 424 Failed Dependency', 'HTTP/1.1 403 Forbidden']);
      expect((await alice('PROPFIND', '/alice/bogus/', undefined, { Depth: '0' })).status).toBe(404);
      const nested = await alice('MKCALENDAR', '/alice/calendar/inner/');
      expect(nested.status).toBe(403);
      expect(clark(parseXml(nested.text).children[0]!)).toBe(`{${CALDAV}}calendar-collection-location-ok`);
      expect((await alice('MKCALENDAR', '/alice/deep/er/')).status).toBe(409);
      expect((await alice('MKCALENDAR', '/alice/bad%20name/')).status).toBe(403);
      expect((await bob('MKCALENDAR', '/alice/bobs/')).status).toBe(403);
      const vjournal = `<C:mkcalendar xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:set><D:prop><C:supported-calendar-component-set><C:comp name="VJOURNAL"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`;
      const journal = await alice('MKCALENDAR', '/alice/journal/', vjournal);
      expect(journal.status).toBe(403);
      expect(clark(parseXml(journal.text))).toBe(`{${CALDAV}}mkcalendar-response`);
    });

    it('lets group managers create and delete collections in the group home', async () => {
      expect((await alice('MKCALENDAR', '/team/rota/')).status).toBe(201);
      expect((await bob('MKCALENDAR', '/team/bobs/')).status).toBe(403);
      expect((await alice('DELETE', '/team/rota/')).status).toBe(204);
      expect((await alice('PROPFIND', '/team/rota/', undefined, { Depth: '0' })).status).toBe(404);
    });

    it('changes display name, description, color and order with PROPPATCH as Apple does, and stores them', async () => {
      const res = await alice('PROPPATCH', '/alice/calendar/', fixture('apple-calendar-proppatch-color-order'));
      expect(res.status).toBe(207);
      const answer = readMultistatus(res.text).byHref['/alice/calendar/']!;
      expect(Object.keys(answer.ok).sort()).toEqual(['{DAV:}displayname', `{${ICAL}}calendar-color`, `{${ICAL}}calendar-order`]);
      const p = await props(alice, '/alice/calendar/', propfind('<D:displayname/><I:calendar-color/><I:calendar-order/>'));
      expect(p.ok['{DAV:}displayname']!.text).toBe('Home');
      expect(p.ok[`{${ICAL}}calendar-color`]!.text).toBe('#FF2968FF');
      expect(p.ok[`{${ICAL}}calendar-order`]!.text).toBe('3');
      const desc = `<D:propertyupdate xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:set><D:prop><C:calendar-description>Family things</C:calendar-description></D:prop></D:set></D:propertyupdate>`;
      expect((await alice('PROPPATCH', '/alice/calendar/', desc)).status).toBe(207);
      expect((await props(alice, '/alice/calendar/', propfind('<C:calendar-description/>'))).ok[`{${CALDAV}}calendar-description`]!.text).toBe('Family things');
    });

    it('stores dead properties in foreign namespaces and gives them back as set, whatever prefixes the reader uses', async () => {
      const res = await alice('PROPPATCH', '/alice/addressbook/', fixture('foreign-dead-properties-proppatch'));
      expect(res.status).toBe(207);
      expect(Object.keys(readMultistatus(res.text).byHref['/alice/addressbook/']!.ok)).toHaveLength(6);
      const read = `<propfind xmlns="DAV:"><prop><n:note xmlns:n="urn:example:unknown"/><q:unprefixed xmlns:q="urn:example:default"/><nons xmlns=""/><displayname/></prop></propfind>`;
      const p = await props(alice, '/alice/addressbook/', read);
      const note = p.ok['{urn:example:unknown}note']!;
      expect(note.attrs['{http://www.w3.org/XML/1998/namespace}lang']).toBe('fr');
      expect(note.content.map((c) => (typeof c === 'string' ? c : 'local' in c ? `<${c.local}>${c.text}` : ''))).toEqual(['Réunion & ', '<em>important', ' — à revoir']);
      expect(p.ok['{urn:example:default}unprefixed']!.children[0]!.attrs.attr).toBe('1');
      expect(p.ok.nons!.text).toBe('no namespace');
      // `remove` of displayname restores the default (the collection's name).
      expect(p.ok['{DAV:}displayname']!.text).toBe('addressbook');
      // allprop shows them too.
      const all = readMultistatus((await alice('PROPFIND', '/alice/addressbook/', undefined, { Depth: '0' })).text).byHref['/alice/addressbook/']!;
      expect(all.ok['{http://sabredav.org/ns}empty']).toBeDefined();
      const remove = '<D:propertyupdate xmlns:D="DAV:"><D:remove><D:prop><x:note xmlns:x="urn:example:unknown"/></D:prop></D:remove></D:propertyupdate>';
      expect((await alice('PROPPATCH', '/alice/addressbook/', remove)).status).toBe(207);
      expect((await props(alice, '/alice/addressbook/', read)).failed[404]).toEqual(['{urn:example:unknown}note']);
    });

    it('is all or nothing: a protected property is 403, an invalid value 409, the rest 424 and unchanged', async () => {
      const body = `<D:propertyupdate xmlns:D="DAV:" xmlns:I="${ICAL}"><D:set><D:prop><D:displayname>Never</D:displayname><D:getetag>"x"</D:getetag><I:calendar-color>red</I:calendar-color><Z:dead xmlns:Z="urn:z">v</Z:dead></D:prop></D:set></D:propertyupdate>`;
      const res = await alice('PROPPATCH', '/alice/infolog/', body);
      expect(res.status).toBe(207);
      const r = readMultistatus(res.text).byHref['/alice/infolog/']!;
      expect(r.failed).toEqual({ 424: ['{DAV:}displayname', '{urn:z}dead'], 403: ['{DAV:}getetag'], 409: [`{${ICAL}}calendar-color`] });
      const p = await props(alice, '/alice/infolog/', propfind('<D:displayname/><Z:dead xmlns:Z="urn:z"/>'));
      expect(p.ok['{DAV:}displayname']!.text).toBe('Alice Liddell tasks');
      expect(p.failed[404]).toEqual(['{urn:z}dead']);
      // Properties live on calendars and address books only.
      const onHome = readMultistatus((await alice('PROPPATCH', '/alice/', '<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><Z:x xmlns:Z="urn:z">1</Z:x></D:prop></D:set></D:propertyupdate>')).text);
      expect(onHome.byHref['/alice/']!.failed[403]).toEqual(['{urn:z}x']);
    });

    it('derives privileges from grants: a reader may read, not write properties or content (behaviour §4.3)', async () => {
      const cups = `<D:propfind xmlns:D="DAV:"><D:prop><D:current-user-privilege-set/></D:prop></D:propfind>`;
      const granted = namesIn((await props(bob, '/alice/calendar/', cups)).ok['{DAV:}current-user-privilege-set']);
      expect(granted).toEqual(['{DAV:}read', `{${CALDAV}}read-free-busy`, '{DAV:}read-current-user-privilege-set']);
      expect((await bob('PROPFIND', '/alice/addressbook/', cups, { Depth: '0' })).status).toBe(403);
      const denied = await bob('PROPPATCH', '/alice/calendar/', '<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:displayname>Mine</D:displayname></D:prop></D:set></D:propertyupdate>');
      expect(denied.status).toBe(403);
      expect(clark(parseXml(denied.text).children[0]!)).toBe('{DAV:}need-privileges');
      // Bob sees only what was granted in Alice's home: her calendars (a grant is per app), not her
      // task lists, address books or scheduling boxes.
      const home = readMultistatus((await bob('PROPFIND', '/alice/', cups, { Depth: '1' })).text);
      expect(home.responses.map((r) => r.href)).toEqual(['/alice/', '/alice/calendar/', '/alice/lisa-events/', '/alice/8F6B2A1C-0D7E-4C1B-9B65-3A1D0E7C2F11/']);
    });

    it('deletes created collections with their resources, never the default ones', async () => {
      expect((await alice('MKCALENDAR', '/alice/doomed/')).status).toBe(201);
      expect((await alice('PUT', '/alice/doomed/x.ics', vevent('doomed-1'), { 'Content-Type': 'text/calendar' })).status).toBe(201);
      expect((await alice('PROPPATCH', '/alice/doomed/', '<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><Z:x xmlns:Z="urn:z">1</Z:x></D:prop></D:set></D:propertyupdate>')).status).toBe(207);
      expect((await bob('DELETE', '/alice/doomed/')).status).toBe(403);
      expect((await alice('DELETE', '/alice/doomed/', undefined, { Depth: '0' })).status).toBe(400);
      expect((await alice('DELETE', '/alice/doomed/')).status).toBe(204);
      expect((await alice('GET', '/alice/doomed/x.ics')).status).toBe(404);
      expect((await alice('MKCALENDAR', '/alice/doomed/')).status).toBe(201);
      const fresh = await props(alice, '/alice/doomed/', '<propfind xmlns="DAV:"><prop><x xmlns="urn:z"/></prop></propfind>');
      expect(fresh.failed[404]).toEqual(['{urn:z}x']);
      expect((await alice('DELETE', '/alice/calendar/')).status).toBe(403);
      expect((await alice('DELETE', '/addressbook/')).status).toBe(403);
    });
  });
}
