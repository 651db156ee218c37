import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import { clark, parseXml } from '@almanac/http-dav';
import type { DavClient, DavResponse } from './dav-support.js';

export const CALDAV = 'urn:ietf:params:xml:ns:caldav';
export const ICS = { 'Content-Type': 'text/calendar; charset=utf-8' };

const rfcDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'rfc4791');

/** A calendar object of RFC 4791 Appendix B (`abcd1` … `abcd8`), with CRLF line ends as sent on the wire. */
export const rfcObject = (name: string): string => readFileSync(join(rfcDir, `${name}.ics`), 'utf8').replace(/\r?\n/g, '\r\n');

/** iCalendar lines, unfolded (RFC 5545 §3.1), without the empty last one. */
export const icsLines = (text: string): string[] => text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((l) => l !== '');

/**
 * The components of an iCalendar text as sorted line lists (`BEGIN:VEVENT` … `END:VEVENT`), so two
 * texts compare equal when they hold the same components with the same lines in any order.
 */
export function componentSets(text: string, ignore: readonly string[] = []): string[][] {
  const out: string[][] = [];
  const stack: string[][] = [];
  for (const line of icsLines(text)) {
    if (/^BEGIN:/i.test(line)) stack.push([line]);
    else if (/^END:/i.test(line)) {
      const done = stack.pop()!;
      done.push(line);
      if (stack.length === 0 || done[0] !== 'BEGIN:VCALENDAR') out.push(done.slice(1, -1).filter((l) => !ignore.some((p) => l.startsWith(p))).sort());
    } else if (!ignore.some((p) => line.startsWith(p))) stack.at(-1)?.push(line);
  }
  return out.sort((a, b) => a.join('\n').localeCompare(b.join('\n')));
}

/** The values of one property in an iCalendar text (all components), unfolded. */
export const propertyValues = (text: string, name: string): string[] =>
  icsLines(text).filter((l) => new RegExp(`^${name}[;:]`, 'i').test(l)).map((l) => l.slice(l.indexOf(':', l.search(/[;:]/)) + 1));

/** The error element names of a DAV:error body. */
export const errorNames = (text: string): string[] => parseXml(text).children.map((c) => clark(c));

/** `<C:calendar-data>` texts of a multistatus by href (RFC 4791 §9.6). */
export function calendarDataByHref(text: string): Record<string, string> {
  const root = parseXml(text);
  const out: Record<string, string> = {};
  for (const r of root.children.filter((c) => clark(c) === '{DAV:}response')) {
    const href = r.children.find((c) => clark(c) === '{DAV:}href')!.text;
    const data = r.children.flatMap((ps) => ps.children).flatMap((p) => p.children).find((p) => clark(p) === `{${CALDAV}}calendar-data`);
    if (data) out[href] = data.text;
  }
  return out;
}

/** A calendar-query REPORT body with a filter (inner XML of the VCALENDAR comp-filter) and props. */
export function calendarQuery(filter: string, props = '<D:getetag/>', extra = ''): string {
  return `<?xml version="1.0" encoding="utf-8" ?><C:calendar-query xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:prop>${props}</D:prop>`
    + `<C:filter><C:comp-filter name="VCALENDAR">${filter}</C:comp-filter></C:filter>${extra}</C:calendar-query>`;
}

/** Sends a REPORT (Depth 1) and expects a multistatus. */
export async function report(dav: DavClient, path: string, body: string, headers: Record<string, string> = {}): Promise<DavResponse> {
  const res = await dav('REPORT', path, body, { Depth: '1', ...headers });
  expect(res.status).toBe(207);
  return res;
}

/** A VEVENT calendar object (UTC times). */
export function event(uid: string, start: string, end: string, extra: readonly string[] = [], summary = 'Meeting'): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Almanac tests//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240101T000000Z',
    `DTSTART:${start}`, `DTEND:${end}`, `SUMMARY:${summary}`, ...extra, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

/** A VTODO calendar object. */
export function todo(uid: string, extra: readonly string[] = [], summary = 'Task'): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Almanac tests//EN', 'BEGIN:VTODO', `UID:${uid}`, 'DTSTAMP:20240101T000000Z',
    `SUMMARY:${summary}`, ...extra, 'END:VTODO', 'END:VCALENDAR', ''].join('\r\n');
}

/** The href's of a multistatus, sorted. */
export const hrefsOf = (responses: readonly { href: string }[]): string[] => responses.map((r) => r.href).sort();

/** A MKCALENDAR body for a calendar that takes `component` (VEVENT or VTODO). */
export const mkcalendar = (component: string, name: string) =>
  `<?xml version="1.0" encoding="utf-8" ?><C:mkcalendar xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:set><D:prop><D:displayname>${name}</D:displayname>`
  + `<C:supported-calendar-component-set><C:comp name="${component}"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`;
