import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser } from '@almanac/accounts';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import {
  calendarDataByHref, calendarQuery, componentSets, ICS, icsLines, mkcalendar, propertyValues, report, rfcObject,
} from './caldav-support.js';
import { type DavClient, davClient, fixture, readMultistatus } from './dav-support.js';
import { startTestServer, type TestServer } from './support.js';

// RFC 4791 §7.8-7.10 run against the calendar data of its Appendix B, stored where the RFC keeps
// it: /bernard/work/ (events) and, since Almanac keeps VTODOs in task lists, /bernard/tasks/.
const WORK = '/bernard/work/';
const TASKS = '/bernard/tasks/';
const EVENTS = ['abcd1', 'abcd2', 'abcd3'];
const TODOS = ['abcd4', 'abcd5', 'abcd6', 'abcd7'];
const href = (base: string, name: string) => `${base}${name}.ics`;

/**
 * The lines of a stored object that a `comp`/`prop` selection keeps (how RFC 4791's example 7.8.1
 * answers): the listed properties of the listed components, `all` for a component kept whole.
 */
function selected(text: string, keep: Readonly<Record<string, readonly string[] | 'all'>>): string {
  const out: string[] = [];
  const stack: { name: string; kept: boolean; whole: boolean }[] = [];
  for (const line of icsLines(text)) {
    const begin = /^BEGIN:(.*)$/i.exec(line);
    if (begin) {
      const name = begin[1]!.toUpperCase();
      const parent = stack.at(-1);
      const whole = (parent?.whole ?? false) || keep[name] === 'all';
      const kept = (parent?.kept ?? true) && ((parent?.whole ?? false) || keep[name] !== undefined);
      stack.push({ name, kept, whole });
      if (kept) out.push(line);
    } else if (/^END:/i.test(line)) {
      if (stack.pop()?.kept) out.push(line);
    } else {
      const top = stack.at(-1);
      const list = top && keep[top.name];
      if (top?.kept && (top.whole || (Array.isArray(list) && list.includes(line.slice(0, line.search(/[;:]/)).toUpperCase())))) out.push(line);
    }
  }
  return `${out.join('\r\n')}\r\n`;
}

