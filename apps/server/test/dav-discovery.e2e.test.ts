import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addGroup, addGroupMember, addUser } from '@almanac/accounts';
import { clark, parseXml } from '@almanac/http-dav';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { type DavClient, davClient, fixture, hrefsIn, namesIn, readMultistatus, TEST_DAV_APPS } from './dav-support.js';
import { basic, startTestServer, type TestServer } from './support.js';

const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
const CS = 'http://calendarserver.org/ns/';

for (const kind of testStoreKinds()) {
  describe(`DAV discovery and PROPFIND (${kind})`, () => {
    let s: TestServer;
    let alice: DavClient;
    beforeAll(async () => {
      s = await startTestServer(kind, {}, { davApps: TEST_DAV_APPS });
      const admin = s.running.services.admin;
      await addUser(admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell', email: 'alice@example.org' });
      await addUser(admin, { login: 'bob', password: 'bob-password', fullName: 'Bob Builder', email: 'bob@example.org' });
      await addGroup(admin, 'team');
      await addGroupMember(admin, 'team', 'alice');
      alice = davClient(s.url, 'alice', 'alice-password');
    });
    afterAll(async () => { await s.cleanup(); });

    it('advertises the DAV classes and methods on OPTIONS (behaviour §6.2)', async () => {
      const res = await fetch(`${s.url}/alice/calendar/`, { method: 'OPTIONS' });
      expect(res.status).toBe(200);
      const classes = res.headers.get('dav')!.split(',').map((c) => c.trim());
      expect(classes).toEqual(expect.arrayContaining(['1', '3', 'access-control', 'calendar-access', 'addressbook', 'extended-mkcol', 'sync-collection']));
      expect(classes).not.toContain('2');
      expect(res.headers.get('allow')).toEqual(expect.stringContaining('PROPFIND'));
      for (const m of ['PROPPATCH', 'REPORT', 'MKCOL', 'MKCALENDAR', 'PUT', 'DELETE']) expect(res.headers.get('allow')).toContain(m);
    });

    it('bootstraps as iOS does: well-known redirect, then current-user-principal at the root (RFC 6764, RFC 5397)', async () => {
      const wellKnown = await alice('PROPFIND', '/.well-known/caldav', undefined, { Depth: '0' });
      expect(wellKnown.status).toBe(301);
      expect(wellKnown.headers.get('location')).toBe('/');
      const body = '<?xml version="1.0" encoding="UTF-8"?><A:propfind xmlns:A="DAV:"><A:prop><A:current-user-principal/><A:principal-collection-set/><B:x-unknown xmlns:B="urn:example:nope"/></A:prop></A:propfind>';
      const res = await alice('PROPFIND', '/', body, { Depth: '0' });
      expect(res.status).toBe(207);
      expect(res.headers.get('content-type')).toBe('text/xml; charset="utf-8"');
      const root = readMultistatus(res.text).byHref['/']!;
      expect(hrefsIn(root.ok['{DAV:}current-user-principal'])).toEqual(['/principals/users/alice/']);
      expect(hrefsIn(root.ok['{DAV:}principal-collection-set'])).toEqual(['/principals/']);
      expect(root.failed[404]).toEqual(['{urn:example:nope}x-unknown']);
    });

    it('answers the principal properties Apple Contacts asks for, unknown ones with 404', async () => {
      const res = await alice('PROPFIND', '/principals/users/alice/', fixture('apple-contacts-propfind-principal'), { Depth: '0' });
      expect(res.status).toBe(207);
      const p = readMultistatus(res.text).byHref['/principals/users/alice/']!;
      expect(hrefsIn(p.ok[`{${CARDDAV}}addressbook-home-set`])).toEqual(['/alice/']);
      expect(p.ok['{DAV:}displayname']!.text).toBe('Alice Liddell');
      expect(p.ok[`{${CS}}email-address-set`]!.children.map((c) => c.text)).toEqual(['alice@example.org']);
      expect(hrefsIn(p.ok['{DAV:}principal-URL'])).toEqual(['/principals/users/alice/']);
      expect(namesIn(p.ok['{DAV:}supported-report-set']!.children[0]!.children[0])).toEqual(['{DAV:}principal-property-search']);
      expect(p.failed[404]).toEqual(expect.arrayContaining([`{${CARDDAV}}directory-gateway`, '{DAV:}resource-id']));
    });

    it('finds the home sets, scheduling URLs and groups as DAVx5 does, under its own prefixes', async () => {
      const body = '<d:propfind xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:prop>'
        + '<cal:calendar-home-set/><card:addressbook-home-set/><d:group-membership/><cal:calendar-user-address-set/><cal:schedule-inbox-URL/><cal:schedule-outbox-URL/><cal:calendar-user-type/>'
        + '</d:prop></d:propfind>';
      const p = readMultistatus((await alice('PROPFIND', '/principals/users/alice/', body, { Depth: '0' })).text).byHref['/principals/users/alice/']!;
      expect(hrefsIn(p.ok[`{${CALDAV}}calendar-home-set`])).toEqual(['/alice/']);
      expect(hrefsIn(p.ok['{DAV:}group-membership'])).toEqual(['/principals/groups/team/']);
      expect(hrefsIn(p.ok[`{${CALDAV}}calendar-user-address-set`])).toEqual(['mailto:alice@example.org', '/principals/users/alice/']);
      expect(hrefsIn(p.ok[`{${CALDAV}}schedule-inbox-URL`])).toEqual(['/alice/inbox/']);
      expect(hrefsIn(p.ok[`{${CALDAV}}schedule-outbox-URL`])).toEqual(['/alice/outbox/']);
      expect(p.ok[`{${CALDAV}}calendar-user-type`]!.text).toBe('INDIVIDUAL');
    });

    it('lists a home at Depth 1 with the collection properties clients sync on (Thunderbird: default namespace)', async () => {
      const res = await alice('PROPFIND', '/alice/', fixture('thunderbird-propfind-default-namespace'), { Depth: '1' });
      expect(res.status).toBe(207);
      const ms = readMultistatus(res.text);
      // Timesheets are REST only; the scheduling boxes are listed (behaviour §1.2).
      expect(ms.responses.map((r) => r.href)).toEqual(['/alice/', '/alice/addressbook/', '/alice/calendar/', '/alice/infolog/', '/alice/inbox/', '/alice/outbox/']);
      const cal = ms.byHref['/alice/calendar/']!;
      expect(namesIn(cal.ok['{DAV:}resourcetype'])).toEqual(['{DAV:}collection', `{${CALDAV}}calendar`, '{http://groupdav.org/}vevent-collection']);
      expect(hrefsIn(cal.ok['{DAV:}owner'])).toEqual(['/principals/users/alice/']);
      expect(namesIn(cal.ok['{DAV:}current-user-privilege-set'])).toEqual(expect.arrayContaining(['{DAV:}read', '{DAV:}write', '{DAV:}bind', '{DAV:}unbind', '{DAV:}write-content']));
      const reports = cal.ok['{DAV:}supported-report-set']!.children.map((sr) => clark(sr.children[0]!.children[0]!));
      expect(reports).toEqual(expect.arrayContaining([`{${CALDAV}}calendar-multiget`, `{${CALDAV}}calendar-query`, '{DAV:}sync-collection']));
      expect(cal.ok[`{${CALDAV}}supported-calendar-component-set`]!.children.map((c) => c.attrs.name)).toEqual(['VEVENT']);
      expect(ms.byHref['/alice/infolog/']!.ok[`{${CALDAV}}supported-calendar-component-set`]!.children.map((c) => c.attrs.name)).toEqual(['VTODO']);
      expect(cal.ok[`{${CS}}getctag`]!.text).toBe(`${s.url}/alice/calendar/0`);
      expect(namesIn(ms.byHref['/alice/addressbook/']!.ok['{DAV:}resourcetype'])).toContain(`{${CARDDAV}}addressbook`);
      expect(namesIn(ms.byHref['/alice/inbox/']!.ok['{DAV:}resourcetype'])).toContain(`{${CALDAV}}schedule-inbox`);
    });

    it('refuses Depth: infinity with DAV:propfind-finite-depth and answers a missing Depth as 1', async () => {
      const refused = await alice('PROPFIND', '/alice/', undefined, { Depth: 'infinity' });
      expect(refused.status).toBe(403);
      expect(clark(parseXml(refused.text).children[0]!)).toBe('{DAV:}propfind-finite-depth');
      const noDepth = await alice('PROPFIND', '/alice/', '<propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>');
      expect(readMultistatus(noDepth.text).responses.length).toBe(6);
      expect((await alice('PROPFIND', '/alice/', undefined, { Depth: 'sideways' })).status).toBe(400);
    });

    it('answers propname with names only and allprop without the expensive or protected properties (RFC 4918 §9.1)', async () => {
      const names = readMultistatus((await alice('PROPFIND', '/alice/calendar/', fixture('rfc4918-9.1.4-propname'), { Depth: '0' })).text).byHref['/alice/calendar/']!;
      expect(Object.keys(names.ok)).toEqual(expect.arrayContaining(['{DAV:}displayname', '{DAV:}sync-token', '{DAV:}current-user-privilege-set']));
      expect(Object.values(names.ok).every((e) => e.children.length === 0 && e.text === '')).toBe(true);
      const all = readMultistatus((await alice('PROPFIND', '/alice/calendar/', fixture('rfc4918-9.1.5-allprop'), { Depth: '0' })).text).byHref['/alice/calendar/']!;
      expect(all.ok['{DAV:}displayname']!.text).toBe('Alice Liddell calendar');
      expect(all.ok['{DAV:}sync-token']).toBeUndefined();
      expect(all.ok['{DAV:}current-user-privilege-set']).toBeUndefined();
      const include = readMultistatus((await alice('PROPFIND', '/alice/calendar/', fixture('rfc4918-9.1.6-allprop-include'), { Depth: '0' })).text).byHref['/alice/calendar/']!;
      expect(include.ok['{DAV:}supported-report-set']).toBeDefined();
      // An empty body is allprop too (§9.1).
      expect(readMultistatus((await alice('PROPFIND', '/alice/calendar/', undefined, { Depth: '0' })).text).byHref['/alice/calendar/']!.ok['{DAV:}displayname']).toBeDefined();
    });

    it('reads nested default namespaces and leaves out 404s with Prefer: return=minimal or Brief: t (RFC 8144)', async () => {
      const full = readMultistatus((await alice('PROPFIND', '/alice/calendar/', fixture('nested-default-namespace-propfind'), { Depth: '0' })).text).byHref['/alice/calendar/']!;
      expect(Object.keys(full.ok).sort()).toEqual(['{DAV:}displayname', `{${CS}}getctag`]);
      expect(full.failed[404]).toEqual(expect.arrayContaining(['{DAV:}getetag', `{${CALDAV}}calendar-data`, `{${CARDDAV}}address-data`]));
      for (const header of [{ Prefer: 'return=minimal' }, { Brief: 't' }] as Record<string, string>[]) {
        const res = await alice('PROPFIND', '/alice/calendar/', fixture('nested-default-namespace-propfind'), { Depth: '0', ...header });
        const minimal = readMultistatus(res.text).byHref['/alice/calendar/']!;
        expect(minimal.failed).toEqual({});
        expect(Object.keys(minimal.ok).sort()).toEqual(['{DAV:}displayname', `{${CS}}getctag`]);
        expect(res.headers.get('preference-applied')).toBe('return=minimal');
      }
    });

    it('lists the root (own home, group homes, principals) and group principals with their members', async () => {
      const root = readMultistatus((await alice('PROPFIND', '/', '<propfind xmlns="DAV:"><prop><displayname/></prop></propfind>', { Depth: '1' })).text);
      expect(root.responses.map((r) => r.href)).toEqual(['/', '/alice/', '/team/', '/principals/']);
      const team = readMultistatus((await alice('PROPFIND', '/principals/groups/team/', undefined, { Depth: '0' })).text).byHref['/principals/groups/team/']!;
      expect(hrefsIn(team.ok['{DAV:}group-member-set'])).toEqual(['/principals/users/alice/']);
      expect(team.ok[`{${CALDAV}}calendar-user-type`]!.text).toBe('GROUP');
      expect(hrefsIn(team.ok[`{${CALDAV}}calendar-home-set`])).toEqual(['/team/']);
      const users = readMultistatus((await alice('PROPFIND', '/principals/users/', undefined, { Depth: '1' })).text);
      expect(users.responses.map((r) => r.href)).toEqual(['/principals/users/', '/principals/users/alice/']);
      expect((await alice('PROPFIND', '/principals/users/nobody/', undefined, { Depth: '0' })).status).toBe(404);
      expect((await alice('PROPFIND', '/nobody/', undefined, { Depth: '0' })).status).toBe(404);
    });

    it('searches principals as iOS does (principal-property-search) and tells what is searchable', async () => {
      const res = await alice('REPORT', '/principals/', fixture('apple-calendar-principal-property-search'), { Depth: '0' });
      expect(res.status).toBe(207);
      const found = readMultistatus(res.text);
      expect(found.responses.map((r) => r.href)).toEqual(['/principals/users/alice/']);
      expect(hrefsIn(found.responses[0]!.ok[`{${CALDAV}}calendar-user-address-set`])).toContain('mailto:alice@example.org');
      const byEmail = '<D:principal-property-search xmlns:D="DAV:"><D:property-search><D:prop><E:email-address-set xmlns:E="http://calendarserver.org/ns/"/></D:prop><D:match>BOB@</D:match></D:property-search><D:prop><D:displayname/></D:prop></D:principal-property-search>';
      expect(readMultistatus((await alice('REPORT', '/principals/users/', byEmail, { Depth: '0' })).text).responses.map((r) => r.href)).toEqual(['/principals/users/bob/']);
      const groups = '<principal-property-search xmlns="DAV:" type="GROUP"><property-search><prop><displayname/></prop><match>tea</match></property-search></principal-property-search>';
      expect(readMultistatus((await alice('REPORT', '/principals/', groups)).text).responses.map((r) => r.href)).toEqual(['/principals/groups/team/']);
      const set = await alice('REPORT', '/principals/', fixture('rfc3744-9.5-principal-search-property-set'), { Depth: '0' });
      expect(set.status).toBe(200);
      const props = parseXml(set.text).children.map((c) => clark(c.children[0]!.children[0]!));
      expect(props).toEqual(expect.arrayContaining(['{DAV:}displayname', `{${CS}}email-address-set`, `{${CALDAV}}calendar-user-address-set`]));
      expect((await alice('REPORT', '/principals/', '<principal-property-search xmlns="DAV:"/>')).status).toBe(400);
    });

    it('expands properties (RFC 3253 §3.8): empty proxy sets as iOS asks them, memberships with their display names', async () => {
      const proxies = readMultistatus((await alice('REPORT', '/principals/users/alice/', fixture('apple-ios-expand-property-proxies'), { Depth: '0' })).text);
      const me = proxies.byHref['/principals/users/alice/']!;
      expect(me.ok[`{${CS}}calendar-proxy-write-for`]!.children).toEqual([]);
      expect(me.ok[`{${CS}}calendar-proxy-read-for`]!.children).toEqual([]);
      const body = '<expand-property xmlns="DAV:"><property name="group-membership"><property name="displayname"/><property name="calendar-home-set" namespace="urn:ietf:params:xml:ns:caldav"/></property></expand-property>';
      const expanded = readMultistatus((await alice('REPORT', '/principals/users/alice/', body)).text).byHref['/principals/users/alice/']!;
      const nested = expanded.ok['{DAV:}group-membership']!.children[0]!;
      expect(clark(nested)).toBe('{DAV:}response');
      expect(nested.children.find((c) => c.local === 'href')!.text).toBe('/principals/groups/team/');
      expect(nested.children.find((c) => c.local === 'propstat')!.children[0]!.children.map((c) => c.text)).toEqual(['Group team', '']);
    });

    it('refuses hostile and non-XML bodies before doing anything', async () => {
      const dtd = await alice('PROPFIND', '/alice/', '<!DOCTYPE x [<!ENTITY a "b">]><propfind xmlns="DAV:"><prop>&a;</prop></propfind>', { Depth: '0' });
      expect(dtd.status).toBe(400);
      expect((await alice('PROPFIND', '/alice/', '<propfind xmlns="DAV:"><prop>', { Depth: '0' })).status).toBe(400);
      expect((await alice('PROPFIND', '/alice/', '{"json": true}', { Depth: '0', 'Content-Type': 'text/plain' })).status).toBe(415);
      const deep = `${'<a>'.repeat(200)}${'</a>'.repeat(200)}`;
      expect((await alice('PROPFIND', '/alice/', deep, { Depth: '0' })).status).toBe(400);
      expect((await fetch(`${s.url}/alice/`, { method: 'PROPFIND' })).status).toBe(401);
    });
  });
}

describe('DAV under a base path, behind a proxy', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite', { ALMANAC_BASE_PATH: '/egroupware/groupdav.php', ALMANAC_PUBLIC_URL: 'https://dav.example.org/' }, { davApps: TEST_DAV_APPS });
  });
  afterAll(async () => { await s.cleanup(); });

  it('writes hrefs below the base and sync tokens with the public origin', async () => {
    const res = await fetch(`${s.url}/egroupware/groupdav.php/admin/`, {
      method: 'PROPFIND', headers: { Authorization: basic('admin', 'admin-password'), Depth: '1' },
      body: '<propfind xmlns="DAV:"><prop><sync-token/><current-user-principal/></prop></propfind>',
    });
    const text = await res.text();
    expect([res.status, text.slice(0, 300)]).toEqual([207, expect.any(String)]);
    const ms = readMultistatus(text);
    expect(ms.responses[0]!.href).toBe('/egroupware/groupdav.php/admin/');
    expect(hrefsIn(ms.responses[0]!.ok['{DAV:}current-user-principal'])).toEqual(['/egroupware/groupdav.php/principals/users/admin/']);
    expect(ms.byHref['/egroupware/groupdav.php/admin/calendar/']!.ok['{DAV:}sync-token']!.text).toBe('https://dav.example.org/egroupware/groupdav.php/admin/calendar/0');
  });
});
