import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { addUser, createAppToken, setGrant } from '@almanac/accounts';
import { Right } from '@almanac/domain-kernel';
import { basic, startTestServer, type TestServer } from './support.js';

type Json = { message?: string; [key: string]: unknown };
const json = async (res: Response) => (await res.json()) as Json;
const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(url, { method, headers: { Accept: 'application/json', ...headers }, redirect: 'manual' });

for (const kind of testStoreKinds()) {
  describe(`the server over HTTP (${kind})`, () => {
    let s: TestServer;
    let aliceToken: string;
    beforeAll(async () => {
      // Behind a (loopback) proxy, so that each test can speak from its own client address.
      s = await startTestServer(kind, { ALMANAC_TRUST_PROXY: 'loopback' });
      const admin = s.running.services.admin;
      await addUser(admin, { login: 'alice', password: 'alice-password', fullName: 'Alice' });
      await addUser(admin, { login: 'bob', password: 'bob-password' });
      const alice = (await admin.repos.users.getByLogin('alice'))!;
      aliceToken = (await createAppToken({ tokens: admin.repos.tokens, clock: admin.clock }, { actor: alice, forUser: alice, scopes: ['calendar'] })).text;
    });
    afterAll(async () => { await s.cleanup(); });

    it('creates the first administrator with the configured password', async () => {
      expect(s.running.initialAdmin).toEqual({ login: 'admin', password: 'admin-password', generated: false });
      expect((await get(`${s.url}/admin/`, { Authorization: basic('admin', 'admin-password') })).status).toBe(200);
    });

    it('serves the OpenAPI document without authentication', async () => {
      const res = await fetch(`${s.url}/openapi.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/{login}/timesheet/');
    });

    it('answers an unauthenticated request with 401, the Basic challenge, X-WebDAV-Status and a JSON body', async () => {
      const res = await get(`${s.url}/alice/`, { Accept: 'application/json' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Almanac"');
      expect(res.headers.get('x-webdav-status')).toBe('401 Unauthorized');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: 401, message: 'authentication required' });
    });

    it('rejects a wrong password and a malformed header with 401 JSON', async () => {
      const wrong = await get(`${s.url}/alice/`, { Authorization: basic('alice', 'nope-nope'), 'X-Forwarded-For': '198.51.100.1' });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: 401, message: 'invalid login or password' });
      const malformed = await get(`${s.url}/alice/`, { Authorization: 'Basic %%%' });
      expect(malformed.status).toBe(401);
      expect((await json(malformed)).message).toBe('malformed Basic credentials');
      expect((await get(`${s.url}/alice/`, { Authorization: 'Digest x' })).status).toBe(401);
    });

    it('lists the user’s own collections as JSON', async () => {
      const res = await get(`${s.url}/alice/`, { Authorization: basic('alice', 'alice-password'), Accept: 'application/json' });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-webdav-status')).toBe('200 OK');
      expect(await res.json()).toEqual({ responses: {
        '/alice/addressbook/': null, '/alice/calendar/': null, '/alice/infolog/': null,
        '/alice/timesheet/': null, '/alice/inbox/': null, '/alice/outbox/': null,
      } });
    });

    it('pretty-prints for Accept: application/pretty+json', async () => {
      const res = await get(`${s.url}/alice/`, { Authorization: basic('alice', 'alice-password'), Accept: 'application/pretty+json' });
      expect(await res.text()).toContain('\n  "responses": {\n');
    });

    it('shows another user’s collections only once something is granted, and only that app', async () => {
      const bobAuth = { Authorization: basic('bob', 'bob-password') };
      expect((await get(`${s.url}/nobody/`, bobAuth)).status).toBe(404);
      expect(await (await get(`${s.url}/alice/`, bobAuth)).json()).toEqual({ responses: {} });
      const refused = await get(`${s.url}/alice/timesheet/`, bobAuth);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: 403, code: 'access/no-read' });
      await setGrant(s.running.services.admin, 'alice', 'bob', 'timesheet', Right.READ);
      expect(await (await get(`${s.url}/alice/`, bobAuth)).json()).toEqual({ responses: { '/alice/timesheet/': null } });
      expect(await (await get(`${s.url}/alice/timesheet/`, bobAuth)).json()).toEqual({ responses: {} });
    });

    it('accepts an app token as Bearer and in the Basic password, within its apps only', async () => {
      // The token reaches the calendar app (whose REST API answers 501 until it lands), not others.
      const bearer = await get(`${s.url}/alice/calendar/`, { Authorization: `Bearer ${aliceToken}` });
      expect(bearer.status).not.toBe(401);
      expect(bearer.status).not.toBe(403);
      expect((await get(`${s.url}/alice/calendar/`, { Authorization: basic('alice', aliceToken) })).status).not.toBe(403);
      const outside = await get(`${s.url}/alice/timesheet/`, { Authorization: `Bearer ${aliceToken}` });
      expect(outside.status).toBe(403);
      expect(await outside.json()).toMatchObject({ error: 403, code: 'auth/token-scope', message: 'this app token is not valid for timesheet' });
      const home = await get(`${s.url}/alice/`, { Authorization: `Bearer ${aliceToken}` });
      expect(await home.json()).toEqual({ responses: { '/alice/calendar/': null, '/alice/inbox/': null, '/alice/outbox/': null } });
    });

    it('rejects expired and revoked tokens with 401 JSON', async () => {
      const { repos, clock } = s.running.services.admin;
      const alice = (await repos.users.getByLogin('alice'))!;
      const soon = await createAppToken({ tokens: repos.tokens, clock }, { actor: alice, forUser: alice, scopes: ['dav'], expiresAt: new Date(Date.now() + 3000) });
      expect((await get(`${s.url}/alice/`, { Authorization: `Bearer ${soon.text}` })).status).toBe(200);
      // Wait out the expiry from whenever the first request returned (a loaded machine may be slow).
      await new Promise((r) => setTimeout(r, Math.max(0, soon.token.expiresAt!.getTime() - Date.now()) + 100));
      const expired = await get(`${s.url}/alice/`, { Authorization: `Bearer ${soon.text}` });
      expect(expired.status).toBe(401);
      expect((await json(expired)).message).toBe('the app token is expired');
      const revoked = await createAppToken({ tokens: repos.tokens, clock }, { actor: alice, forUser: alice, scopes: ['dav'] });
      await repos.tokens.revoke(revoked.token.id, new Date());
      const res = await get(`${s.url}/alice/`, { Authorization: basic('alice', revoked.text) });
      expect(res.status).toBe(401);
      expect((await json(res)).message).toBe('the app token is revoked');
    });

    it('refuses a brute-forced login with 429 and Retry-After, even with the right password', async () => {
      await addUser(s.running.services.admin, { login: 'victim', password: 'victim-password' });
      const statuses: number[] = [];
      const from = { 'X-Forwarded-For': '203.0.113.9' };
      for (let i = 0; i < 10; i++) statuses.push((await get(`${s.url}/victim/`, { ...from, Authorization: basic('victim', `guess-${i}`) })).status);
      expect(statuses).toEqual(Array(10).fill(401));
      const locked = await get(`${s.url}/victim/`, { 'X-Forwarded-For': '203.0.113.10', Authorization: basic('victim', 'victim-password') });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await locked.json()).toMatchObject({ error: 429, code: 'auth/too-many-attempts' });
      // The address that guessed is refused for any login; another address may still log in others.
      expect((await get(`${s.url}/alice/`, { ...from, Authorization: basic('alice', 'alice-password') })).status).toBe(429);
      expect((await get(`${s.url}/alice/`, { 'X-Forwarded-For': '203.0.113.11', Authorization: basic('alice', 'alice-password') })).status).toBe(200);
    });

    it('redirects /.well-known/caldav and carddav to the base path', async () => {
      for (const path of ['/.well-known/caldav', '/.well-known/carddav']) {
        const res = await get(`${s.url}${path}`, {}, 'PROPFIND');
        expect(res.status).toBe(301);
        expect(res.headers.get('location')).toBe('/');
      }
    });

    it('answers OPTIONS without authentication and unknown methods with 405 and Allow', async () => {
      const options = await get(`${s.url}/alice/`, {}, 'OPTIONS');
      expect(options.status).toBe(200);
      expect(options.headers.get('allow')).toContain('GET');
      const del = await get(`${s.url}/alice/`, { Authorization: basic('alice', 'alice-password') }, 'MOVE');
      expect(del.status).toBe(405);
      expect(del.headers.get('allow')).toContain('GET');
      expect(await del.json()).toMatchObject({ error: 405 });
    });

    it('refuses a body over the limit with 413 before reading it', async () => {
      const res = await fetch(`${s.url}/alice/`, {
        method: 'POST', headers: { Authorization: basic('alice', 'alice-password'), 'Content-Type': 'application/json' },
        body: 'x'.repeat(11 * 1024 * 1024),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: 413 });
    });

    it('logs one structured line per request, without credentials', async () => {
      await get(`${s.url}/alice/?token=secret`, { Authorization: basic('alice', 'alice-password') });
      const line = s.logger.entries.filter((e) => e.msg === 'request').at(-1)!;
      expect(line.fields).toMatchObject({ method: 'GET', path: '/alice/', status: 200, user: 'alice' });
      expect(JSON.stringify(s.logger.entries)).not.toContain('alice-password');
    });
  });
}

describe('the server under a base path, behind a proxy', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite', { ALMANAC_BASE_PATH: '/egroupware/groupdav.php/', ALMANAC_PUBLIC_URL: 'https://dav.example.org/' });
  });
  afterAll(async () => { await s.cleanup(); });

  it('serves the tree below the base and redirects discovery there with absolute URLs', async () => {
    const home = await get(`${s.url}/egroupware/groupdav.php/admin/`, { Authorization: basic('admin', 'admin-password') });
    expect(home.status).toBe(200);
    expect((await get(`${s.url}/admin/`, { Authorization: basic('admin', 'admin-password') })).status).toBe(404);
    const wk = await get(`${s.url}/.well-known/carddav`);
    expect(wk.headers.get('location')).toBe('https://dav.example.org/egroupware/groupdav.php/');
    const bare = await get(`${s.url}/egroupware/groupdav.php`);
    expect(bare.status).toBe(301);
  });
});

describe('restarting on the embedded store', () => {
  it('keeps accounts and tokens', async () => {
    let s = await startTestServer('pglite');
    const { repos, clock } = s.running.services.admin;
    await addUser(s.running.services.admin, { login: 'carol', password: 'carol-password' });
    const carol = (await repos.users.getByLogin('carol'))!;
    const { text } = await createAppToken({ tokens: repos.tokens, clock }, { actor: carol, forUser: carol, scopes: ['dav'] });
    s = await s.restart();
    try {
      expect(s.running.initialAdmin).toBeUndefined();
      expect((await get(`${s.url}/carol/`, { Authorization: basic('carol', 'carol-password') })).status).toBe(200);
      expect((await get(`${s.url}/carol/`, { Authorization: `Bearer ${text}` })).status).toBe(200);
    } finally {
      await s.cleanup();
    }
  });
});
