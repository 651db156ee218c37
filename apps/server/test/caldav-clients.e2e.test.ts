import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser } from '@almanac/accounts';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { CALDAV, calendarDataByHref, event, ICS, propertyValues, todo } from './caldav-support.js';
import { type DavClient, davClient, readMultistatus } from './dav-support.js';
import { type Client, client, startTestServer, type TestServer } from './support.js';

// Raw-protocol sessions written from the requests Apple Calendar, Thunderbird and DAVx5 document
// and send (their prefixes, default namespaces, headers and bodies), against the real server.

const CS = 'http://calendarserver.org/ns/';
const XML = { 'Content-Type': 'text/xml; charset=utf-8' };

/** An event as Apple Calendar writes it: a UUID, X-APPLE properties, a VTIMEZONE with X-LIC-LOCATION, a VALARM with its UID. */
const appleEvent = (uid: string, summary: string) => [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Apple Inc.//macOS 14.4//EN', 'CALSCALE:GREGORIAN',
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'DTSTART:19810329T020000',
  'TZNAME:CEST', 'TZOFFSETTO:+0200', 'END:DAYLIGHT', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'DTSTART:19961027T030000', 'TZNAME:CET', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE',
  'BEGIN:VEVENT', 'CREATED:20240301T101500Z', `UID:${uid}`, 'DTEND;TZID=Europe/Berlin:20300315T110000', 'TRANSP:OPAQUE',
  'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC', `SUMMARY:${summary}`, 'LAST-MODIFIED:20240301T101512Z', 'DTSTAMP:20240301T101512Z',
  'DTSTART;TZID=Europe/Berlin:20300315T100000', 'SEQUENCE:1', 'BEGIN:VALARM', 'X-WR-ALARMUID:0C5F3B0E-5F73-4A7B-9C0B-3C1A5E9D2B11',
  `UID:0C5F3B0E-5F73-4A7B-9C0B-3C1A5E9D2B11`, 'TRIGGER:-PT15M', 'ATTACH;VALUE=URI:Chord', 'ACTION:AUDIO', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

for (const kind of testStoreKinds()) {
  describe(`CalDAV clients' requests (${kind})`, () => {
    let s: TestServer;
    let alice: DavClient;
    let rest: Client;

    beforeAll(async () => {
      s = await startTestServer(kind);
      await addUser(s.running.services.admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell', email: 'alice@example.org' });
      alice = davClient(s.url, 'alice', 'alice-password');
      rest = client(s.url, 'alice', 'alice-password');
    });
    afterAll(async () => { await s.cleanup(); });

    it('Apple Calendar: If-None-Match: * create, ctag and sync-token with odd prefixes, multiget with schedule-tag (unknown properties answered 404)', async () => {
      const uid = '8A7C9B52-3F1E-4D2A-9E6B-5C4D3B2A1F00';
      const path = `/alice/calendar/${uid}.ics`;
      const before = await alice('PROPFIND', '/alice/calendar/',
        `<?xml version="1.0" encoding="UTF-8"?><A:propfind xmlns:A="DAV:"><A:prop><B:getctag xmlns:B="${CS}"/><A:sync-token/></A:prop></A:propfind>`, { ...XML, Depth: '0' });
      const ctag = readMultistatus(before.text).responses[0]!.ok[`{${CS}}getctag`]!.text;
      const created = await alice('PUT', path, appleEvent(uid, 'Dentist'), { 'Content-Type': 'text/calendar', 'If-None-Match': '*' });
      expect(created.status).toBe(201);
      expect(created.headers.get('etag')).toMatch(/^"\d+:1:1"$/);
      const after = readMultistatus((await alice('PROPFIND', '/alice/calendar/',
        `<?xml version="1.0" encoding="UTF-8"?><A:propfind xmlns:A="DAV:"><A:prop><B:getctag xmlns:B="${CS}"/><A:sync-token/></A:prop></A:propfind>`, { ...XML, Depth: '0' })).text);
      expect(after.responses[0]!.ok[`{${CS}}getctag`]!.text).not.toBe(ctag);
      const multiget = await alice('REPORT', '/alice/calendar/', `<?xml version="1.0" encoding="UTF-8"?>
<B:calendar-multiget xmlns:B="${CALDAV}">
  <A:prop xmlns:A="DAV:">
    <A:getetag/>
    <B:calendar-data/>
    <C:updated-by xmlns:C="${CS}"/>
    <C:created-by xmlns:C="${CS}"/>
    <B:schedule-tag/>
  </A:prop>
  <A:href xmlns:A="DAV:">${path}</A:href>
</B:calendar-multiget>`, { ...XML, Depth: '1' });
      expect(multiget.status).toBe(207);
      const { byHref } = readMultistatus(multiget.text);
      expect(byHref[path]!.ok['{DAV:}getetag']!.text).toBe(created.headers.get('etag'));
      expect(byHref[path]!.ok[`{${CALDAV}}schedule-tag`]!.text).toBe(created.headers.get('schedule-tag'));
      expect(byHref[path]!.failed[404]).toEqual(expect.arrayContaining([`{${CS}}created-by`, `{${CS}}updated-by`]));
      expect(calendarDataByHref(multiget.text)[path]).toBe(appleEvent(uid, 'Dentist'));
      // An update with If-Match; the client's SEQUENCE (2) is kept, as RFC 5546 organizers count it themselves.
      const update = await alice('PUT', path, appleEvent(uid, 'Dentist (moved)').replace('SEQUENCE:1', 'SEQUENCE:2'), { 'Content-Type': 'text/calendar', 'If-Match': created.headers.get('etag')! });
      expect(update.status).toBe(204);
      expect(update.headers.get('etag')).toMatch(/^"\d+:2:2"$/);
      const json = await rest.get(path);
      expect(json.body).toMatchObject({ title: 'Dentist (moved)', start: '2030-03-15T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H' });
    });

    it('Thunderbird: default-namespace PROPFINDs, If-None-Match create, multiget, VTODO query on the task list, DELETE with If-Match', async () => {
      const calendar = await alice('PROPFIND', '/alice/calendar/',
        `<D:propfind xmlns:D="DAV:" xmlns:CS="${CS}" xmlns:C="${CALDAV}"><D:prop><D:resourcetype/><D:owner/><D:current-user-principal/><D:supported-report-set/><C:supported-calendar-component-set/><CS:getctag/></D:prop></D:propfind>`,
        { ...XML, Depth: '0' });
      const props = readMultistatus(calendar.text).responses[0]!.ok;
      expect(props[`{${CALDAV}}supported-calendar-component-set`]!.children.map((c) => c.attrs.name)).toEqual(['VEVENT']);
      const reports = JSON.stringify(props['{DAV:}supported-report-set']!.children.map((c) => c.children[0]!.children[0]!.local));
      for (const name of ['calendar-query', 'calendar-multiget', 'free-busy-query', 'sync-collection']) expect(reports).toContain(name);
      const tasks = readMultistatus((await alice('PROPFIND', '/alice/infolog/', `<D:propfind xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:prop><C:supported-calendar-component-set/></D:prop></D:propfind>`, { ...XML, Depth: '0' })).text);
      expect(tasks.responses[0]!.ok[`{${CALDAV}}supported-calendar-component-set`]!.children.map((c) => c.attrs.name)).toEqual(['VTODO']);

      const put = await alice('PUT', '/alice/calendar/tb-1.ics', event('tb-1', '20300401T080000Z', '20300401T090000Z', ['X-MOZ-GENERATION:1']), { ...ICS, 'If-None-Match': '*' });
      expect(put.status).toBe(201);
      const todoPut = await alice('PUT', '/alice/infolog/tb-todo.ics', todo('tb-todo-000001', ['DTSTART:20300401T080000Z', 'DUE:20300402T080000Z', 'X-MOZ-GENERATION:1']), { ...ICS, 'If-None-Match': '*' });
      expect(todoPut.status).toBe(201);
      const listing = await alice('PROPFIND', '/alice/calendar/', '<D:propfind xmlns:D="DAV:"><D:prop><D:getcontenttype/><D:resourcetype/><D:getetag/></D:prop></D:propfind>', { ...XML, Depth: '1' });
      const item = readMultistatus(listing.text).byHref['/alice/calendar/tb-1.ics']!;
      expect(item.ok['{DAV:}getetag']!.text).toBe(put.headers.get('etag'));
      expect(item.ok['{DAV:}getcontenttype']!.text).toBe('text/calendar; charset=utf-8; component=VEVENT');
      const multiget = await alice('REPORT', '/alice/calendar/', `<?xml version="1.0" encoding="UTF-8"?>
<calendar-multiget xmlns:D="DAV:" xmlns="${CALDAV}">
  <D:prop><D:getetag/><calendar-data/></D:prop>
  <D:href>/alice/calendar/tb-1.ics</D:href>
  <D:href>${s.url}/alice/calendar/tb-1.ics</D:href>
</calendar-multiget>`, { ...XML, Depth: '1' });
      const data = readMultistatus(multiget.text).responses;
      expect(data.map((r) => r.ok['{DAV:}getetag']?.text)).toEqual([put.headers.get('etag'), put.headers.get('etag')]);
      const query = await alice('REPORT', '/alice/infolog/', `<?xml version="1.0" encoding="UTF-8"?>
<calendar-query xmlns:D="DAV:" xmlns="${CALDAV}">
  <D:prop><D:getetag/></D:prop>
  <filter><comp-filter name="VCALENDAR"><comp-filter name="VTODO"><time-range start="20300401T000000Z"/></comp-filter></comp-filter></filter>
</calendar-query>`, { ...XML, Depth: '1' });
      expect(readMultistatus(query.text).responses.map((r) => r.href)).toEqual(['/alice/infolog/tb-todo.ics']);
      expect((await alice('DELETE', '/alice/calendar/tb-1.ics', undefined, { 'If-Match': '"0:0:0"' })).status).toBe(412);
      expect((await alice('DELETE', '/alice/calendar/tb-1.ics', undefined, { 'If-Match': put.headers.get('etag')! })).status).toBe(204);
    });

    it('DAVx5: Depth-1 sync-collection (initial, changes, deletions), open-ended time-range query, multiget of the changes', async () => {
      await alice('MKCALENDAR', '/alice/davx5/', `<C:mkcalendar xmlns:D="DAV:" xmlns:C="${CALDAV}"/>`);
      const sync = async (token: string) => {
        const res = await alice('REPORT', '/alice/davx5/', `<?xml version='1.0' encoding='UTF-8' ?><sync-collection xmlns="DAV:" xmlns:CAL="${CALDAV}" xmlns:CARD="urn:ietf:params:xml:ns:carddav"><sync-token>${token}</sync-token><sync-level>1</sync-level><prop><getcontenttype /><getetag /></prop></sync-collection>`,
          { ...XML, Depth: '1' });
        expect(res.status).toBe(207);
        return readMultistatus(res.text);
      };
      const first = await alice('PUT', '/alice/davx5/d1.ics', event('d1', '20300501T100000Z', '20300501T110000Z'), { ...ICS, 'If-None-Match': '*' });
      const second = await alice('PUT', '/alice/davx5/d2.ics', event('d2', '20290501T100000Z', '20290501T110000Z'), { ...ICS, 'If-None-Match': '*' });
      expect([first.status, second.status]).toEqual([201, 201]);
      const initial = await sync('');
      expect(initial.responses.map((r) => [r.href, r.ok['{DAV:}getetag']?.text]).sort()).toEqual([
        ['/alice/davx5/d1.ics', first.headers.get('etag')], ['/alice/davx5/d2.ics', second.headers.get('etag')],
      ]);
      const changed = await alice('PUT', '/alice/davx5/d1.ics', event('d1', '20300501T100000Z', '20300501T120000Z', [], 'Longer'), { ...ICS, 'If-Match': first.headers.get('etag')! });
      expect(changed.status).toBe(204);
      expect((await alice('DELETE', '/alice/davx5/d2.ics', undefined, { 'If-Match': second.headers.get('etag')! })).status).toBe(204);
      const next = await sync(initial.syncToken!);
      expect(next.byHref['/alice/davx5/d1.ics']!.ok['{DAV:}getetag']!.text).toBe(changed.headers.get('etag'));
      expect(next.byHref['/alice/davx5/d2.ics']!.status).toBe(404);
      expect((await sync(next.syncToken!)).responses).toEqual([]);
      // DAVx5 asks for the events from some days ago on, without an end.
      const query = await alice('REPORT', '/alice/davx5/', `<?xml version='1.0' encoding='UTF-8' ?><CAL:calendar-query xmlns="DAV:" xmlns:CAL="${CALDAV}"><prop><getetag /></prop><CAL:filter><CAL:comp-filter name="VCALENDAR"><CAL:comp-filter name="VEVENT"><CAL:time-range start="20300101T000000Z" /></CAL:comp-filter></CAL:comp-filter></CAL:filter></CAL:calendar-query>`,
        { ...XML, Depth: '1' });
      expect(readMultistatus(query.text).responses.map((r) => r.href)).toEqual(['/alice/davx5/d1.ics']);
      const multiget = await alice('REPORT', '/alice/davx5/', `<?xml version='1.0' encoding='UTF-8' ?><CAL:calendar-multiget xmlns="DAV:" xmlns:CAL="${CALDAV}"><prop><getcontenttype /><getetag /><CAL:calendar-data /></prop><href>/alice/davx5/d1.ics</href></CAL:calendar-multiget>`,
        { ...XML, Depth: '0' });
      expect(propertyValues(calendarDataByHref(multiget.text)['/alice/davx5/d1.ics']!, 'SUMMARY')).toEqual(['Longer']);
    });
  });
}
