import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser } from '@almanac/accounts';
import { lineOf, VCARD, vcardOf } from './carddav-support.js';
import { davClient, type DavClient } from './dav-support.js';
import { client, type Client, startTestServer, type TestServer } from './support.js';
import { type SyncPair, vdirsyncer, vdirsyncerVersion } from './vdirsyncer-support.js';

// Interoperability with a real client: Debian's vdirsyncer syncs an address book and a calendar of
// the real server (over a socket) into local folders, both ways: an initial two-way sync, a local
// edit synced back, a server edit synced down, a deletion each way. vdirsyncer must be installed
// (.ci/run does it); without it these tests fail with the install hint.

/** What the scenario needs to know about one kind of collection. */
interface Scenario {
  readonly pair: Omit<SyncPair, 'url'>;
  /** The collection, below the base. */
  readonly path: string;
  /** A DAV item with this UID and title. */
  item(uid: string, title: string): string;
  /** The title of a DAV text (FN / SUMMARY). */
  titleOf(text: string): string | undefined;
  /** The REST body that creates an item, and the PATCH that retitles it. */
  restBody(uid: string, title: string): unknown;
  restRetitle(title: string): unknown;
  /** The title in a REST GET body. */
  restTitle(body: any): string | undefined;
  readonly contentType: string;
}

const CONTACTS: Scenario = {
  pair: { name: 'contacts', type: 'carddav', fileext: '.vcf' },
  path: '/alice/addressbook/',
  item: (uid, title) => vcardOf('3.0', `UID:${uid}`, `FN:${title}`, `N:${title.split(' ').reverse().join(';')};;;`, `EMAIL;TYPE=INTERNET:${uid}@example.org`),
  titleOf: (text) => lineOf(text, 'FN'),
  restBody: (uid, title) => ({ uid, fullName: title }),
  restRetitle: (title) => ({ fullName: title }),
  restTitle: (body) => body.fullName,
  contentType: VCARD['Content-Type'],
};

/** Tomorrow at 10:00 local time, as the REST API writes a start (`YYYY-MM-DDTHH:MM:SS` in `timeZone`). */
const tomorrow = () => `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T10:00:00`;