for (const kind of testStoreKinds()) {
  describe(`CalDAV: the examples of RFC 4791 (${kind})`, () => {
    let s: TestServer;
    let bernard: DavClient;
    const etags: Record<string, string> = {};

    beforeAll(async () => {
      s = await startTestServer(kind);
      await addUser(s.running.services.admin, { login: 'bernard', password: 'bernard-password', fullName: 'Bernard Desruisseaux', email: 'bernard@example.com' });
      bernard = davClient(s.url, 'bernard', 'bernard-password');
      expect((await bernard('MKCALENDAR', WORK, mkcalendar('VEVENT', 'Work'))).status).toBe(201);
      expect((await bernard('MKCALENDAR', TASKS, mkcalendar('VTODO', 'Tasks'))).status).toBe(201);
      for (const name of EVENTS) {
        const put = await bernard('PUT', href(WORK, name), rfcObject(name), { ...ICS, 'If-None-Match': '*' });
        expect(put.status).toBe(201);
        etags[name] = put.headers.get('etag')!;
      }
      for (const name of TODOS) {
        const put = await bernard('PUT', href(TASKS, name), rfcObject(name), { ...ICS, 'If-None-Match': '*' });
        expect(put.status).toBe(201);
        etags[name] = put.headers.get('etag')!;
      }
    });
    afterAll(async () => { await s.cleanup(); });

    it('keeps every Appendix B object byte for byte, with the ETag of its PUT', async () => {
      for (const [base, names] of [[WORK, EVENTS], [TASKS, TODOS]] as const) {
        for (const name of names) {
          const get = await bernard('GET', href(base, name));
          expect([get.status, get.text, get.headers.get('etag')]).toEqual([200, rfcObject(name), etags[name]]);
        }
      }
    });

    it('refuses the VFREEBUSY object (abcd8) in an events calendar: supported-calendar-component', async () => {
      const put = await bernard('PUT', href(WORK, 'abcd8'), rfcObject('abcd8'), ICS);
      expect(put.status).toBe(403);
      expect(put.text).toContain('supported-calendar-component');
    });

    it('7.8.1: partial retrieval of events by time range (comp/prop selection, VTIMEZONE whole)', async () => {
      const res = await report(bernard, WORK, fixture('rfc4791-7.8.1-calendar-query-partial-by-time-range'));
      const data = calendarDataByHref(res.text);
      expect(Object.keys(data).sort()).toEqual([href(WORK, 'abcd2'), href(WORK, 'abcd3')]);
      const keep = { VCALENDAR: ['VERSION'], VEVENT: ['SUMMARY', 'UID', 'DTSTART', 'DTEND', 'DURATION', 'RRULE', 'RDATE', 'EXRULE', 'EXDATE', 'RECURRENCE-ID'], VTIMEZONE: 'all' } as const;
      for (const name of ['abcd2', 'abcd3']) expect(componentSets(data[href(WORK, name)]!)).toEqual(componentSets(selected(rfcObject(name), keep)));
      expect(data[href(WORK, 'abcd2')]).not.toContain('DTSTAMP');
      expect(data[href(WORK, 'abcd2')]).not.toContain('PRODID');
    });

    it('7.8.2: expanded retrieval of a recurring event (instances in UTC, RECURRENCE-ID, no RRULE, no VTIMEZONE)', async () => {
      const res = await report(bernard, WORK, fixture('rfc4791-7.8.2-calendar-query-expand'));
      const data = calendarDataByHref(res.text);
      expect(Object.keys(data).sort()).toEqual([href(WORK, 'abcd2'), href(WORK, 'abcd3')]);
      const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example Corp.//CalDAV Client//EN'];
      // The RFC's own answer (RFC 4791 §7.8.3 of the text, "Expanded Retrieval of Recurring Events").
      const abcd2 = [...head,
        'BEGIN:VEVENT', 'DTSTAMP:20060206T001121Z', 'DTSTART:20060103T170000Z', 'DURATION:PT1H', 'RECURRENCE-ID:20060103T170000Z', 'SUMMARY:Event #2', 'UID:00959BC664CA650E933C892C@example.com', 'END:VEVENT',
        'BEGIN:VEVENT', 'DTSTAMP:20060206T001121Z', 'DTSTART:20060104T190000Z', 'DURATION:PT1H', 'RECURRENCE-ID:20060104T170000Z', 'SUMMARY:Event #2 bis', 'UID:00959BC664CA650E933C892C@example.com', 'END:VEVENT',
        'END:VCALENDAR'].join('\r\n');
      const abcd3 = [...head, 'BEGIN:VEVENT',
        'ATTENDEE;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:cyrus@example.com', 'ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:lisa@example.com', 'DTSTAMP:20060206T001220Z',
        'DTSTART:20060104T150000Z', 'DURATION:PT1H', 'LAST-MODIFIED:20060206T001330Z', 'ORGANIZER:mailto:cyrus@example.com', 'SEQUENCE:1', 'STATUS:TENTATIVE',
        'SUMMARY:Event #3', 'UID:DC6C50A017428C5216A2F1CD@example.com', 'X-ABC-GUID:E1CX5Dr-0007ym-Hz@example.com', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
      expect(componentSets(data[href(WORK, 'abcd2')]!)).toEqual(componentSets(abcd2));
      expect(componentSets(data[href(WORK, 'abcd3')]!)).toEqual(componentSets(abcd3));
    });

    it('7.8.3: partial retrieval of a recurring event with limit-recurrence-set (the master and the overrides in range only)', async () => {
      const res = await report(bernard, WORK, fixture('rfc4791-7.8.3-calendar-query-limit-recurrence-set'));
      const data = calendarDataByHref(res.text);
      expect(Object.keys(data).sort()).toEqual([href(WORK, 'abcd2'), href(WORK, 'abcd3')]);
      const withoutBisBis = rfcObject('abcd2').replace(/BEGIN:VEVENT\r\n(?:(?!END:VEVENT)[^\n]*\n)*?SUMMARY:Event #2 bis bis\r\n[^]*?END:VEVENT\r\n/, '');
      expect(withoutBisBis).not.toContain('bis bis');
      expect(componentSets(data[href(WORK, 'abcd2')]!)).toEqual(componentSets(withoutBisBis));
      expect(componentSets(data[href(WORK, 'abcd3')]!)).toEqual(componentSets(rfcObject('abcd3')));
    });

    it('7.8.4: a query for stored VFREEBUSY components finds none (calendars here hold events)', async () => {
      const res = await report(bernard, WORK, fixture('rfc4791-7.8.4-calendar-query-limit-freebusy-set'));
      expect(readMultistatus(res.text).responses).toEqual([]);
    });

    it('7.8.5: retrieval of to-dos by alarm time range (the alarm of a to-do relative to its due time)', async () => {
      const res = await report(bernard, TASKS, fixture('rfc4791-7.8.5-calendar-query-alarm-time-range'));
      const data = calendarDataByHref(res.text);
      expect(Object.keys(data)).toEqual([href(TASKS, 'abcd5')]);
      expect(data[href(TASKS, 'abcd5')]).toBe(rfcObject('abcd5'));
    });

    it('7.8.6: retrieval of an event by UID (i;octet)', async () => {
      const res = await report(bernard, WORK, fixture('rfc4791-7.8.6-calendar-query-uid'));
      const { responses } = readMultistatus(res.text);
      expect(responses.map((r) => r.href)).toEqual([href(WORK, 'abcd3')]);
      expect(responses[0]!.ok['{DAV:}getetag']!.text).toBe(etags.abcd3);
      expect(calendarDataByHref(res.text)[href(WORK, 'abcd3')]).toBe(rfcObject('abcd3'));
    });

    it('7.8.7: retrieval of events by PARTSTAT (prop-filter with param-filter)', async () => {
      const res = await report(bernard, WORK, fixture('rfc4791-7.8.7-calendar-query-attendee-partstat'));
      expect(readMultistatus(res.text).responses.map((r) => r.href)).toEqual([href(WORK, 'abcd3')]);
    });

    it('7.8.8: retrieval of all events (no VTODO in an events calendar)', async () => {
      const res = await report(bernard, WORK, fixture('rfc4791-7.8.8-calendar-query-all-events'));
      const data = calendarDataByHref(res.text);
      expect(Object.keys(data).sort()).toEqual(EVENTS.map((n) => href(WORK, n)));
      for (const name of EVENTS) expect(data[href(WORK, name)]).toBe(rfcObject(name));
      const todos = await report(bernard, TASKS, fixture('rfc4791-7.8.8-calendar-query-all-events'));
      expect(readMultistatus(todos.text).responses).toEqual([]);
    });

    it('7.8.9: retrieval of all pending to-dos (COMPLETED undefined, STATUS not CANCELLED: negate-condition)', async () => {
      const res = await report(bernard, TASKS, fixture('rfc4791-7.8.9-calendar-query-todos-not-completed'));
      expect(readMultistatus(res.text).responses.map((r) => r.href).sort()).toEqual([href(TASKS, 'abcd4'), href(TASKS, 'abcd5')]);
    });

    it('7.9.1: calendar-multiget, a missing resource answered alone with 404', async () => {
      const res = await report(bernard, WORK, fixture('rfc4791-7.9.1-calendar-multiget'));
      const { byHref } = readMultistatus(res.text);
      expect(byHref[href(WORK, 'abcd1')]!.ok['{DAV:}getetag']!.text).toBe(etags.abcd1);
      expect(calendarDataByHref(res.text)[href(WORK, 'abcd1')]).toBe(rfcObject('abcd1'));
      expect(byHref[href(WORK, 'mtg1')]!.status).toBe(404);
    });

    it('7.10.1: free-busy-query answers 200 text/calendar with the busy periods of the expanded events', async () => {
      const res = await bernard('REPORT', WORK, fixture('rfc4791-7.10.1-free-busy-query'), { Depth: '1' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(propertyValues(res.text, 'DTSTART')).toEqual(['20060104T140000Z']);
      expect(propertyValues(res.text, 'DTEND')).toEqual(['20060105T220000Z']);
      // RFC 4791 §7.10.1's answer: BUSY-TENTATIVE 15:00Z/PT1H (abcd3), BUSY 19:00Z/PT1H (abcd2's override), BUSY Jan 5 17:00Z/PT1H.
      const periods = icsLines(res.text).filter((l) => l.startsWith('FREEBUSY'));
      expect(periods).toEqual([
        'FREEBUSY;FBTYPE=BUSY-TENTATIVE:20060104T150000Z/20060104T160000Z',
        'FREEBUSY:20060104T190000Z/20060104T200000Z',
        'FREEBUSY:20060105T170000Z/20060105T180000Z',
      ]);
    });

    it('text-match follows its collation: i;octet is case-sensitive, i;ascii-casemap (the default) is not', async () => {
      const uid = (collation: string, value: string) => calendarQuery(
        `<C:comp-filter name="VEVENT"><C:prop-filter name="UID"><C:text-match${collation ? ` collation="${collation}"` : ''}>${value}</C:text-match></C:prop-filter></C:comp-filter>`);
      const hrefs = async (body: string) => readMultistatus((await report(bernard, WORK, body)).text).responses.map((r) => r.href);
      expect(await hrefs(uid('i;octet', 'dc6c50a017428c5216a2f1cd'))).toEqual([]);
      expect(await hrefs(uid('i;octet', 'DC6C50A017428C5216A2F1CD'))).toEqual([href(WORK, 'abcd3')]);
      expect(await hrefs(uid('', 'dc6c50a017428c5216a2f1cd'))).toEqual([href(WORK, 'abcd3')]);
      expect(await hrefs(uid('i;unicode-casemap', 'dc6c50a017428c5216a2f1cd'))).toEqual([href(WORK, 'abcd3')]);
      const unsupported = await bernard('REPORT', WORK, uid('i;klingon', 'x'), { Depth: '1' });
      expect(unsupported.status).toBe(403);
      expect(unsupported.text).toContain('supported-collation');
    });

    it('negate-condition, is-not-defined and text-match on a property with mixed-case name (Description)', async () => {
      const hrefs = async (filter: string) => readMultistatus((await report(bernard, WORK, calendarQuery(filter))).text).responses.map((r) => r.href).sort();
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:prop-filter name="DESCRIPTION"><C:text-match>steelers</C:text-match></C:prop-filter></C:comp-filter>'))
        .toEqual([href(WORK, 'abcd1')]);
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:prop-filter name="SUMMARY"><C:text-match negate-condition="yes">Event #2</C:text-match></C:prop-filter></C:comp-filter>'))
        .toEqual([href(WORK, 'abcd1'), href(WORK, 'abcd3')]);
      // A comp-filter matches when some component passes: abcd2's overrides have no RRULE.
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:prop-filter name="RRULE"><C:is-not-defined/></C:prop-filter></C:comp-filter>'))
        .toEqual(EVENTS.map((n) => href(WORK, n)));
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:prop-filter name="RECURRENCE-ID"><C:is-not-defined/></C:prop-filter><C:prop-filter name="RRULE"/></C:comp-filter>'))
        .toEqual([href(WORK, 'abcd2')]);
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:prop-filter name="ATTENDEE"><C:param-filter name="ROLE"><C:is-not-defined/></C:param-filter></C:prop-filter></C:comp-filter>'))
        .toEqual([href(WORK, 'abcd3')]);
      expect(await hrefs('<C:comp-filter name="VTODO"><C:is-not-defined/></C:comp-filter>')).toEqual(EVENTS.map((n) => href(WORK, n)));
    });

    it('time-range on a property (DTSTAMP) and on components of a recurring event, per override', async () => {
      const hrefs = async (filter: string) => readMultistatus((await report(bernard, WORK, calendarQuery(filter))).text).responses.map((r) => r.href).sort();
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:prop-filter name="DTSTAMP"><C:time-range start="20060206T001200Z" end="20060206T001300Z"/></C:prop-filter></C:comp-filter>'))
        .toEqual([href(WORK, 'abcd3')]);
      // Jan 6 17:00Z is where abcd2's main component would have an instance, but the override moved it to 19:00Z.
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:time-range start="20060106T170000Z" end="20060106T180000Z"/></C:comp-filter>')).toEqual([]);
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:time-range start="20060106T190000Z" end="20060106T193000Z"/><C:prop-filter name="SUMMARY"><C:text-match>bis bis</C:text-match></C:prop-filter></C:comp-filter>'))
        .toEqual([href(WORK, 'abcd2')]);
      // The main component's instances do not include the overridden ones: none of them is called "bis bis".
      expect(await hrefs('<C:comp-filter name="VEVENT"><C:time-range start="20060105T000000Z" end="20060106T000000Z"/><C:prop-filter name="SUMMARY"><C:text-match>bis</C:text-match></C:prop-filter></C:comp-filter>'))
        .toEqual([]);
    });

    it('VTODO time ranges follow the table of RFC 4791 §9.9, floating dates read in CALDAV:timezone', async () => {
      const hrefs = async (filter: string, extra = '') => readMultistatus((await report(bernard, TASKS, calendarQuery(filter, '<D:getetag/>', extra))).text).responses.map((r) => r.href).sort();
      const range = (start: string, end: string) => `<C:comp-filter name="VTODO"><C:time-range start="${start}" end="${end}"/></C:comp-filter>`;
      // DUE only: start < DUE and end >= DUE.
      expect(await hrefs(range('20060101T000000Z', '20060105T000000Z'))).toEqual([href(TASKS, 'abcd4')]);
      expect(await hrefs(range('20060104T000000Z', '20060105T000000Z'))).toEqual([]);
      // abcd5 is due Jan 6 12:00 US/Eastern = 17:00Z.
      expect(await hrefs(range('20060106T165900Z', '20060106T170000Z'))).toEqual([href(TASKS, 'abcd5')]);
      // abcd4's DUE is a floating date: midnight in UTC by default, in the query's zone with CALDAV:timezone.
      const la = `<C:timezone>BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\nBEGIN:STANDARD\r\nDTSTART:19701101T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n</C:timezone>`;
      expect(await hrefs(range('20060104T010000Z', '20060104T090000Z'))).toEqual([]);
      expect(await hrefs(range('20060104T010000Z', '20060104T090000Z'), la)).toEqual([href(TASKS, 'abcd4')]);
    });

    it('answers a query with a malformed filter or calendar-data with the RFC errors', async () => {
      const notVcalendar = await bernard('REPORT', WORK, fixture('error-calendar-query-not-vcalendar'), { Depth: '1' });
      expect(notVcalendar.status).toBe(403);
      expect(notVcalendar.text).toContain('valid-filter');
      const badRange = await bernard('REPORT', WORK, fixture('error-calendar-query-bad-time-range'), { Depth: '1' });
      expect(badRange.status).toBe(403);
      expect(badRange.text).toContain('valid-filter');
      const unsupported = await bernard('REPORT', WORK, calendarQuery('', `<C:calendar-data content-type="application/calendar+json"/>`), { Depth: '1' });
      expect(unsupported.status).toBe(403);
      expect(unsupported.text).toContain('supported-calendar-data');
    });
  });
}
