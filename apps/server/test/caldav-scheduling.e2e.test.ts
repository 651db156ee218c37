import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser } from '@almanac/accounts';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { calendarDataByHref, calendarQuery, event, ICS, icsLines, propertyValues, report } from './caldav-support.js';
import { type DavClient, davClient } from './dav-support.js';
import { type Client, client, startTestServer, type TestServer } from './support.js';

/** The PARTSTAT of the attendee with this address, in each component of a text. */
const partstats = (text: string, email: string) =>
  icsLines(text).filter((l) => l.startsWith('ATTENDEE') && l.toLowerCase().endsWith(`mailto:${email}`)).map((l) => /PARTSTAT=([^;:]+)/.exec(l)?.[1]);

const invitation = (uid: string, start: string, end: string, extra: readonly string[] = []) => event(uid, start, end, [
  'ORGANIZER;CN=Alice:mailto:alice@example.org', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.org',
  'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.org', ...extra,
], 'Planning');

for (const kind of testStoreKinds()) {
  describe(`CalDAV scheduling between accounts (RFC 6638 implicit scheduling) (${kind})`, () => {
    let s: TestServer;
    let alice: DavClient;
    let bob: DavClient;
    let bobRest: Client;

    beforeAll(async () => {
      s = await startTestServer(kind);
      const admin = s.running.services.admin;
      await addUser(admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell', email: 'alice@example.org' });
      await addUser(admin, { login: 'bob', password: 'bob-password', fullName: 'Bob Builder', email: 'bob@example.org' });
      alice = davClient(s.url, 'alice', 'alice-password');
      bob = davClient(s.url, 'bob', 'bob-password');
      bobRest = client(s.url, 'bob', 'bob-password');
    });
    afterAll(async () => { await s.cleanup(); });

    it('delivers an invitation PUT over DAV to the attendee, whose PARTSTAT reply reaches the organizer without moving the Schedule-Tag', async () => {
      const put = await alice('PUT', '/alice/calendar/invite-1.ics', invitation('invite-1', '20300110T100000Z', '20300110T110000Z'), { ...ICS, 'If-None-Match': '*' });
      expect(put.status).toBe(201);
      const aliceTag = put.headers.get('schedule-tag')!;
      const copy = await bob('GET', '/bob/calendar/invite-1.ics');
      expect(copy.status).toBe(200);
      expect(partstats(copy.text, 'bob@example.org')).toEqual(['NEEDS-ACTION']);
      expect(propertyValues(copy.text, 'ORGANIZER')).toEqual(['mailto:alice@example.org']);
      const bobTag = copy.headers.get('schedule-tag')!;
      // Bob accepts in his client: the same text with his PARTSTAT changed, conditioned on the Schedule-Tag.
      const reply = copy.text.replace(/(ATTENDEE;[^\r]*?)PARTSTAT=NEEDS-ACTION/, '$1PARTSTAT=ACCEPTED');
      expect(reply).not.toBe(copy.text);
      const answered = await bob('PUT', '/bob/calendar/invite-1.ics', reply, { ...ICS, 'If-Schedule-Tag-Match': bobTag });
      expect(answered.status).toBe(204);
      expect(answered.headers.get('schedule-tag')).toBe(bobTag);
      expect(answered.headers.get('etag')).not.toBe(copy.headers.get('etag'));
      expect((await bob('GET', '/bob/calendar/invite-1.ics')).text).toBe(reply);
      const organizer = await alice('GET', '/alice/calendar/invite-1.ics');
      expect(partstats(organizer.text, 'bob@example.org')).toEqual(['ACCEPTED']);
      expect(organizer.headers.get('schedule-tag')).toBe(aliceTag);
    });

    it('takes only the reply from an attendee: the organizer\'s data stays as the organizer wrote it', async () => {
      const copy = await bob('GET', '/bob/calendar/invite-1.ics');
      const tampered = copy.text.replace('SUMMARY:Planning', 'SUMMARY:Bob renamed it');
      expect((await bob('PUT', '/bob/calendar/invite-1.ics', tampered, { ...ICS, 'If-Match': copy.headers.get('etag')! })).status).toBe(204);
      expect(propertyValues((await alice('GET', '/alice/calendar/invite-1.ics')).text, 'SUMMARY')).toEqual(['Planning']);
      expect((await bobRest.get('/bob/calendar/invite-1.ics')).body.title).toBe('Planning');
    });

    it('moves the Schedule-Tag on the organizer\'s change, updates the copy, and fails a stale If-Schedule-Tag-Match', async () => {
      const before = await alice('GET', '/alice/calendar/invite-1.ics');
      const oldBobTag = (await bob('GET', '/bob/calendar/invite-1.ics')).headers.get('schedule-tag')!;
      const moved = before.text.replace('DTSTART:20300110T100000Z', 'DTSTART:20300110T140000Z').replace('DTEND:20300110T110000Z', 'DTEND:20300110T150000Z');
      expect(moved).toContain('DTSTART:20300110T140000Z');
      const put = await alice('PUT', '/alice/calendar/invite-1.ics', moved, { ...ICS, 'If-Match': before.headers.get('etag')! });
      expect(put.status).toBe(204);
      expect(put.headers.get('schedule-tag')).not.toBe(before.headers.get('schedule-tag'));
      const copy = await bob('GET', '/bob/calendar/invite-1.ics');
      expect(propertyValues(copy.text, 'DTSTART')).toEqual(['20300110T140000Z']);
      expect(copy.headers.get('schedule-tag')).not.toBe(oldBobTag);
      const stale = await bob('PUT', '/bob/calendar/invite-1.ics', copy.text, { ...ICS, 'If-Schedule-Tag-Match': oldBobTag });
      expect(stale.status).toBe(412);
    });

    it('declines for the attendee whose DELETE removes its copy (behaviour §3.7)', async () => {
      expect((await bob('DELETE', '/bob/calendar/invite-1.ics')).status).toBe(204);
      expect((await bob('GET', '/bob/calendar/invite-1.ics')).status).toBe(404);
      expect(partstats((await alice('GET', '/alice/calendar/invite-1.ics')).text, 'bob@example.org')).toEqual(['DECLINED']);
    });

    it('cancels the copies when the organizer deletes the event', async () => {
      expect((await alice('PUT', '/alice/calendar/invite-2.ics', invitation('invite-2', '20300111T100000Z', '20300111T110000Z'), ICS)).status).toBe(201);
      expect((await bob('GET', '/bob/calendar/invite-2.ics')).status).toBe(200);
      expect((await alice('DELETE', '/alice/calendar/invite-2.ics')).status).toBe(204);
      expect((await bob('GET', '/bob/calendar/invite-2.ics')).status).toBe(404);
    });

    it('takes an attendee\'s reply to one occurrence of a series (an override with RECURRENCE-ID) and shows it expanded', async () => {
      const series = invitation('series-1', '20300201T090000Z', '20300201T100000Z', ['RRULE:FREQ=DAILY;COUNT=3']);
      expect((await alice('PUT', '/alice/calendar/series-1.ics', series, ICS)).status).toBe(201);
      const copy = await bob('GET', '/bob/calendar/series-1.ics');
      const master = /BEGIN:VEVENT\r\n[^]*?END:VEVENT\r\n/.exec(copy.text)![0];
      const declineSecond = master
        .replace(/\r\nRRULE:[^\r]*/, '')
        .replace(/DTSTART([^:\r]*):20300201T090000Z/, 'DTSTART$1:20300202T090000Z\r\nRECURRENCE-ID$1:20300202T090000Z')
        .replace(/DTEND([^:\r]*):20300201T100000Z/, 'DTEND$1:20300202T100000Z')
        .replace(/(ATTENDEE;[^\r]*?)PARTSTAT=NEEDS-ACTION/, '$1PARTSTAT=DECLINED');
      expect(declineSecond).toContain('RECURRENCE-ID');
      const reply = copy.text.replace('END:VCALENDAR', `${declineSecond}END:VCALENDAR`);
      expect((await bob('PUT', '/bob/calendar/series-1.ics', reply, { ...ICS, 'If-Match': copy.headers.get('etag')! })).status).toBe(204);
      const expand = calendarQuery('<C:comp-filter name="VEVENT"><C:time-range start="20300201T000000Z" end="20300204T000000Z"/></C:comp-filter>',
        '<C:calendar-data><C:expand start="20300201T000000Z" end="20300204T000000Z"/></C:calendar-data>');
      const data = calendarDataByHref((await report(alice, '/alice/calendar/', expand)).text)['/alice/calendar/series-1.ics']!;
      expect(propertyValues(data, 'RECURRENCE-ID')).toEqual(['20300201T090000Z', '20300202T090000Z', '20300203T090000Z']);
      expect(propertyValues(data, 'RRULE')).toEqual([]);
      expect(partstats(data, 'bob@example.org')).toEqual(['NEEDS-ACTION', 'DECLINED', 'NEEDS-ACTION']);
    });
  });
}