const CALENDAR: Scenario = {
  pair: { name: 'calendar', type: 'caldav', fileext: '.ics' },
  path: '/alice/calendar/',
  item: (uid, title) => {
    const day = tomorrow().slice(0, 10).replace(/-/g, '');
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//vdirsyncer interop//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240101T000000Z',
      `DTSTART:${day}T090000Z`, `DTEND:${day}T100000Z`, `SUMMARY:${title}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  },
  titleOf: (text) => lineOf(text, 'SUMMARY'),
  restBody: (uid, title) => ({ uid, title, start: tomorrow(), timeZone: 'Europe/Berlin', duration: 'PT1H' }),
  restRetitle: (title) => ({ title }),
  restTitle: (body) => body.title,
  contentType: 'text/calendar; charset=utf-8',
};

const SCENARIOS: readonly Scenario[] = [CONTACTS, CALENDAR];

describe('interoperability: vdirsyncer two-way sync', () => {
  let s: TestServer;
  let rest: Client;
  let dav: DavClient;
  let dir: string;
  let sync: ReturnType<typeof vdirsyncer>;
  const localOf = (scenario: Scenario) => sync.local(scenario.pair.name);

  beforeAll(async () => {
    vdirsyncerVersion();
    s = await startTestServer('pglite');
    await addUser(s.running.services.admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell' });
    rest = client(s.url, 'alice', 'alice-password');
    dav = davClient(s.url, 'alice', 'alice-password');
    dir = mkdtempSync(join(tmpdir(), 'almanac-vdirsyncer-'));
    sync = vdirsyncer(dir, SCENARIOS.map((sc) => ({ ...sc.pair, url: `${s.url}${sc.path}` })), { username: 'alice', password: 'alice-password' });
  });
  afterAll(async () => {
    await s?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is installed', () => {
    expect(vdirsyncerVersion()).toMatch(/^vdirsyncer, version \d+\.\d+/);
  });

  const restPaths = new Map<string, string>();

  it('syncs both ways at first: server items down, local items up, stored on the server as the local file', async () => {
    for (const sc of SCENARIOS) {
      const created = await rest.post(sc.path, sc.restBody(`${sc.pair.name}-server-1`, 'Server One'));
      expect(created.status).toBe(201);
      restPaths.set(`${sc.pair.name}-server-1`, created.headers.get('location')!);
      expect((await dav('PUT', `${sc.path}${sc.pair.name}-server-2${sc.pair.fileext}`, sc.item(`${sc.pair.name}-server-2`, 'Server Two'), { 'Content-Type': sc.contentType })).status).toBe(201);
      writeFileSync(join(sync.localDir(sc.pair.name), `${sc.pair.name}-local-1${sc.pair.fileext}`), sc.item(`${sc.pair.name}-local-1`, 'Local One'));
    }
    await sync.sync();
    for (const sc of SCENARIOS) {
      const local = localOf(sc);
      expect(Object.values(local).map(sc.titleOf).sort()).toEqual(['Local One', 'Server One', 'Server Two']);
      const up = await dav('GET', `${sc.path}${sc.pair.name}-local-1${sc.pair.fileext}`);
      expect(up.status).toBe(200);
      // DECISIONS.md: a DAV PUT is stored as received.
      expect(up.text).toBe(local[`${sc.pair.name}-local-1${sc.pair.fileext}`]);
      const json = await rest.get(`${sc.path}${sc.pair.name}-local-1`);
      expect(sc.restTitle(json.body)).toBe('Local One');
      restPaths.set(`${sc.pair.name}-local-1`, `${sc.path}${sc.pair.name}-local-1`);
    }
  });

  it('syncs a local edit back to the server', async () => {
    for (const sc of SCENARIOS) {
      const file = `${sc.pair.name}-local-1${sc.pair.fileext}`;
      writeFileSync(join(sync.localDir(sc.pair.name), file), sc.item(`${sc.pair.name}-local-1`, 'Local One Edited'));
    }
    await sync.sync();
    for (const sc of SCENARIOS) {
      const file = `${sc.pair.name}-local-1${sc.pair.fileext}`;
      expect(sc.restTitle((await rest.get(`${sc.path}${sc.pair.name}-local-1`)).body)).toBe('Local One Edited');
      expect((await dav('GET', `${sc.path}${file}`)).text).toBe(localOf(sc)[file]);
    }
  });

  it('syncs a server edit down to the local folder', async () => {
    for (const sc of SCENARIOS) {
      expect((await rest.patch(restPaths.get(`${sc.pair.name}-server-1`)!, sc.restRetitle('Server One Edited'))).status).toBe(204);
    }
    await sync.sync();
    for (const sc of SCENARIOS) {
      const titles = Object.values(localOf(sc)).map(sc.titleOf).sort();
      expect(titles).toEqual(['Local One Edited', 'Server One Edited', 'Server Two']);
    }
  });

  it('syncs a deletion each way', async () => {
    for (const sc of SCENARIOS) {
      const serverTwo = Object.entries(localOf(sc)).find(([, text]) => sc.titleOf(text) === 'Server Two')![0];
      unlinkSync(join(sync.localDir(sc.pair.name), serverTwo));
      expect((await rest.delete(restPaths.get(`${sc.pair.name}-local-1`)!)).status).toBe(204);
    }
    await sync.sync();
    for (const sc of SCENARIOS) {
      expect((await dav('GET', `${sc.path}${sc.pair.name}-server-2${sc.pair.fileext}`)).status).toBe(404);
      expect(Object.values(localOf(sc)).map(sc.titleOf)).toEqual(['Server One Edited']);
    }
  });

  it('finds nothing to do on a sync without changes', async () => {
    const before = SCENARIOS.map(localOf);
    const etags = await Promise.all(SCENARIOS.map(async (sc) => (await rest.get(restPaths.get(`${sc.pair.name}-server-1`)!)).headers.get('etag')));
    await sync.sync();
    expect(SCENARIOS.map(localOf)).toEqual(before);
    expect(await Promise.all(SCENARIOS.map(async (sc) => (await rest.get(restPaths.get(`${sc.pair.name}-server-1`)!)).headers.get('etag')))).toEqual(etags);
  });
});
