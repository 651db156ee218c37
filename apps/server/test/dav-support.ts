import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clark, parseXml, type XmlElement } from '@almanac/http-dav';
import { textDavApp } from '@almanac/http-dav/testing';
import { basic } from './support.js';

/** The DAV apps the e2e tests plug in: text stored as received (the real apps come later). */
export const TEST_DAV_APPS = { calendar: textDavApp('calendar'), infolog: textDavApp('infolog'), addressbook: textDavApp('addressbook') };

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'packages', 'http-dav', 'src', 'xml', 'requests', 'fixtures');

/** A request body of http-dav's fixture corpus (RFC examples and recorded client requests). */
export const fixture = (name: string): string => readFileSync(join(fixtures, `${name}.xml`), 'utf8');

export interface DavResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** A raw DAV client for one user over real HTTP: any method, body and headers, no Accept: JSON. */
export function davClient(baseUrl: string, login: string, password: string) {
  return async (method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<DavResponse> => {
    const res = await fetch(baseUrl + path, {
      method, redirect: 'manual',
      headers: {
        Authorization: basic(login, password),
        ...(body !== undefined && { 'Content-Type': 'application/xml; charset=utf-8' }), ...headers,
      },
      body,
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
}
export type DavClient = ReturnType<typeof davClient>;

/** One response of a multistatus: its propstats as `{ '{ns}name': element }` per status, or its bare status. */
export interface ReadResponse {
  readonly href: string;
  readonly status?: number;
  /** 200 properties by Clark name. */
  readonly ok: Record<string, XmlElement>;
  /** Clark names by non-200 status. */
  readonly failed: Record<number, string[]>;
  readonly error?: XmlElement;
}

const statusOf = (line: string) => Number(/HTTP\/\d\.\d (\d{3})/.exec(line)?.[1] ?? 0);

/** Reads a multistatus into its responses (whatever prefixes the server chose), plus the sync token. */
export function readMultistatus(text: string): { responses: ReadResponse[]; syncToken?: string; byHref: Record<string, ReadResponse> } {
  const root = parseXml(text);
  if (clark(root) !== '{DAV:}multistatus') throw new Error(`not a multistatus: ${text.slice(0, 200)}`);
  const responses: ReadResponse[] = [];
  for (const r of root.children.filter((c) => clark(c) === '{DAV:}response')) {
    const href = r.children.find((c) => clark(c) === '{DAV:}href')!.text;
    const ok: Record<string, XmlElement> = {};
    const failed: Record<number, string[]> = {};
    for (const ps of r.children.filter((c) => clark(c) === '{DAV:}propstat')) {
      const status = statusOf(ps.children.find((c) => clark(c) === '{DAV:}status')!.text);
      for (const p of ps.children.find((c) => clark(c) === '{DAV:}prop')!.children) {
        if (status === 200) ok[clark(p)] = p;
        else (failed[status] ??= []).push(clark(p));
      }
    }
    const statusElement = r.children.find((c) => clark(c) === '{DAV:}status');
    const error = r.children.find((c) => clark(c) === '{DAV:}error');
    responses.push({ href, ok, failed, ...(statusElement && { status: statusOf(statusElement.text) }), ...(error && { error }) });
  }
  const token = root.children.find((c) => clark(c) === '{DAV:}sync-token');
  return { responses, byHref: Object.fromEntries(responses.map((r) => [r.href, r])), ...(token && { syncToken: token.text }) };
}

/** The hrefs inside a property element. */
export const hrefsIn = (e: XmlElement | undefined): string[] => (e?.children ?? []).filter((c) => clark(c) === '{DAV:}href').map((c) => c.text);

/** The Clark names of the child elements of a property (resourcetype, privileges, …), flattened one level for privileges. */
export const namesIn = (e: XmlElement | undefined): string[] =>
  (e?.children ?? []).map((c) => (clark(c) === '{DAV:}privilege' ? clark(c.children[0]!) : clark(c)));

/** A minimal VEVENT calendar object. */
export function vevent(uid: string, summary = 'Meeting', extra = ''): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240101T000000Z',
    'DTSTART:20240102T100000Z', 'DTEND:20240102T110000Z', `SUMMARY:${summary}`, ...(extra ? [extra] : []), 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

/** A minimal VTODO calendar object. */
export function vtodo(uid: string, summary = 'Task'): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', 'BEGIN:VTODO', `UID:${uid}`, 'DTSTAMP:20240101T000000Z', `SUMMARY:${summary}`, 'END:VTODO', 'END:VCALENDAR', ''].join('\r\n');
}

/** A minimal vCard 3.0. */
export function vcard(uid: string, fn: string, email?: string): string {
  return ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, `FN:${fn}`, `N:${fn};;;;`, ...(email ? [`EMAIL:${email}`] : []), 'END:VCARD', ''].join('\r\n');
}
