import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addUser } from '@almanac/accounts';
import { testStoreKinds } from '@almanac/store-postgres/testing';
import { type Client, client, startTestServer, type TestServer } from './support.js';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'interop', 'python_caldav_scenario.py');
const INSTALL_HINT = 'Debian\'s python3-caldav is missing: apt-get install -y python3-caldav (the test runs /usr/bin/python3, not a pyenv python)';

/** Fails (never skips) when the client library is not installed, saying how to install it. */
async function assertCaldavInstalled(): Promise<void> {
  try {
    await run(PYTHON, ['-c', 'import caldav']);
  } catch (err) {
    throw new Error(`${INSTALL_HINT}\n${(err as Error).message}`);
  }
}

interface Scenario {
  principal: string;
  calendars: { url: string; name: string; components: string[] }[];
  search_week: string[];
  search_week_expanded: [string, string, boolean][];
  date_search: string[];
  all_events: string[];
  todo_search_week: string[];
  todos_pending: string[];
  edited_summary: string[];
  todos_pending_after_complete: string[];
  todos_with_completed: string[];
  deleted_found: boolean;
  all_events_after_delete: string[];
}

// A real CalDAV client against the real server over a socket: discovery, calendars, saving and
// searching events and todos by date range, editing, completing and deleting (issue 5).
for (const kind of testStoreKinds()) {
  describe(`python3-caldav against Almanac (${kind})`, () => {
    let s: TestServer;
    let rest: Client;
    let result: Scenario;

    beforeAll(async () => {
      await assertCaldavInstalled();
      s = await startTestServer(kind);
      await addUser(s.running.services.admin, { login: 'alice', password: 'alice-password', fullName: 'Alice Liddell', email: 'alice@example.org' });
      rest = client(s.url, 'alice', 'alice-password');
      const { stdout } = await run(PYTHON, [SCRIPT, s.url, 'alice', 'alice-password'], { timeout: 120_000 });
      result = JSON.parse(stdout) as Scenario;
    }, 180_000);
    afterAll(async () => { await s?.cleanup(); });

    it('discovers the principal and the calendar and task list with their components', () => {
      expect(result.principal).toBe(`${s.url}/principals/users/alice/`);
      expect(result.calendars).toEqual([
        { url: `${s.url}/alice/calendar/`, name: 'Alice Liddell calendar', components: ['VEVENT'] },
        { url: `${s.url}/alice/infolog/`, name: 'Alice Liddell tasks', components: ['VTODO'] },
      ]);
    });

    it('saves events and finds them by date range, a weekly series by its occurrence', () => {
      expect(result.all_events).toEqual(['py-outside', 'py-single', 'py-weekly']);
      expect(result.search_week).toEqual(['py-single', 'py-weekly']);
      expect(result.date_search).toEqual(['py-outside']);
    });

    it('gets the instances in range from the server with expand (UTC, no RRULE)', () => {
      expect(result.search_week_expanded).toEqual([
        ['py-single', '2030-01-08T10:00:00+00:00', false],
        ['py-weekly', '2030-01-08T09:00:00+00:00', false],
      ]);
    });

    it('saves todos and finds them by date range and as pending; completing one takes it out', () => {
      expect(result.todo_search_week).toEqual(['py-todo-week-0001']);
      expect(result.todos_pending).toEqual(['py-todo-later-0001', 'py-todo-nodate-001', 'py-todo-week-0001']);
      expect(result.todos_pending_after_complete).toEqual(['py-todo-later-0001', 'py-todo-nodate-001']);
      expect(result.todos_with_completed).toEqual(['py-todo-later-0001', 'py-todo-nodate-001', 'py-todo-week-0001']);
    });

    it('edits and deletes, and the REST view shows the same data', async () => {
      expect(result.edited_summary).toEqual(['Single, edited']);
      expect(result.deleted_found).toBe(false);
      expect(result.all_events_after_delete).toEqual(['py-single', 'py-weekly']);
      expect((await rest.get('/alice/calendar/py-single.ics')).body).toMatchObject({ title: 'Single, edited', start: '2030-01-08T10:00:00' });
      expect((await rest.get('/alice/calendar/py-outside.ics')).status).toBe(404);
      expect((await rest.get('/alice/infolog/py-todo-week-0001.ics')).body).toMatchObject({ title: 'Due this week', 'egroupware.org:status': 'done' });
    });
  });
}
