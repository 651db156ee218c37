import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser } from '@almanac/accounts';
import { clark, parseXml } from '@almanac/http-dav';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { errorNames, event, ICS, propertyValues, todo } from './caldav-support.js';
import { type DavClient, davClient, readMultistatus } from './dav-support.js';
import { type Client, client, startTestServer, type TestServer } from './support.js';

const CALENDAR = '/alice/calendar/';
const TASKS = '/alice/infolog/';

for (const kind of testStoreKinds()) {
  describe(`CalDAV resources: stored as received, preconditions, REST and DAV in step (${kind})`, () => {
    let s: TestServer;
    let alice: DavClient;
    let bob: DavClient;
    let rest: Client;

    beforeAll(async () => {
      s = await startTestServer(kind);
      const admin = s.running.services.admin;
      await addUser(admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell', email: 'alice@example.org' });
      await addUser(admin, { login: 'carol', password: 'carol-password', fullName: 'Carol Noemail' });
      await addUser(admin, { login: 'bob', password: 'bob-password', fullName: 'Bob Builder', email: 'bob@example.org' });
      alice = davClient(s.url, 'alice', 'alice-password');
      bob = davClient(s.url, 'bob', 'bob-password');
      rest = client(s.url, 'alice', 'alice-password');
    });
    afterAll(async () => { await s.cleanup(); });

    it('keeps a PUT byte for byte (folding, parameters, X- properties, VALARM) and sends its ETag and Schedule-Tag', async () => {
      const text = event('bytes-1', '20300102T100000Z', '20300102T110000Z', [
        'X-CUSTOM;X-P="a;b":keep me', ' folded on', 'DESCRIPTION:Line one\\nline two\\, with comma', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M',
        'DESCRIPTION:Reminder', 'END:VALARM',
      ], 'Grüße');
      const put = await alice('PUT', `${CALENDAR}bytes-1.ics`, text, { ...ICS, 'If-None-Match': '*' });
      expect(put.status).toBe(201);
      const etag = put.headers.get('etag')!;
      expect(etag).toMatch(/^"\d+:0:1"$/);
      expect(put.headers.get('schedule-tag')).toBe(etag.replace(/:1"$/, '"'));
      const get = await alice('GET', `${CALENDAR}bytes-1.ics`);
      expect([get.status, get.text, get.headers.get('etag'), get.headers.get('content-type')]).toEqual([200, text, etag, 'text/calendar; charset=utf-8; component=VEVENT']);
      // The same resource over REST: the same ETag, the canonical Event derived by the codec.
      const json = await rest.get(`${CALENDAR}bytes-1.ics`);
      expect(json.status).toBe(200);
      expect(json.headers.get('etag')).toBe(etag);
      expect(json.body).toMatchObject({ uid: 'bytes-1', title: 'Grüße', description: 'Line one\nline two, with comma', start: '2030-01-02T10:00:00', duration: 'PT1H' });
      expect(Object.values(json.body.alerts as object)[0]).toMatchObject({ trigger: { offset: '-PT15M' } });
    });

    it('answers CalDAV preconditions as DAV:error bodies', async () => {
      const bad = await alice('PUT', `${CALENDAR}bad.ics`, 'this is not iCalendar', ICS);
      expect([bad.status, errorNames(bad.text)[0]]).toEqual([403, '{urn:ietf:params:xml:ns:caldav}valid-calendar-data']);
      const noUid = await alice('PUT', `${CALENDAR}nouid.ics`, event('x', '20300101T100000Z', '20300101T110000Z').replace('UID:x\r\n', ''), ICS);
      expect([noUid.status, errorNames(noUid.text)[0]]).toEqual([403, '{urn:ietf:params:xml:ns:caldav}valid-calendar-data']);
      const todoInCalendar = await alice('PUT', `${CALENDAR}todo.ics`, todo('todo-in-calendar'), ICS);
      expect([todoInCalendar.status, errorNames(todoInCalendar.text)[0]]).toEqual([403, '{urn:ietf:params:xml:ns:caldav}supported-calendar-component']);
      const eventInTasks = await alice('PUT', `${TASKS}event.ics`, event('event-in-tasks', '20300101T100000Z', '20300101T110000Z'), ICS);
      expect([eventInTasks.status, errorNames(eventInTasks.text)[0]]).toEqual([403, '{urn:ietf:params:xml:ns:caldav}supported-calendar-component']);
      const twoUids = event('uid-a', '20300101T100000Z', '20300101T110000Z').replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nUID:uid-b\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20300101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR');
      const two = await alice('PUT', `${CALENDAR}two.ics`, twoUids, ICS);
      expect([two.status, errorNames(two.text)[0]]).toEqual([403, '{urn:ietf:params:xml:ns:caldav}valid-calendar-object-resource']);
      for (const path of ['bad.ics', 'nouid.ics', 'todo.ics', 'two.ics']) expect((await alice('GET', `${CALENDAR}${path}`)).status).toBe(404);
    });

    it('refuses a second resource with a used UID, and a changed UID, with no-uid-conflict naming the existing href', async () => {
      expect((await alice('PUT', `${CALENDAR}first.ics`, event('taken-uid', '20300101T100000Z', '20300101T110000Z'), ICS)).status).toBe(201);
      const clash = await alice('PUT', `${CALENDAR}second.ics`, event('taken-uid', '20300101T100000Z', '20300101T110000Z'), ICS);
      expect(clash.status).toBe(409);
      const condition = parseXml(clash.text).children[0]!;
      expect(clark(condition)).toBe('{urn:ietf:params:xml:ns:caldav}no-uid-conflict');
      expect(condition.children.map((c) => c.text)).toEqual([`${CALENDAR}first.ics`]);
      const changed = await alice('PUT', `${CALENDAR}first.ics`, event('other-uid', '20300101T100000Z', '20300101T110000Z'), ICS);
      expect(changed.status).toBe(409);
      expect(errorNames(changed.text)[0]).toBe('{urn:ietf:params:xml:ns:caldav}no-uid-conflict');
      // Tasks: the same rules.
      expect((await alice('PUT', `${TASKS}t-first.ics`, todo('task-taken-uid'), ICS)).status).toBe(201);
      expect((await alice('PUT', `${TASKS}t-second.ics`, todo('task-taken-uid'), ICS)).status).toBe(409);
      const taskChanged = await alice('PUT', `${TASKS}t-first.ics`, todo('task-other-uid'), ICS);
      expect([taskChanged.status, errorNames(taskChanged.text)[0]]).toEqual([409, '{urn:ietf:params:xml:ns:caldav}no-uid-conflict']);
    });

    it('follows If-Match / If-None-Match on PUT and DELETE (If-Match on a missing resource is 412)', async () => {
      const created = await alice('PUT', `${CALENDAR}cond.ics`, event('cond-1', '20300101T100000Z', '20300101T110000Z'), { ...ICS, 'If-None-Match': '*' });
      expect(created.status).toBe(201);
      const etag = created.headers.get('etag')!;
      expect((await alice('PUT', `${CALENDAR}cond.ics`, event('cond-1', '20300101T100000Z', '20300101T110000Z'), { ...ICS, 'If-None-Match': '*' })).status).toBe(412);
      expect((await alice('PUT', `${CALENDAR}missing.ics`, event('missing-1', '20300101T100000Z', '20300101T110000Z'), { ...ICS, 'If-Match': etag })).status).toBe(412);
      expect((await alice('PUT', `${CALENDAR}cond.ics`, event('cond-1', '20300101T100000Z', '20300101T110000Z', [], 'x'), { ...ICS, 'If-Match': '"1:0:999"' })).status).toBe(412);
      const updated = await alice('PUT', `${CALENDAR}cond.ics`, event('cond-1', '20300101T120000Z', '20300101T130000Z', [], 'Moved'), { ...ICS, 'If-Match': etag });
      expect(updated.status).toBe(204);
      const next = updated.headers.get('etag')!;
      // Moving it is the organizer's change: the sequence (middle of the ETag) and the Schedule-Tag move.
      expect(next).not.toBe(etag);
      expect((await alice('DELETE', `${CALENDAR}cond.ics`, undefined, { 'If-Match': etag })).status).toBe(412);
      expect((await alice('DELETE', `${CALENDAR}cond.ics`, undefined, { 'If-Match': next })).status).toBe(204);
      expect((await alice('GET', `${CALENDAR}cond.ics`)).status).toBe(404);
    });

    it('keeps DAV and REST in step: created over DAV, edited over REST, read over DAV, and back', async () => {
      const text = event('both-ways', '20300105T090000Z', '20300105T100000Z', ['X-KEEP:kept through REST']);
      const put = await alice('PUT', `${CALENDAR}both-ways.ics`, text, ICS);
      expect(put.status).toBe(201);
      const viaRest = await rest.get(`${CALENDAR}both-ways.ics`);
      expect(viaRest.headers.get('etag')).toBe(put.headers.get('etag'));
      // A REST client edits what it read (the whole event, unknown members included).
      const edited = await rest.put(`${CALENDAR}both-ways.ics`, { ...viaRest.body, title: 'Edited over REST' }, { 'If-Match': put.headers.get('etag')! });
      expect(edited.status).toBe(204);
      const restEtag = edited.headers.get('etag')!;
      const got = await alice('GET', `${CALENDAR}both-ways.ics`);
      expect(got.headers.get('etag')).toBe(restEtag);
      expect(got.text).not.toBe(text);
      expect(propertyValues(got.text, 'SUMMARY')).toEqual(['Edited over REST']);
      expect(propertyValues(got.text, 'DTSTART')).toEqual(['20300105T090000Z']);
      expect(propertyValues(got.text, 'X-KEEP')).toEqual(['kept through REST']);
      // The generated text comes back over DAV: stored as received again.
      const again = got.text.replace('SUMMARY:Edited over REST', 'SUMMARY:Edited over DAV');
      const davEdit = await alice('PUT', `${CALENDAR}both-ways.ics`, again, { ...ICS, 'If-Match': restEtag });
      expect(davEdit.status).toBe(204);
      expect((await alice('GET', `${CALENDAR}both-ways.ics`)).text).toBe(again);
      const final = await rest.get(`${CALENDAR}both-ways.ics`);
      expect(final.body.title).toBe('Edited over DAV');
      expect(final.headers.get('etag')).toBe(davEdit.headers.get('etag'));
    });

    it('serves events created over REST as iCalendar with their REST ETag, listed by PROPFIND and sync', async () => {
      const created = await rest.post(CALENDAR, { title: 'From REST', start: '2030-02-01T09:00:00', timeZone: 'Europe/Berlin', duration: 'PT2H', uid: 'made-by-rest',
        alerts: { a: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT10M' } } } });
      expect(created.status).toBe(201);
      const id = /\/(\d+)$/.exec(created.headers.get('location')!)![1]!;
      const props = await alice('PROPFIND', CALENDAR, '<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>', { Depth: '1' });
      const listed = readMultistatus(props.text).responses.find((r) => r.href.endsWith('/made-by-rest.ics') || r.href.endsWith(`/${id}`))!;
      expect(listed.ok['{DAV:}getetag']!.text).toBe(created.headers.get('etag'));
      const get = await alice('GET', listed.href);
      expect(get.headers.get('etag')).toBe(created.headers.get('etag'));
      expect(propertyValues(get.text, 'UID')).toEqual(['made-by-rest']);
      expect(get.text).toContain('DTSTART;TZID=Europe/Berlin:20300201T090000');
      expect(get.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
      expect(propertyValues(get.text, 'TRIGGER')).toEqual(['-PT10M']);
      // The domain made the calendar's owner the organizer; iCalendar shows her address.
      expect(propertyValues(get.text, 'ORGANIZER')).toEqual(['mailto:alice@example.org']);
      // An edit over DAV of the generated text keeps REST's view in step.
      const edited = await alice('PUT', listed.href, get.text.replace('SUMMARY:From REST', 'SUMMARY:From REST, edited'), { ...ICS, 'If-Match': get.headers.get('etag')! });
      expect(edited.status).toBe(204);
      expect((await rest.get(`${CALENDAR}${id}`)).body.title).toBe('From REST, edited');
    });

    it('keeps tasks in step too: VTODO over DAV, InfoLog JSON over REST', async () => {
      const text = todo('task-both-ways', ['DUE;VALUE=DATE:20300110', 'STATUS:IN-PROCESS', 'PERCENT-COMPLETE:40', 'PRIORITY:1', 'CATEGORIES:Work'], 'Write report');
      const put = await alice('PUT', `${TASKS}task-both-ways.ics`, text, { ...ICS, 'If-None-Match': '*' });
      expect(put.status).toBe(201);
      const etag = put.headers.get('etag')!;
      expect(etag).toMatch(/^"\d+:0:1"$/);
      expect((await alice('GET', `${TASKS}task-both-ways.ics`)).text).toBe(text);
      const json = await rest.get(`${TASKS}task-both-ways.ics`);
      expect(json.headers.get('etag')).toBe(etag);
      expect(json.body).toMatchObject({ title: 'Write report', due: '2030-01-10T00:00:00', percentComplete: 40, 'egroupware.org:status': 'ongoing', categories: { Work: true } });
      const done = await rest.patch(`${TASKS}task-both-ways.ics`, { 'egroupware.org:status': 'done', percentComplete: 100 }, { 'If-Match': etag });
      expect(done.status).toBe(204);
      const got = await alice('GET', `${TASKS}task-both-ways.ics`);
      expect(got.headers.get('etag')).toBe(done.headers.get('etag'));
      expect(propertyValues(got.text, 'STATUS')).toEqual(['COMPLETED']);
      expect(propertyValues(got.text, 'PERCENT-COMPLETE')).toEqual(['100']);
      expect(propertyValues(got.text, 'SUMMARY')).toEqual(['Write report']);
      // Completed over DAV with COMPLETED: InfoLog's completion time, the status from STATUS.
      const reopened = todo('task-both-ways', ['DUE;VALUE=DATE:20300110', 'STATUS:NEEDS-ACTION'], 'Write report again');
      const put2 = await alice('PUT', `${TASKS}task-both-ways.ics`, reopened, { ...ICS, 'If-Match': got.headers.get('etag')! });
      expect(put2.status).toBe(204);
      const after = await rest.get(`${TASKS}task-both-ways.ics`);
      expect(after.body).toMatchObject({ title: 'Write report again', 'egroupware.org:status': 'not-started' });
      expect(after.headers.get('etag')).toBe(put2.headers.get('etag'));
      const completed = todo('task-completed', ['STATUS:COMPLETED', 'COMPLETED:20300111T120000Z']);
      expect((await alice('PUT', `${TASKS}task-completed.ics`, completed, ICS)).status).toBe(201);
      expect((await rest.get(`${TASKS}task-completed.ics`)).body).toMatchObject({ 'egroupware.org:status': 'done', 'egroupware.org:completed': '2030-01-11T12:00:00' });
    });

    it('lets a responsible user without a grant change a task\'s progress over DAV, and nothing else (behaviour §4.3)', async () => {
      const text = todo('task-for-bob', ['DUE:20300110T120000Z', 'STATUS:NEEDS-ACTION', 'ORGANIZER:mailto:alice@example.org', 'ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bob@example.org'], 'Fix the roof');
      expect((await alice('PUT', `${TASKS}task-for-bob.ics`, text, ICS)).status).toBe(201);
      const seen = await bob('GET', `${TASKS}task-for-bob.ics`);
      expect(seen.status).toBe(200);
      const progress = await bob('PUT', `${TASKS}task-for-bob.ics`, seen.text.replace('STATUS:NEEDS-ACTION', 'STATUS:IN-PROCESS'), { ...ICS, 'If-Match': seen.headers.get('etag')! });
      expect(progress.status).toBe(204);
      expect((await rest.get(`${TASKS}task-for-bob.ics`)).body['egroupware.org:status']).toBe('ongoing');
      const now = await bob('GET', `${TASKS}task-for-bob.ics`);
      const renamed = await bob('PUT', `${TASKS}task-for-bob.ics`, now.text.replace('SUMMARY:Fix the roof', 'SUMMARY:Bob renamed it'), ICS);
      expect(renamed.status).toBe(403);
      expect((await rest.get(`${TASKS}task-for-bob.ics`)).body.title).toBe('Fix the roof');
    });

    it('resolves participants addressed by their principal URL (calendar-user-address-set) to accounts', async () => {
      const text = event('principal-addressed', '20300301T100000Z', '20300301T110000Z', [
        `ORGANIZER:${s.url}/principals/users/alice/`, `ATTENDEE;PARTSTAT=ACCEPTED:${s.url}/principals/users/alice/`, 'ATTENDEE;PARTSTAT=NEEDS-ACTION:/principals/users/carol/',
      ]);
      expect((await alice('PUT', `${CALENDAR}principal-addressed.ics`, text, ICS)).status).toBe(201);
      const json = await rest.get(`${CALENDAR}principal-addressed.ics`);
      const names = Object.values(json.body.participants as Record<string, { name: string }>).map((p) => p.name).sort();
      expect(names).toEqual(['Alice Liddell', 'Carol Noemail']);
    });
  });
}
