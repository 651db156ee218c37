import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser } from '@almanac/accounts';
import { createDAVClient, type DAVAddressBook, type DAVCalendar, type DAVObject, type DAVVCard } from 'tsdav';
import { lineOf, vcardOf } from './carddav-support.js';
import { client, type Client, startTestServer, type TestServer } from './support.js';

// Interoperability with the npm client tsdav against the real server over a socket: RFC 6764
// discovery (well-known URL, principal, home sets), the collections, and calendar and address book
// sync both with sync-collection and with ctag + multiget, around changes made over REST and DAV.

type TsdavClient = Awaited<ReturnType<typeof createDAVClient>>;

const byData = (objects: readonly DAVVCard[]) => objects.map((o) => lineOf(String(o.data), 'FN')).sort();
const bySummary = (objects: readonly DAVObject[]) => objects.map((o) => lineOf(String(o.data), 'SUMMARY')).sort();
/** Tomorrow at 10:00 local time, as the REST API writes a start. */
const tomorrow = () => `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T10:00:00`;
function vevent(uid: string, summary: string): string {
  const day = tomorrow().slice(0, 10).replace(/-/g, '');
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//tsdav interop//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240101T000000Z',
    `DTSTART:${day}T090000Z`, `DTEND:${day}T100000Z`, `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

describe('interoperability: tsdav', () => {
  let s: TestServer;
  let rest: Client;
  let carddav: TsdavClient;
  let caldav: TsdavClient;
  beforeAll(async () => {
    s = await startTestServer('pglite');
    await addUser(s.running.services.admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell' });
    rest = client(s.url, 'alice', 'alice-password');
    const options = { serverUrl: s.url, credentials: { username: 'alice', password: 'alice-password' }, authMethod: 'Basic' as const };
    carddav = await createDAVClient({ ...options, defaultAccountType: 'carddav' });
    caldav = await createDAVClient({ ...options, defaultAccountType: 'caldav' });
  });
  afterAll(async () => { await s?.cleanup(); });

  it('discovers the address books and calendars through the well-known URLs and the principal', async () => {
    const books = await carddav.fetchAddressBooks();
    expect(books.map((b) => new URL(b.url).pathname)).toContain('/alice/addressbook/');
    const book = books.find((b) => new URL(b.url).pathname === '/alice/addressbook/')!;
    expect(book.syncToken).toMatch(new RegExp(`^${s.url}/alice/addressbook/\\d+$`));
    expect(book.reports).toEqual(expect.arrayContaining(['addressbookMultiget', 'addressbookQuery', 'syncCollection']));
    const calendars = await caldav.fetchCalendars();
    const calendar = calendars.find((c) => new URL(c.url).pathname === '/alice/calendar/');
    expect(calendar).toBeDefined();
    expect(calendar!.components).toContain('VEVENT');
  });

  describe('address book sync', () => {
    let book: DAVAddressBook;

    it('reads the cards of an address book, written over REST and over DAV', async () => {
      expect((await rest.post('/alice/addressbook/', { uid: 'tsdav-rest-00000001', fullName: 'Rest Person' })).status).toBe(201);
      const created = await carddav.createVCard({
        addressBook: (await carddav.fetchAddressBooks()).find((b) => b.url.endsWith('/alice/addressbook/'))!,
        filename: 'tsdav-dav-1.vcf', vCardString: vcardOf('3.0', 'UID:tsdav-dav-1', 'FN:Dav Person', 'N:Person;Dav;;;'),
      });
      expect(created.status).toBe(201);
      book = (await carddav.fetchAddressBooks()).find((b) => b.url.endsWith('/alice/addressbook/'))!;
      book.objects = await carddav.fetchVCards({ addressBook: book });
      expect(byData(book.objects)).toEqual(['Dav Person', 'Rest Person']);
      const dav = book.objects.find((o) => o.url.endsWith('/tsdav-dav-1.vcf'))!;
      // The card as it was written (tsdav's XML reader trims the text it returns).
      expect(dav.data).toBe(vcardOf('3.0', 'UID:tsdav-dav-1', 'FN:Dav Person', 'N:Person;Dav;;;').trimEnd());
    });

    it('syncs changes, creations and deletions with sync-collection', async () => {
      const restCard = book.objects!.find((o) => lineOf(String(o.data), 'FN') === 'Rest Person')!;
      const id = /^"?(\d+):/.exec(restCard.etag!)![1];
      expect((await rest.patch(`/alice/addressbook/${id}`, { fullName: 'Rest Person Renamed' })).status).toBe(204);
      expect((await rest.post('/alice/addressbook/', { uid: 'tsdav-rest-00000002', fullName: 'Second Rest' })).status).toBe(201);
      const davCard = book.objects!.find((o) => o.url.endsWith('/tsdav-dav-1.vcf'))!;
      expect((await carddav.deleteVCard({ vCard: davCard })).status).toBe(204);

      const result = await carddav.smartCollectionSyncDetailed({ collection: { ...book, objectMultiGet: carddav.addressBookMultiGet }, method: 'webdav' });
      expect(byData(result.objects.created)).toEqual(['Second Rest']);
      expect(byData(result.objects.updated)).toEqual(['Rest Person Renamed']);
      expect(result.objects.deleted.map((o) => new URL(o.url).pathname)).toEqual(['/alice/addressbook/tsdav-dav-1.vcf']);
      expect(result.syncToken).not.toBe(book.syncToken);
      book = { ...book, syncToken: result.syncToken, objects: await carddav.fetchVCards({ addressBook: book }) };
    });

    it('updates a card with its ETag, and syncs by ctag and multiget too', async () => {
      const card = book.objects!.find((o) => lineOf(String(o.data), 'FN') === 'Second Rest')!;
      const text = String(card.data).replace('FN:Second Rest', 'FN:Second Rest Edited');
      const update = await carddav.updateVCard({ vCard: { ...card, data: text } });
      expect(update.status).toBe(204);
      // A stale ETag is refused (If-Match).
      expect((await carddav.updateVCard({ vCard: { ...card, data: text } })).status).toBe(412);
      expect((await rest.get('/alice/addressbook/tsdav-rest-00000002')).body.fullName).toBe('Second Rest Edited');

      const fetchObjects = async (params?: { collection: DAVAddressBook }) => carddav.fetchVCards({ addressBook: params!.collection });
      const result = await carddav.smartCollectionSyncDetailed({ collection: { ...book, fetchObjects }, method: 'basic' });
      expect(byData(result.objects.updated)).toEqual(['Second Rest Edited']);
      expect(result.objects.updated[0]!.data).toBe(text.trimEnd());
      expect([result.objects.created, result.objects.deleted]).toEqual([[], []]);
    });
  });

  describe('calendar sync', () => {
    let calendar: DAVCalendar;

    it('reads the events of a calendar, written over REST and over DAV', async () => {
      expect((await rest.post('/alice/calendar/', { uid: 'tsdav-event-rest-1', title: 'Rest Meeting', start: tomorrow(), timeZone: 'Europe/Berlin', duration: 'PT1H' })).status).toBe(201);
      calendar = (await caldav.fetchCalendars()).find((c) => c.url.endsWith('/alice/calendar/'))!;
      const created = await caldav.createCalendarObject({ calendar, filename: 'tsdav-event-dav-1.ics', iCalString: vevent('tsdav-event-dav-1', 'Dav Meeting') });
      expect(created.status).toBe(201);
      calendar = (await caldav.fetchCalendars()).find((c) => c.url.endsWith('/alice/calendar/'))!;
      calendar.objects = await caldav.fetchCalendarObjects({ calendar });
      expect(bySummary(calendar.objects)).toEqual(['Dav Meeting', 'Rest Meeting']);
      expect(calendar.objects.find((o) => o.url.endsWith('/tsdav-event-dav-1.ics'))!.data).toBe(vevent('tsdav-event-dav-1', 'Dav Meeting').trimEnd());
    });

    it('syncs changes, creations and deletions with sync-collection, then by ctag', async () => {
      expect((await rest.patch('/alice/calendar/tsdav-event-rest-1', { title: 'Rest Meeting Moved' })).status).toBe(204);
      expect((await rest.post('/alice/calendar/', { uid: 'tsdav-event-rest-2', title: 'Second Meeting', start: tomorrow(), timeZone: 'Europe/Berlin', duration: 'PT30M' })).status).toBe(201);
      const dav = calendar.objects!.find((o) => o.url.endsWith('/tsdav-event-dav-1.ics'))!;
      expect((await caldav.deleteCalendarObject({ calendarObject: dav })).status).toBe(204);
      const result = await caldav.smartCollectionSyncDetailed({ collection: { ...calendar, objectMultiGet: caldav.calendarMultiGet }, method: 'webdav' });
      expect(bySummary(result.objects.created)).toEqual(['Second Meeting']);
      expect(bySummary(result.objects.updated)).toEqual(['Rest Meeting Moved']);
      expect(result.objects.deleted.map((o) => new URL(o.url).pathname)).toEqual(['/alice/calendar/tsdav-event-dav-1.ics']);
      calendar = { ...calendar, syncToken: result.syncToken, ctag: result.ctag, objects: await caldav.fetchCalendarObjects({ calendar }) };

      const second = calendar.objects!.find((o) => lineOf(String(o.data), 'SUMMARY') === 'Second Meeting')!;
      const text = String(second.data).replace('SUMMARY:Second Meeting', 'SUMMARY:Second Meeting Edited');
      expect((await caldav.updateCalendarObject({ calendarObject: { ...second, data: text } })).status).toBe(204);
      expect((await rest.get('/alice/calendar/tsdav-event-rest-2')).body.title).toBe('Second Meeting Edited');
      const fetchObjects = async (params?: { collection: DAVCalendar }) => caldav.fetchCalendarObjects({ calendar: params!.collection });
      const basic = await caldav.smartCollectionSyncDetailed({ collection: { ...calendar, fetchObjects }, method: 'basic' });
      expect(bySummary(basic.objects.updated)).toEqual(['Second Meeting Edited']);
      expect([basic.objects.created, basic.objects.deleted]).toEqual([[], []]);
    });
  });
});
