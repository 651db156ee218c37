import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addGroup, addGroupMember, addUser, setGrant } from '@almanac/accounts';
import { parseRights } from '@almanac/domain-kernel';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { runAdminCommand } from '../src/cli/admin-commands.js';
import { type Client, client, startTestServer, type TestServer } from './support.js';

// Seed 002 (InfoLog REST API) and behaviour §5.4 / §8 check 14, against the real server.
const TASK_TYPE = 'application/jscalendar+json;type=task;charset=utf-8';
const idOf = (location: string | null) => Number(location!.split('/').pop());

for (const kind of testStoreKinds()) {
  describe(`tasks over REST (${kind})`, () => {
    let s: TestServer;
    let ralf: Client;
    let birgit: Client;
    let other: Client;
    const ids: Record<string, number> = {};
    const admin = (...argv: string[]) => runAdminCommand(argv, s.running.services);
    const participant = (login: 'ralf' | 'birgit' | 'hadi', roles: Record<string, true>) => ({
      '@type': 'Participant', kind: 'individual', roles,
      ...{ ralf: { name: 'Ralf Becker', email: 'ralf@example.org' }, birgit: { name: 'Birgit Becker', email: 'birgit@example.org' }, hadi: { name: 'Hadi Nategh', email: 'hn@example.org' } }[login],
    });

    beforeAll(async () => {
      s = await startTestServer(kind);
      const deps = s.running.services.admin;
      ids.ralf = (await addUser(deps, { login: 'ralf', password: 'ralf-secret', email: 'ralf@example.org', fullName: 'Ralf Becker' })).user.id;
      ids.birgit = (await addUser(deps, { login: 'birgit', password: 'birgit-secret', email: 'birgit@example.org', fullName: 'Birgit Becker' })).user.id;
      ids.hadi = (await addUser(deps, { login: 'hadi', password: 'hadi-secret', email: 'hn@example.org', fullName: 'Hadi Nategh' })).user.id;
      await addUser(deps, { login: 'other', password: 'other-secret' });
      ids.sales = (await addGroup(deps, 'sales')).id;
      await addGroupMember(deps, 'sales', 'birgit');
      ralf = client(s.url, 'ralf', 'ralf-secret');
      birgit = client(s.url, 'birgit', 'birgit-secret');
      other = client(s.url, 'other', 'other-secret');
      expect((await admin('customfield', 'add', 'infolog', 'contact', '--type', 'select', '--label', 'Kontakt', '--values',
        'Internet=Internet,Presse=Presse,Zeitschrift=Zeitschrift,Empfehlung=Empfehlung,Hotel=Hotel,Unknown=Weiß nicht,With Space=With Space')).exitCode).toBe(0);
      expect((await admin('customfield', 'add', 'infolog', 'selection', '--type', 'select', '--label', 'Auswahl', '--values', '1=Hugo,2=Ralf,3=sonstwer')).exitCode).toBe(0);
    });
    afterAll(async () => { await s.cleanup(); });

    describe('the curl examples of seed 002', () => {
      it('GET a user’s infolog collection with application/pretty+json: every task as a JSCalendar Task', async () => {
        const parent = await ralf.post('/ralf/infolog/', { uid: '56f7094e-e962-904d-b74a-cf139f9eecb0', title: 'Parent' });
        expect(parent.status).toBe(201);
        const first = await ralf.post('/ralf/infolog/', {
          uid: 'infolog-1085-8623c4830472a8ede9f9f8b30d435ea4', title: 'Re: Test creat(ed|or)', start: '2020-08-08T00:00:00', timeZone: 'Europe/Berlin',
          description: 'kkk', progress: 'in-progress', priority: 9, privacy: 'public', percentComplete: 10, 'egroupware.org:type': 'task',
          relatedTo: { '56f7094e-e962-904d-b74a-cf139f9eecb0': { '@type': 'Relation', relation: 'parent' } },
        });
        expect(first.status).toBe(201);
        const second = await ralf.post('/ralf/infolog/', {
          uid: 'infolog-1081-8623c4830472a8ede9f9f8b30d435ea4', title: 'Testtitle', start: '2020-08-08T00:00:00', timeZone: 'Europe/Berlin',
          description: 'This is a Test ...', progress: 'egroupware.org:offer', priority: 9, percentComplete: 10,
        });
        // Two later writes make "sequence": "2".
        for (const title of ['Testtitle', 'Testtitle']) expect((await ralf.patch(second.headers.get('location')!, { title })).status).toBe(204);

        const res = await ralf.get('/ralf/infolog/', { Accept: 'application/pretty+json' });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(res.text).toContain('\n  "responses": {\n');
        const responses = res.body.responses as Record<string, Record<string, unknown>>;
        expect(Object.keys(responses)).toEqual(expect.arrayContaining([`/ralf/infolog/${idOf(first.headers.get('location'))}`, `/ralf/infolog/${idOf(second.headers.get('location'))}`]));
        expect(responses[`/ralf/infolog/${idOf(first.headers.get('location'))}`]).toEqual({
          '@type': 'Task',
          prodId: expect.stringMatching(/InfoLog/),
          uid: 'infolog-1085-8623c4830472a8ede9f9f8b30d435ea4',
          created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          updated: expect.stringMatching(/Z$/),
          title: 'Re: Test creat(ed|or)',
          start: '2020-08-08T00:00:00',
          showWithoutTime: true,
          timeZone: 'Europe/Berlin',
          description: 'kkk',
          participants: { [ids.ralf!]: participant('ralf', { owner: true }) },
          status: 'confirmed',
          progress: 'in-progress',
          priority: 9,
          privacy: 'public',
          percentComplete: 10,
          'egroupware.org:type': 'task',
          'egroupware.org:status': 'ongoing',
          relatedTo: { '56f7094e-e962-904d-b74a-cf139f9eecb0': { '@type': 'Relation', relation: 'parent' } },
        });
        // The seed's second entry ends in `"egroupware.org:type": "task",` with a trailing comma: a
        // typo of the document, not JSON. Its owner is Birgit because the reference lists tasks
        // delegated to the user too; Almanac lists the user's own collection, so the owner is Ralf.
        expect(responses[`/ralf/infolog/${idOf(second.headers.get('location'))}`]).toMatchObject({
          '@type': 'Task', uid: 'infolog-1081-8623c4830472a8ede9f9f8b30d435ea4', sequence: '2', title: 'Testtitle', showWithoutTime: true,
          description: 'This is a Test ...', participants: { [ids.ralf!]: participant('ralf', { owner: true }) },
          status: 'tentative', progress: 'egroupware.org:offer', priority: 9, privacy: 'public', percentComplete: 10, 'egroupware.org:type': 'task',
        });
      });

      it('GET one task by /infolog/<id>, with participants and custom fields', async () => {
        const created = await ralf.post('/ralf/infolog/', {
          title: 'Test notification', start: '2018-01-31T00:00:00', timeZone: 'Europe/Berlin', description: 'Blah sdfasdfa',
          participants: { [ids.hadi!]: { email: 'hn@example.org', roles: { attendee: true } }, birgit: { email: 'birgit@example.org' } },
          priority: 9, 'egroupware.org:customfields': { contact: 'Internet', selection: ['1'] },
        });
        expect(created.status).toBe(201);
        const res = await ralf.get(`/infolog/${idOf(created.headers.get('location'))}`, { Accept: 'application/pretty+json' });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe(TASK_TYPE);
        expect(res.headers.get('etag')).toMatch(/^"\d+:0:1"$/);
        expect(res.body).toEqual({
          '@type': 'Task', prodId: expect.any(String), uid: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/), created: expect.any(String), updated: expect.any(String),
          title: 'Test notification', start: '2018-01-31T00:00:00', showWithoutTime: true, timeZone: 'Europe/Berlin', description: 'Blah sdfasdfa',
          participants: {
            [ids.ralf!]: participant('ralf', { owner: true }),
            [ids.hadi!]: participant('hadi', { attendee: true }),
            [ids.birgit!]: participant('birgit', { attendee: true }),
          },
          status: 'confirmed', progress: 'needs-action', priority: 9, privacy: 'public', 'egroupware.org:type': 'task', 'egroupware.org:status': 'not-started',
          'egroupware.org:customfields': {
            contact: {
              value: ['Internet'], type: 'select', label: 'Kontakt',
              values: { Internet: 'Internet', Presse: 'Presse', Zeitschrift: 'Zeitschrift', Empfehlung: 'Empfehlung', Hotel: 'Hotel', Unknown: 'Weiß nicht', 'With Space': 'With Space' },
            },
            selection: { value: ['1'], type: 'select', label: 'Auswahl', values: { 1: 'Hugo', 2: 'Ralf', 3: 'sonstwer' } },
          },
        });
      });

      it('POST with Prefer: return=representation creates and returns the task (201, Location, ETag)', async () => {
        const res = await ralf.post('/ralf/infolog/', {
          title: 'Test-Test for Birgit', start: '2024-05-10T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H', due: '2024-06-01T00:00:00',
          description: 'Important task, but quite short ;)', priority: 9,
          participants: [{ name: 'Birgit Becker', email: 'birgit@example.org', roles: { attendee: true } }],
        }, { Prefer: 'return=representation', Accept: 'application/pretty+json' });
        expect(res.status).toBe(201);
        expect(res.headers.get('x-webdav-status')).toBe('201 Created');
        const id = idOf(res.headers.get('location'));
        expect(res.headers.get('location')).toBe(`/ralf/infolog/${id}`);
        expect(res.headers.get('etag')).toBe(`"${id}:0:1"`);
        expect(res.headers.get('content-type')).toBe(TASK_TYPE);
        expect(res.headers.get('content-location')).toBe(`${s.url}/ralf/infolog/${id}`);
        // The seed shows "progress": "completed" for this new task and no "priority": neither
        // follows from the request (no progress was sent, priority 9 was), so both are taken as
        // slips of the document: a new task is not-started (needs-action) and keeps its priority.
        expect(res.body).toEqual({
          '@type': 'Task', prodId: expect.any(String), uid: expect.stringMatching(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
          created: expect.any(String), updated: expect.any(String), title: 'Test-Test for Birgit', start: '2024-05-10T10:00:00', timeZone: 'Europe/Berlin',
          due: '2024-06-01T00:00:00', duration: 'PT1H', description: 'Important task, but quite short ;)',
          participants: { [ids.ralf!]: participant('ralf', { owner: true }), [ids.birgit!]: participant('birgit', { attendee: true }) },
          status: 'confirmed', progress: 'needs-action', priority: 9, privacy: 'public', 'egroupware.org:type': 'task', 'egroupware.org:status': 'not-started',
        });
        ids.seedPost = id;
      });

      it('PUT with the UID updates an existing task (204) and creates one that does not exist (201)', async () => {
        const path = `/ralf/infolog/${ids.seedPost}`;
        const before = (await ralf.get(path)).body;
        // The seed's body ends in "....": an elision of the document; the members it shows are sent.
        const res = await ralf.put(path, {
          '@type': 'Task', prodId: 'EGroupware InfoLog 23.1.006', uid: before.uid, created: '2024-05-06T14:25:14Z', title: 'Test-Test for Birgit updated',
        });
        expect(res.status).toBe(204);
        expect(res.headers.get('etag')).toMatch(new RegExp(`^"${ids.seedPost}:1:2"$`));
        // Behaviour §3.5: InfoLog keeps what a PUT leaves out.
        const after = (await ralf.get(path)).body;
        expect(after).toEqual({ ...before, title: 'Test-Test for Birgit updated', sequence: '1', updated: expect.any(String) });
        // "New tast:" (sic) — a PUT to a URL naming no task creates it. The seed shows a full URL in
        // Location; Almanac sends the absolute path, as the reference does for POST (behaviour §3.4).
        const created = await ralf.put('/ralf/infolog/3933d565-187f-4bad-a44e-82588ef64c88', { title: 'New task' });
        expect(created.status).toBe(201);
        expect(created.headers.get('location')).toMatch(/^\/ralf\/infolog\/\d+$/);
        expect((await ralf.get(created.headers.get('location')!)).body).toMatchObject({ uid: 'urn:uuid:3933d565-187f-4bad-a44e-82588ef64c88', title: 'New task' });
        expect((await ralf.put('/ralf/infolog/3933d565-187f-4bad-a44e-82588ef64c88', { title: 'New task 2' })).status).toBe(204);
      });

      it('PATCH changes only the attributes given (the seed’s "204 No content")', async () => {
        const path = `/ralf/infolog/${ids.seedPost}`;
        const res = await ralf.patch(path, { title: 'New title' });
        expect(res.status).toBe(204);
        const got = (await ralf.get(path)).body;
        expect(got).toMatchObject({ title: 'New title', description: 'Important task, but quite short ;)', due: '2024-06-01T00:00:00' });
      });

      it('DELETE with Accept: application/json removes the task (204), then 404', async () => {
        const path = (await ralf.post('/ralf/infolog/', { title: 'doomed' })).headers.get('location')!;
        const res = await ralf.delete(path, { Accept: 'application/json' });
        expect(res.status).toBe(204);
        expect((await ralf.get(path)).status).toBe(404);
        expect((await ralf.delete(path)).status).toBe(404);
      });
    });

    describe('behaviour §8 check 14', () => {
      it('maps progress, status, percentComplete and the owner; unknown progress is not-started; an unknown type is 422', async () => {
        const res = await ralf.post('/ralf/infolog/', {
          title: 'Task', start: '2024-05-10T10:00:00', timeZone: 'Europe/Berlin', due: '2024-06-01T00:00:00',
          progress: 'in-progress', percentComplete: 10, 'egroupware.org:type': 'task',
        });
        expect(res.status).toBe(201);
        const id = idOf(res.headers.get('location'));
        expect(res.headers.get('etag')).toMatch(new RegExp(`^"${id}:\\d+:\\d+"$`));
        const got = await ralf.get(`/ralf/infolog/${id}`, { Accept: 'application/jscalendar+json;type=task' });
        expect(got.status).toBe(200);
        expect(got.headers.get('content-type')).toBe(TASK_TYPE);
        expect(got.body).toMatchObject({
          '@type': 'Task', progress: 'in-progress', 'egroupware.org:status': 'ongoing', status: 'confirmed', percentComplete: 10,
          participants: { [ids.ralf!]: { roles: { owner: true } } },
        });
        expect((await ralf.patch(`/ralf/infolog/${id}`, { progress: 'egroupware.org:bogus' })).status).toBe(204);
        expect((await ralf.get(`/ralf/infolog/${id}`)).body).toMatchObject({ progress: 'needs-action', 'egroupware.org:status': 'not-started' });
        const bogus = await ralf.post('/ralf/infolog/', { title: 'x', progress: 'egroupware.org:bogus' }, { Prefer: 'return=representation' });
        expect(bogus.body).toMatchObject({ progress: 'needs-action', 'egroupware.org:status': 'not-started' });
        const nope = await ralf.post('/ralf/infolog/', { title: 'x', 'egroupware.org:type': 'nope' });
        expect(nope.status).toBe(422);
        expect(nope.body).toMatchObject({
          error: 422, message: expect.stringContaining('egroupware.org:type'),
          details: [{ path: '/egroupware.org:type', message: 'invalid InfoLog type "nope"; allowed: task, phone, note, email' }],
        });
      });
    });

    describe('the rules of behaviour §5.4', () => {
      const post = (body: Record<string, unknown>, headers?: Record<string, string>) => ralf.post('/ralf/infolog/', body, { Prefer: 'return=representation', ...headers });

      it('validates egroupware.org:status per type and refuses bad percentComplete, priority and more than one category', async () => {
        expect((await post({ 'egroupware.org:type': 'phone', 'egroupware.org:status': 'billed' })).body).toMatchObject({ progress: 'egroupware.org:billed' });
        const bad = await post({ 'egroupware.org:type': 'note', 'egroupware.org:status': 'offer' });
        expect(bad.status).toBe(422);
        expect(bad.body.details).toEqual([{ path: '/egroupware.org:status', message: "invalid status \"offer\" for type 'note'; allowed: ongoing, done" }]);
        for (const [body, path] of [[{ percentComplete: 10.5 }, '/percentComplete'], [{ percentComplete: 101 }, '/percentComplete'], [{ priority: 10 }, '/priority'],
          [{ categories: { A: true, B: true } }, '/categories']] as const) {
          const res = await post({ title: 'x', ...body });
          expect([path, res.status]).toEqual([path, 422]);
          expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
        }
        expect((await post({ categories: { Work: true } })).body.categories).toEqual({ Work: true });
      });

      it('maps priorities both ways: 7–9 low, 4–6 and 0 normal, 2–3 high, 1 urgent', async () => {
        const shown = async (priority: number) => (await post({ priority })).body.priority;
        expect(await Promise.all([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(shown))).toEqual([5, 1, 3, 3, 5, 5, 5, 9, 9, 9]);
        expect((await post({})).body.priority).toBe(5);
      });

      it('keeps responsible users and groups keyed by account id, and CC’d emails keyed by email', async () => {
        const res = await post({ participants: {
          a: { email: 'BIRGIT@example.org' }, [ids.sales!]: { kind: 'group', roles: { attendee: true } },
          c: { name: 'Jane Doe', email: 'jane@example.com', roles: { informational: true } },
        } });
        expect(res.status).toBe(201);
        expect(res.body.participants).toEqual({
          [ids.ralf!]: participant('ralf', { owner: true }),
          [ids.birgit!]: participant('birgit', { attendee: true }),
          [ids.sales!]: { '@type': 'Participant', name: 'sales', kind: 'group', roles: { attendee: true } },
          'jane@example.com': { '@type': 'Participant', name: 'Jane Doe', email: 'jane@example.com', kind: 'individual', roles: { informational: true } },
        });
        // The body of a GET can be PUT back unchanged.
        const path = res.headers.get('location')!;
        expect((await ralf.put(path, res.body)).status).toBe(204);
        expect((await ralf.get(path)).body.participants).toEqual(res.body.participants);
        const invalid = await post({ participants: { x: { name: 'No address' } } });
        expect(invalid.status).toBe(422);
        expect(invalid.body.details).toEqual([{ path: '/participants/x', message: 'needs an account id or an email address' }]);
      });

      it('needs an existing parent, refuses cycles, and removes the parent with null', async () => {
        const parent = (await post({ uid: 'parent-task-000000001', title: 'P' })).headers.get('location')!;
        const child = await post({ uid: 'child-task-0000000001', relatedTo: { 'parent-task-000000001': { '@type': 'Relation', relation: 'parent' } } });
        expect(child.body.relatedTo).toEqual({ 'parent-task-000000001': { '@type': 'Relation', relation: 'parent' } });
        const missing = await post({ relatedTo: { 'no-such-task-0000001': { relation: 'parent' } } });
        expect(missing.status).toBe(422);
        expect(missing.body.details).toEqual([{ path: '/relatedTo/no-such-task-0000001', message: "there is no task with UID 'no-such-task-0000001'" }]);
        const cycle = await ralf.patch(parent, { relatedTo: { 'child-task-0000000001': { '@type': 'Relation', relation: 'parent' } } });
        expect(cycle.status).toBe(422);
        const childPath = child.headers.get('location')!;
        expect((await ralf.put(childPath, { title: 'still a child' })).status).toBe(204);
        expect((await ralf.get(childPath)).body.relatedTo).toBeDefined();
        expect((await ralf.put(childPath, { relatedTo: null })).status).toBe(204);
        expect((await ralf.get(childPath)).body.relatedTo).toBeUndefined();
      });

      it('keeps completion date, price, time spent and members it does not model; ignores read-only ones', async () => {
        const res = await post({
          'egroupware.org:completed': '2024-06-01T12:00:00', 'egroupware.org:price': 12.5, duration: 'PT1H30M', estimatedDuration: 'PT2H',
          'egroupware.org:pricelist': 3, status: 'cancelled', sequence: '7', 'example.com:custom': { kept: true },
        });
        expect(res.body).toMatchObject({
          'egroupware.org:completed': '2024-06-01T12:00:00', 'egroupware.org:price': 12.5, duration: 'PT1H30M', estimatedDuration: 'PT2H',
          'example.com:custom': { kept: true }, status: 'confirmed',
        });
        expect(res.body['egroupware.org:pricelist']).toBeUndefined();
        expect(res.body.sequence).toBeUndefined();
      });

      it('answers the rfc profile with RFC 8984 shapes and echoes it on the Content-Type', async () => {
        const path = (await post({ title: 'rfc', progress: 'in-progress', categories: { Work: true } })).headers.get('location')!;
        await ralf.patch(path, { title: 'rfc 2' });
        const res = await ralf.get(path, { Accept: 'application/json;profile=rfc' });
        expect(res.headers.get('content-type')).toBe('application/jscalendar+json;type=task;profile=rfc;charset=utf-8');
        expect(res.body).toMatchObject({ '@type': 'Task', progress: 'in-process', sequence: 1, keywords: { Work: true } });
        expect(res.body.uid).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.body.status).toBeUndefined();
        expect(res.body.categories).toBeUndefined();
        // Either profile is read back.
        expect((await ralf.put(path, res.body)).status).toBe(204);
        expect((await ralf.get(path)).body).toMatchObject({ title: 'rfc 2', progress: 'in-progress', categories: { Work: true } });
      });

      it('holds application/jscalendar+json bodies to RFC 8984, with JSON pointers', async () => {
        const strict = { 'Content-Type': 'application/jscalendar+json' };
        const ok = await ralf.post('/ralf/infolog/', { '@type': 'Task', uid: 'strict-task-00000001', title: 'strict' }, strict);
        expect(ok.status).toBe(201);
        const noUid = await ralf.post('/ralf/infolog/', { '@type': 'Task', title: 'x' }, strict);
        expect(noUid.status).toBe(422);
        expect(noUid.body.details).toEqual([{ path: '/uid', message: expect.stringContaining('required') }]);
        const bad = await ralf.post('/ralf/infolog/', { '@type': 'Task', uid: 'strict-task-00000002', title: 5, participants: { 1: { '@type': 'Person' } } }, strict);
        expect(bad.status).toBe(422);
        const paths = bad.body.details.map((d: { path: string }) => d.path);
        expect(paths).toContain('/title');
        expect(paths.some((p: string) => p.startsWith('/participants/1'))).toBe(true);
        const patch = await ralf.patch(ok.headers.get('location')!, { 'nonexistent/child': 'x' }, strict);
        expect(patch.status).toBe(422);
      });

      it('answers invalid JSON with 422 "Error parsing JSON"', async () => {
        const res = await ralf.post('/ralf/infolog/', '{"title":"x","start":');
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ error: 422, message: expect.stringMatching(/^Error parsing JSON/) });
      });
    });

    describe('listings', () => {
      it('filters by search, custom field, InfoLog columns and time range, and refuses unknown columns', async () => {
        const mk = (body: Record<string, unknown>) => birgit.post('/birgit/infolog/', body);
        await mk({ title: 'Needle phone', 'egroupware.org:type': 'phone', start: '2030-01-10T10:00:00', timeZone: 'Europe/Berlin', priority: 1, 'egroupware.org:customfields': { contact: 'Presse' } });
        await mk({ title: 'Haystack', progress: 'completed', due: '2030-03-01T00:00:00', categories: { Work: true }, participants: [{ email: 'hn@example.org' }] });
        await mk({ title: 'Undated', description: 'needle in the description' });
        const titles = async (q: string) => Object.values((await birgit.get(`/birgit/infolog/?props[]=displayname&${q}`)).body.responses).sort();
        expect(await titles('filters[search]=needle')).toEqual(['Needle phone', 'Undated']);
        expect(await titles('filters[search][%23contact]=Presse')).toEqual(['Needle phone']);
        expect(await titles('filters[info_type]=phone')).toEqual(['Needle phone']);
        expect(await titles('filters[info_status]=done')).toEqual(['Haystack']);
        expect(await titles('filters[info_subject]=Haystack')).toEqual(['Haystack']);
        expect(await titles('filters[info_priority]=3')).toEqual(['Needle phone']);
        expect(await titles(`filters[info_responsible]=${ids.hadi}`)).toEqual(['Haystack']);
        expect(await titles(`filters[info_owner]=${ids.birgit}`)).toHaveLength(3);
        expect(await titles('filters[info_cat]=Work')).toEqual(['Haystack']);
        expect(await titles('filters[start]=20300101T000000Z&filters[end]=20300201T000000Z')).toEqual(['Needle phone', 'Undated']);
        expect(await titles('filters[start]=2030-02-15T00:00:00Z')).toEqual(['Haystack', 'Undated']);
        const bad = await birgit.get('/birgit/infolog/?filters[info_secret]=1');
        expect(bad.status).toBe(422);
        expect(bad.body.message).toMatch(/unknown filter/);
      });

      it('lists props[] as bare values or objects, with ETags <id>:<sequence>:<revision>', async () => {
        const res = await birgit.get('/birgit/infolog/?props[]=getetag&props[]=displayname');
        for (const [key, v] of Object.entries(res.body.responses as Record<string, { getetag: string }>)) {
          expect(v.getetag).toBe(`"${key.split('/').pop()}:0:1"`);
        }
        const data = await birgit.get('/birgit/infolog/?props[]=calendar-data');
        expect(Object.values(data.body.responses).every((t: any) => t['@type'] === 'Task')).toBe(true);
      });

      it('pages an initial sync with nresults and reports deletions as null', async () => {
        const seen: string[] = [];
        let token = '';
        for (let page = 0; page < 20; page++) {
          const res = await birgit.get(`/birgit/infolog/?sync-token=${encodeURIComponent(token)}&nresults=2&props[]=getetag`);
          expect(res.status).toBe(200);
          expect(res.body['sync-token']).toMatch(new RegExp(`^${s.url}/birgit/infolog/\\d+$`));
          seen.push(...Object.keys(res.body.responses));
          token = res.body['sync-token'];
          if (!res.body['more-results']) break;
        }
        expect(seen.sort()).toEqual(Object.keys((await birgit.get('/birgit/infolog/')).body.responses).sort());
        const doomed = seen[0]!;
        expect((await birgit.delete(doomed)).status).toBe(204);
        expect((await birgit.get(`/birgit/infolog/?sync-token=${encodeURIComponent(token)}`)).body.responses).toEqual({ [doomed]: null });
      });
    });

    describe('the primary link and the links sub-collection', () => {
      it('links a task to its primary target when relatedTo names one, and a link posted with rel primary becomes it', async () => {
        const target = idOf((await ralf.post('/ralf/infolog/', { title: 'Target' })).headers.get('location'));
        const second = idOf((await ralf.post('/ralf/infolog/', { title: 'Second target' })).headers.get('location'));
        const res = await ralf.post('/ralf/infolog/', { title: 'With primary', [`relatedTo/egroupware.org-primary:infolog`]: String(target) }, { Prefer: 'return=representation' });
        expect(res.status).toBe(201);
        const id = idOf(res.headers.get('location'));
        expect(res.body.relatedTo).toEqual({ [`infolog:${target}`]: { '@type': 'Relation', relation: 'egroupware.org-primary' } });
        const links = (await ralf.get(`/infolog/${id}/links/`)).body.responses;
        expect(Object.values(links)).toEqual([expect.objectContaining({ 'egroupware.org-app': 'infolog', 'egroupware.org-id': String(target), rel: 'egroupware.org-primary' })]);

        const etag = (await ralf.get(`/ralf/infolog/${id}`)).headers.get('etag');
        const posted = await ralf.post(`/infolog/${id}/links/`, { toApp: 'infolog', toId: second, rel: 'egroupware.org-primary' });
        expect(posted.status).toBe(201);
        const after = await ralf.get(`/ralf/infolog/${id}`);
        expect(after.body.relatedTo).toEqual({ [`infolog:${second}`]: { '@type': 'Relation', relation: 'egroupware.org-primary' } });
        expect(after.headers.get('etag')).not.toBe(etag);

        expect((await ralf.delete(posted.headers.get('location')!.replace(s.url, ''))).status).toBe(204);
        expect((await ralf.get(`/ralf/infolog/${id}`)).body.relatedTo).toBeUndefined();
        // Behaviour §5.4: a contact named by its email (the flat form of the reference's docs).
        const contact = await ralf.post('/ralf/addressbook/', { fullName: 'Jane Customer', 'emails/work': 'jane.customer@example.com' });
        expect(contact.status).toBe(201);
        const byEmail = await ralf.post('/ralf/infolog/', { title: 'For Jane', 'relatedTo/egroupware.org-primary:addressbook:email': 'jane.customer@example.com' }, { Prefer: 'return=representation' });
        expect(byEmail.status).toBe(201);
        expect(byEmail.body.relatedTo).toEqual({ [`addressbook:${idOf(contact.headers.get('location'))}`]: { '@type': 'Relation', relation: 'egroupware.org-primary' } });
        const contactLinks = (await ralf.get(`/addressbook/${idOf(contact.headers.get('location'))}/links/`)).body.responses;
        expect(Object.values(contactLinks)).toEqual([expect.objectContaining({ 'egroupware.org-app': 'infolog', title: 'For Jane' })]);
        const unknown = await ralf.post('/ralf/infolog/', { relatedTo: { 'addressbook:nobody@example.org:email': { relation: 'egroupware.org-primary' } } });
        expect(unknown.status).toBe(422);
        expect(unknown.body.details[0]).toMatchObject({ path: '/relatedTo/addressbook:nobody@example.org:email', message: expect.stringMatching(/no contact matches/) });
      });
    });

    describe('permissions', () => {
      it('keeps another user out without a grant, and lets each right grant only itself', async () => {
        const path = (await ralf.post('/ralf/infolog/', { title: 'secret' })).headers.get('location')!;
        const id = idOf(path);
        const linkTo = idOf((await ralf.post('/ralf/infolog/', { title: 'link target' })).headers.get('location'));
        const probe = async () => ({
          list: (await other.get('/ralf/infolog/')).status,
          sync: (await other.get('/ralf/infolog/?sync-token=')).status,
          union: Object.keys((await other.get('/infolog/')).body.responses ?? {}).some((k) => k.endsWith(`/${id}`)),
          read: (await other.get(path)).status,
          byUnion: (await other.get(`/infolog/${id}`)).status,
          post: (await other.post('/ralf/infolog/', { title: 'x' })).status,
          put: (await other.put(path, { title: 'hacked' })).status,
          patch: (await other.patch(path, { title: 'hacked' })).status,
          links: (await other.get(`/infolog/${id}/links/`)).status,
          link: (await other.post(`/infolog/${id}/links/`, { toApp: 'infolog', toId: linkTo })).status,
        });
        expect(await probe()).toEqual({ list: 403, sync: 403, union: false, read: 404, byUnion: 404, post: 403, put: 404, patch: 404, links: 404, link: 404 });
        expect((await other.delete(path)).status).toBe(404);
        // Nor can a parent or a primary link reveal that the task exists.
        const uid = (await ralf.get(path)).body.uid;
        const probeParent = await other.post('/other/infolog/', { relatedTo: { [uid]: { relation: 'parent' } } });
        expect(probeParent.body.details).toEqual([{ path: `/relatedTo/${uid}`, message: `there is no task with UID '${uid.replace('urn:uuid:', '')}'` }]);
        const probeLink = await other.post('/other/infolog/', { relatedTo: { [`infolog:${id}`]: { relation: 'egroupware.org-primary' } } });
        expect(probeLink.body.details[0].message).toBe(`there is no infolog entry ${id}`);

        await setGrant(s.running.services.admin, 'ralf', 'other', 'infolog', parseRights(['read']));
        expect(await probe()).toMatchObject({ list: 200, sync: 200, union: true, read: 200, byUnion: 200, post: 403, put: 403, patch: 403, links: 200, link: 403 });
        expect((await other.delete(path)).status).toBe(403);
        await setGrant(s.running.services.admin, 'ralf', 'other', 'infolog', parseRights(['add']));
        expect(await probe()).toMatchObject({ list: 403, union: false, read: 404, post: 201 });
        await setGrant(s.running.services.admin, 'ralf', 'other', 'infolog', parseRights(['read', 'edit']));
        expect(await probe()).toMatchObject({ put: 204, patch: 204, post: 403, link: 201 });
        expect((await other.delete(path)).status).toBe(403);
        await setGrant(s.running.services.admin, 'ralf', 'other', 'infolog', parseRights(['read', 'delete']));
        expect((await other.delete(path)).status).toBe(204);
        expect((await ralf.get(path)).status).toBe(404);
        // The owner stays the collection's owner whoever writes.
        const mine = await other.post('/other/infolog/', { title: 'by other' }, { Prefer: 'return=representation' });
        expect(Object.values(mine.body.participants)).toEqual([expect.objectContaining({ roles: { owner: true } })]);
      });

      it('hides private tasks from readers without the private right, and lets the responsible read and change the progress', async () => {
        const privatePath = (await ralf.post('/ralf/infolog/', { title: 'private', privacy: 'private' })).headers.get('location')!;
        expect((await other.get(privatePath)).status).toBe(404);
        await setGrant(s.running.services.admin, 'ralf', 'other', 'infolog', parseRights(['read', 'private']));
        expect((await other.get(privatePath)).status).toBe(200);
        const delegated = (await ralf.post('/ralf/infolog/', { title: 'for hadi', participants: [{ email: 'hn@example.org' }] })).headers.get('location')!;
        const hadi = client(s.url, 'hadi', 'hadi-secret');
        expect((await hadi.get(delegated)).status).toBe(200);
        // Behaviour §4.3: the responsible may change the progress, nothing else, and no one else may.
        const refused = await hadi.patch(delegated, { title: 'x', percentComplete: 20 });
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ code: 'access/responsible-only', message: expect.stringContaining('not title') });
        expect((await hadi.patch(delegated, { percentComplete: 50 })).status).toBe(204);
        expect((await hadi.put(delegated, { 'egroupware.org:status': 'done', 'egroupware.org:completed': '2024-06-01T12:00:00' })).status).toBe(204);
        expect((await ralf.get(delegated)).body).toMatchObject({ title: 'for hadi', percentComplete: 50, progress: 'completed', 'egroupware.org:completed': '2024-06-01T12:00:00' });
        expect((await other.patch(delegated, { percentComplete: 60 })).status).toBe(403);
        expect((await hadi.delete(delegated)).status).toBe(403);
      });
    });

    it('lets a concurrent syncing reader end with exactly the server’s state', async () => {
      await addUser(s.running.services.admin, { login: 'busy', password: 'busy-secret' });
      const busy = client(s.url, 'busy', 'busy-secret');
      let writing = true;
      const writer = async (w: number) => {
        const mine: string[] = [];
        for (let i = 0; i < 10; i++) {
          if (i % 4 === 3 && mine.length) expect((await busy.delete(mine.shift()!)).status).toBe(204);
          else if (i % 4 === 2 && mine.length) expect((await busy.patch(mine[0]!, { title: `w${w} e${i}`, percentComplete: i * 10 })).status).toBe(204);
          else mine.push((await busy.post('/busy/infolog/', { title: `w${w} i${i}`, progress: 'in-progress' })).headers.get('location')!);
        }
      };
      const reader = async () => {
        const state = new Map<string, string>();
        const delivered: string[] = [];
        let token = '';
        for (;;) {
          const last = !writing;
          const res = await busy.get(`/busy/infolog/?sync-token=${encodeURIComponent(token)}&nresults=3&props[]=getetag`);
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
      const truth = (await busy.get('/busy/infolog/?props[]=getetag')).body.responses;
      expect(Object.fromEntries(state)).toEqual(truth);
      expect(new Set(delivered).size).toBe(delivered.length);
    });
  });
}
