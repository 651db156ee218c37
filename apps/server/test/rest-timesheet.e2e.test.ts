import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser, setGrant } from '@almanac/accounts';
import { parseRights } from '@almanac/domain-kernel';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { runAdminCommand } from '../src/cli/admin-commands.js';
import { type Client, client, startTestServer, type TestServer } from './support.js';

const entry = (over: Record<string, unknown> = {}) => ({ '@type': 'timesheet', title: 'W', start: '2024-02-06T10:00:00Z', duration: 'PT1H30M', ...over });

for (const kind of testStoreKinds()) {
  describe(`timesheets over REST (${kind})`, () => {
    let s: TestServer;
    let ralf: Client;
    let other: Client;
    let ralfId: number;
    const admin = (...argv: string[]) => runAdminCommand(argv, s.running.services);
    beforeAll(async () => {
      s = await startTestServer(kind);
      ralfId = (await addUser(s.running.services.admin, { login: 'ralf', password: 'ralf-secret', email: 'ralf@example.org', fullName: 'Ralf Becker' })).user.id;
      await addUser(s.running.services.admin, { login: 'other', password: 'other-secret' });
      ralf = client(s.url, 'ralf', 'ralf-secret');
      other = client(s.url, 'other', 'other-secret');
      expect((await admin('timesheet', 'status', 'add', 'genehmigt')).exitCode).toBe(0);
      expect((await admin('customfield', 'add', 'timesheet', 'auswahl', '--type', 'select', '--label', 'Auswählen', '--values', '3=Three,2=Two,1=One')).exitCode).toBe(0);
    });
    afterAll(async () => { await s.cleanup(); });

    it('creates with Prefer: return=representation (behaviour §8 check 15)', async () => {
      const res = await ralf.post('/ralf/timesheet/', entry(), { Prefer: 'return=representation' });
      expect(res.status).toBe(201);
      const id = /^\/ralf\/timesheet\/(\d+)$/.exec(res.headers.get('location')!)![1];
      expect(res.headers.get('etag')).toBe(`"${id}:1"`);
      expect(res.headers.get('content-location')).toBe(`${s.url}/ralf/timesheet/${id}`);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ '@type': 'timesheet', id: Number(id), title: 'W', duration: 90, quantity: 1.5, owner: 'ralf@example.org', etag: `${id}:1` });
      const bad = await ralf.patch(`/ralf/timesheet/${id}`, { status: 'no such label' });
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ error: 422, message: expect.stringContaining('status'), details: [{ path: '/status', message: 'unknown status; allowed: genehmigt' }] });
      // The rest of check 15: link the timesheet to a contact, list the links, remove the link.
      const n = (await ralf.post('/ralf/addressbook/', { fullName: 'Linked Contact' })).headers.get('location')!.split('/').pop();
      const linked = await ralf.post(`/timesheet/${id}/links/`, { toApp: 'addressbook', toId: Number(n) });
      expect(linked.status).toBe(201);
      const l = /\/links\/(\d+)$/.exec(linked.headers.get('location')!)![1];
      const links = await ralf.get(`/timesheet/${id}/links/`);
      expect(links.body).toEqual({ responses: { [`/timesheet/${id}/links/${l}`]: expect.objectContaining({
        '@type': 'Link', 'egroupware.org-app': 'addressbook', 'egroupware.org-id': n, title: 'Linked Contact',
      }) } });
      expect((await ralf.delete(`/timesheet/${id}/links/${l}`)).status).toBe(204);
    });

    it('answers 201 with Location and ETag but no body without Prefer, and GET returns the same ETag', async () => {
      const res = await ralf.post('/ralf/timesheet/', entry({ title: 'plain' }));
      expect(res.status).toBe(201);
      expect(res.text).toBe('');
      const got = await ralf.get(res.headers.get('location')!);
      expect(got.status).toBe(200);
      expect(got.headers.get('etag')).toBe(res.headers.get('etag'));
      expect(got.body.etag).toBe(res.headers.get('etag')!.replace(/"/g, ''));
    });

    it('lists with props[] as bare values or objects (seed: timesheet ETags and displaynames)', async () => {
      const listed = await ralf.get('/ralf/timesheet/?props[]=getetag&props[]=displayname');
      expect(listed.status).toBe(200);
      expect(listed.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const values = Object.values(listed.body.responses) as { getetag: string; displayname: string }[];
      expect(values.length).toBeGreaterThanOrEqual(2);
      for (const v of values) expect(v).toEqual({ getetag: expect.stringMatching(/^"\d+:\d+"$/), displayname: expect.any(String) });
      const bare = await ralf.get('/ralf/timesheet/?props[]=displayname');
      expect(Object.values(bare.body.responses)).toEqual(expect.arrayContaining(['W', 'plain']));
      const full = await ralf.get('/ralf/timesheet/', { Accept: 'application/pretty+json' });
      expect(full.text).toContain('\n  "responses": {\n');
      expect(Object.keys(full.body.responses).every((k) => /^\/ralf\/timesheet\/\d+$/.test(k))).toBe(true);
    });

    it('pages an initial sync with nresults, without gaps or repeats, ending without more-results', async () => {
      for (let i = 0; i < 3; i++) await ralf.post('/ralf/timesheet/', entry({ title: `sync ${i}` }));
      const all = Object.keys((await ralf.get('/ralf/timesheet/')).body.responses);
      const seen: string[] = [];
      let token = '';
      for (let page = 0; page < 20; page++) {
        const res = await ralf.get(`/timesheet/?sync-token=${encodeURIComponent(token)}&nresults=2&props[]=displayname`);
        expect(res.status).toBe(200);
        expect(Object.keys(res.body)).toEqual(res.body['more-results'] ? ['responses', 'more-results', 'sync-token'] : ['responses', 'sync-token']);
        expect(res.body['sync-token']).toMatch(new RegExp(`^${s.url}/timesheet/\\d+$`));
        expect(Object.keys(res.body.responses).length).toBeLessThanOrEqual(2);
        seen.push(...Object.keys(res.body.responses));
        token = res.body['sync-token'];
        if (!res.body['more-results']) break;
      }
      expect(seen.map((k) => k.split('/').pop()).sort()).toEqual(all.map((k) => k.split('/').pop()).sort());
      expect(new Set(seen).size).toBe(seen.length);
      const again = await ralf.get(`/timesheet/?sync-token=${encodeURIComponent(token)}`);
      expect(again.body).toEqual({ responses: {}, 'sync-token': token });
    });

    it('reports a deletion as null in the next sync, then 404 (check 6)', async () => {
      const id = (await ralf.post('/ralf/timesheet/', entry({ title: 'doomed' }))).headers.get('location')!.split('/').pop();
      const token = (await ralf.get('/ralf/timesheet/?sync-token=')).body['sync-token'];
      expect((await ralf.delete(`/ralf/timesheet/${id}`)).status).toBe(204);
      const sync = await ralf.get(`/ralf/timesheet/?sync-token=${encodeURIComponent(token)}`);
      expect(sync.body.responses).toEqual({ [`/ralf/timesheet/${id}`]: null });
      expect((await ralf.get(`/ralf/timesheet/${id}`)).status).toBe(404);
      expect((await ralf.delete(`/ralf/timesheet/${id}`)).status).toBe(404);
    });

    it('refuses malformed, foreign and future sync tokens with 403 valid-sync-token', async () => {
      for (const token of ['garbage', `${s.url}/other/timesheet/1`, `${s.url}/ralf/timesheet/999999`]) {
        const res = await ralf.get(`/ralf/timesheet/?sync-token=${encodeURIComponent(token)}`);
        expect([token, res.status]).toEqual([token, 403]);
        expect(res.body).toMatchObject({ error: 403, code: 'sync/valid-sync-token', message: expect.stringContaining('valid-sync-token') });
      }
    });

    it('replaces with PUT, honours If-Match and If-None-Match, and answers 304 to a matching GET', async () => {
      const created = await ralf.post('/ralf/timesheet/', entry({ title: 'cond' }));
      const path = created.headers.get('location')!;
      const etag = created.headers.get('etag')!;
      expect((await ralf.get(path, { 'If-None-Match': etag })).status).toBe(304);
      expect((await ralf.put(path, entry({ title: 'x' }), { 'If-Match': '"stale"' })).status).toBe(412);
      expect((await ralf.get(path)).body.title).toBe('cond');
      const put = await ralf.put(path, entry({ title: 'cond 2', duration: 30 }), { 'If-Match': etag });
      expect(put.status).toBe(204);
      expect(put.headers.get('etag')).not.toBe(etag);
      expect(await ralf.get(path)).toMatchObject({ body: { title: 'cond 2', duration: 30, quantity: 0.5 } });
      const withBody = await ralf.put(path, entry({ title: 'cond 3' }), { Prefer: 'return=representation' });
      expect(withBody).toMatchObject({ status: 200, body: { title: 'cond 3' } });
      expect((await ralf.put(path, entry(), { 'If-None-Match': '*' })).status).toBe(412);
      expect((await ralf.put('/ralf/timesheet/999999', entry(), { 'If-Match': '*' })).status).toBe(412);
      const stale = await ralf.put(path, entry(), { 'If-Match': etag, Prefer: 'return=representation' });
      expect(stale).toMatchObject({ status: 412, body: { title: 'cond 3' } });
    });

    it('creates by PUT to an unknown segment (201) and updates by the same PUT (204)', async () => {
      const first = await ralf.put('/ralf/timesheet/my-own-id-000001', entry({ title: 'upsert' }));
      expect(first.status).toBe(201);
      expect(first.headers.get('location')).toMatch(/^\/ralf\/timesheet\/\d+$/);
      const second = await ralf.put('/ralf/timesheet/my-own-id-000001', entry({ title: 'upsert 2' }));
      expect(second.status).toBe(204);
      expect((await ralf.get(first.headers.get('location')!)).body.title).toBe('upsert 2');
    });

    it('patches with path keys and null (check 7), and 404 for a missing entry', async () => {
      const path = (await ralf.post('/ralf/timesheet/', entry({ description: 'd', project: 'p' }))).headers.get('location')!;
      const res = await ralf.patch(path, { title: 'patched', project: null, 'egroupware.org:customfields/auswahl': '2' });
      expect(res.status).toBe(204);
      const got = (await ralf.get(path)).body;
      expect(got).toMatchObject({ title: 'patched', description: 'd', 'egroupware.org:customfields': { auswahl: { value: ['2'], type: 'select' } } });
      expect(got.project).toBeUndefined();
      expect((await ralf.patch('/ralf/timesheet/999999', { title: 'x' })).status).toBe(404);
    });

    it('filters listings by search, custom field and status, and refuses unknown filters', async () => {
      await ralf.post('/ralf/timesheet/', entry({ title: 'Needle in haystack', status: 'genehmigt', 'egroupware.org:customfields': { auswahl: '3' } }));
      const titles = async (q: string) => Object.values((await ralf.get(`/ralf/timesheet/?props[]=displayname&${q}`)).body.responses);
      expect(await titles('filters[search]=needle')).toEqual(['Needle in haystack']);
      expect(await titles('filters[search][%23auswahl]=3')).toEqual(['Needle in haystack']);
      expect(await titles('filters[status]=genehmigt')).toEqual(['Needle in haystack']);
      expect(await titles('filters[0]=ignored&filters[search]=needle')).toEqual(['Needle in haystack']);
      const bad = await ralf.get('/ralf/timesheet/?filters[ts_owner]=5');
      expect(bad.status).toBe(422);
      expect(bad.body.message).toMatch(/unknown filter/);
    });

    it('answers invalid JSON with 422 "Error parsing JSON" (check 12) and validation errors with pointers', async () => {
      const broken = await ralf.post('/ralf/timesheet/', '{"title":"x","start":');
      expect(broken.status).toBe(422);
      expect(broken.headers.get('content-type')).toMatch(/^application\/json/);
      expect(broken.body).toMatchObject({ error: 422, message: expect.stringMatching(/^Error parsing JSON/) });
      const missing = await ralf.post('/ralf/timesheet/', { title: 'no start' });
      expect(missing.status).toBe(422);
      expect(missing.body.details.map((d: { path: string }) => d.path)).toEqual(['/start', '/duration']);
    });

    it('serves HEAD without a body', async () => {
      const path = (await ralf.post('/ralf/timesheet/', entry())).headers.get('location')!;
      const head = await ralf.head(path);
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
      expect(head.headers.get('etag')).toMatch(/^"\d+:1"$/);
    });

    it('keeps another user out without a grant, and lets each right grant only itself', async () => {
      const path = (await ralf.post('/ralf/timesheet/', entry({ title: 'secret' }))).headers.get('location')!;
      const probe = async () => ({
        list: (await other.get('/ralf/timesheet/')).status,
        sync: (await other.get('/ralf/timesheet/?sync-token=')).status,
        read: (await other.get(path)).status,
        post: (await other.post('/ralf/timesheet/', entry())).status,
        put: (await other.put(path, entry({ title: 'hacked' }))).status,
        patch: (await other.patch(path, { title: 'hacked' })).status,
      });
      expect(await probe()).toEqual({ list: 403, sync: 403, read: 404, post: 403, put: 404, patch: 404 });
      expect((await other.delete(path)).status).toBe(404);
      await setGrant(s.running.services.admin, 'ralf', 'other', 'timesheet', parseRights(['read']));
      expect(await probe()).toEqual({ list: 200, sync: 200, read: 200, post: 403, put: 403, patch: 403 });
      expect((await other.delete(path)).status).toBe(403);
      await setGrant(s.running.services.admin, 'ralf', 'other', 'timesheet', parseRights(['add']));
      expect(await probe()).toMatchObject({ list: 403, read: 404, post: 201 });
      await setGrant(s.running.services.admin, 'ralf', 'other', 'timesheet', parseRights(['read', 'edit']));
      expect(await probe()).toMatchObject({ put: 204, patch: 204, post: 403 });
      expect((await other.delete(path)).status).toBe(403);
      await setGrant(s.running.services.admin, 'ralf', 'other', 'timesheet', parseRights(['read', 'delete']));
      expect((await other.delete(path)).status).toBe(204);
      expect((await ralf.get(path)).status).toBe(404);
      // The owner stays the collection's owner whoever writes, and the writer is the modifier.
      const byOther = await ralf.get('/ralf/timesheet/?props[]=data');
      expect(Object.values(byOther.body.responses).some((t: any) => t.owner === 'ralf@example.org' && t.modifier === 'other')).toBe(true);
      expect(ralfId).toBeGreaterThan(0);
    });

    it('links entries and attaches files in the links sub-collection (behaviour §3.13)', async () => {
      const t = (await ralf.post('/ralf/timesheet/', entry({ title: 'linking' }))).headers.get('location')!.split('/').pop();
      const n = (await ralf.post('/ralf/timesheet/', entry({ title: 'target' }))).headers.get('location')!.split('/').pop();
      const created = await ralf.post(`/timesheet/${t}/links/`, { toApp: 'timesheet', toId: Number(n), remark: 'see' });
      expect(created.status).toBe(201);
      const l = /\/timesheet\/\d+\/links\/(\d+)$/.exec(created.headers.get('location')!)![1];
      const listed = await ralf.get(`/timesheet/${t}/links/`);
      expect(listed.body).toEqual({ responses: { [`/timesheet/${t}/links/${l}`]: {
        '@type': 'Link', href: `${s.url}/ralf/timesheet/${n}`, contentType: 'application/json', title: 'target',
        'egroupware.org-app': 'timesheet', 'egroupware.org-id': n, 'egroupware.org-remark': 'see',
      } } });
      // Entry links are symmetric.
      expect(Object.keys((await ralf.get(`/ralf/timesheet/${n}/links/`)).body.responses)).toEqual([`/ralf/timesheet/${n}/links/${l}`]);
      const file = await fetch(`${s.url}/timesheet/${t}/links/report%20%C3%BC.pdf`, {
        method: 'POST', body: new Uint8Array([37, 80, 68, 70, 0, 255]),
        headers: { Authorization: `Basic ${Buffer.from('ralf:ralf-secret').toString('base64')}`, 'Content-Type': 'application/pdf' },
      });
      expect(file.status).toBe(201);
      const fileUrl = file.headers.get('location')!;
      const download = await fetch(fileUrl, { headers: { Authorization: `Basic ${Buffer.from('ralf:ralf-secret').toString('base64')}` } });
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect([...new Uint8Array(await download.arrayBuffer())]).toEqual([37, 80, 68, 70, 0, 255]);
      const withFile = (await ralf.get(`/timesheet/${t}/links/`)).body.responses;
      expect(Object.values(withFile)[0]).toMatchObject({ '@type': 'Link', contentType: 'application/pdf', title: 'report ü.pdf', size: 6 });
      expect((await ralf.post(`/timesheet/${t}/links/`, { toApp: 'timesheet', toId: 999999 })).status).toBe(422);
      expect((await ralf.post(`/timesheet/${t}/links/`, { remark: 'no target' })).status).toBe(422);
      await addUser(s.running.services.admin, { login: 'stranger', password: 'stranger-secret' });
      const stranger = client(s.url, 'stranger', 'stranger-secret');
      expect((await stranger.get(`/timesheet/${t}/links/`)).status).toBe(404);
      expect((await stranger.post(`/timesheet/${t}/links/`, { toApp: 'timesheet', toId: Number(n) })).status).toBe(404);
      expect((await ralf.delete(`/timesheet/${t}/links/${l}`)).status).toBe(204);
      expect((await ralf.delete(`/timesheet/${t}/links/${l}`)).status).toBe(404);
      expect(Object.keys((await ralf.get(`/timesheet/${t}/links/`)).body.responses)).toHaveLength(1);
    });

    it('lets a concurrent syncing reader end with exactly the server’s state', async () => {
      await addUser(s.running.services.admin, { login: 'busy', password: 'busy-secret' });
      const busy = client(s.url, 'busy', 'busy-secret');
      let writing = true;
      const writer = async (w: number) => {
        const mine: string[] = [];
        for (let i = 0; i < 10; i++) {
          if (i % 4 === 3 && mine.length) expect((await busy.delete(mine.shift()!)).status).toBe(204);
          else if (i % 4 === 2 && mine.length) expect((await busy.patch(mine[0]!, { title: `w${w} e${i}` })).status).toBe(204);
          else mine.push((await busy.post('/busy/timesheet/', entry({ title: `w${w} i${i}` }))).headers.get('location')!);
        }
      };
      const reader = async () => {
        const state = new Map<string, string>();
        const delivered: string[] = [];
        let token = '';
        for (;;) {
          const last = !writing;
          const res = await busy.get(`/busy/timesheet/?sync-token=${encodeURIComponent(token)}&nresults=3&props[]=getetag`);
          expect(res.status).toBe(200);
          for (const [key, etag] of Object.entries(res.body.responses as Record<string, string | null>)) {
            delivered.push(`${key} ${etag}`);
            if (etag === null) state.delete(key); else state.set(key, etag);
          }
          token = res.body['sync-token'];
          if (last && !res.body['more-results']) return { state, delivered };
        }
      };
      const reading = reader();
      await Promise.all([0, 1, 2, 3].map(writer));
      writing = false;
      const { state, delivered } = await reading;
      const truth = (await busy.get('/busy/timesheet/?props[]=getetag')).body.responses;
      expect(Object.fromEntries(state)).toEqual(truth);
      expect(new Set(delivered).size).toBe(delivered.length);
    });
  });
}
