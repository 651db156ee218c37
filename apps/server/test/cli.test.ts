import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '@almanac/store-postgres/testing';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { MemoryLogger } from '@almanac/http-kit';
import { basic } from './support.js';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');

interface Run { code: number; stdout: string; stderr: string }

/** Runs the built `almanac` command as a separate process, as a user would. */
function almanac(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the almanac command on the embedded store', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'almanac-cli-'));
    env = { ALMANAC_DATA_DIR: dir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates a new store first, then manages users without ever printing a hash', async () => {
    const add = await almanac(['user', 'add', 'Alice', '--password', 'alice-password', '--email', 'alice@example.org', '--name', 'Alice Liddell', '--admin'], env);
    expect(add).toMatchObject({ code: 0, stderr: '' });
    expect(add.stdout).toMatch(/^created user alice \(id \d+, administrator\)\n$/);
    await almanac(['user', 'add', 'bob', '--password', 'bob-password'], env);
    const list = await almanac(['user', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^login\s+name\s+email\s+admin$/);
    expect(list.stdout).toMatch(/alice\s+Alice Liddell\s+alice@example.org\s+yes/);
    expect(list.stdout).toMatch(/\nbob\s+bob/);
    expect(list.stdout).not.toMatch(/scrypt|\$/);
    expect((await almanac(['user', 'passwd', 'bob', '--password', 'new-bob-password'], env)).code).toBe(0);
  });

  it('manages groups, grants and tokens', async () => {
    expect((await almanac(['group', 'add', 'staff'], env)).stdout).toMatch(/^created group staff/);
    expect((await almanac(['group', 'member', 'add', 'staff', 'bob'], env)).stdout).toBe('added bob to staff\n');
    expect((await almanac(['grant', 'alice', 'bob', 'calendar', 'read', 'add'], env)).stdout).toBe('alice grants bob on calendar: read, add\n');
    const create = await almanac(['token', 'create', 'bob', '--apps', 'calendar,addressbook', '--expires', '2099-01-01'], env);
    expect(create.code).toBe(0);
    const lines = create.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^token\d+_[\w-]{43}$/);
    const all = await almanac(['token', 'create', '--all-users'], env);
    const id = /^created token (\d+)/.exec(all.stdout)![1]!;
    const list = await almanac(['token', 'list'], env);
    expect(list.stdout).toMatch(/bob\s+calendar,addressbook\s+active\s+2099-01-01T00:00:00.000Z/);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+\\*\\s+dav\\s+active`));
    // The secret is base64url and may itself contain '_': cut at the first one only.
    const secret = lines.at(-1)!.replace(/^token\d+_/, '');
    expect(secret).toHaveLength(43);
    expect(list.stdout).not.toContain(secret);
    expect((await almanac(['token', 'revoke', id], env)).stdout).toBe(`revoked token ${id}\n`);
    expect((await almanac(['token', 'list'], env)).stdout).toMatch(new RegExp(`${id}\\s+\\*\\s+dav\\s+revoked`));
  });

  it('goes through the running server while it holds the store, and refuses other holders', async () => {
    const config = loadConfig({ ALMANAC_DATA_DIR: dir, ALMANAC_PORT: '0' });
    const running = await startServer(config, new MemoryLogger());
    try {
      const add = await almanac(['user', 'add', 'dave', '--password', 'dave-password'], env);
      expect(add).toMatchObject({ code: 0 });
      // The server sees the new account at once: it made it.
      const res = await fetch(`${running.url}/dave/`, { headers: { Authorization: basic('dave', 'dave-password'), Accept: 'application/json' } });
      expect(res.status).toBe(200);
      const bad = await almanac(['user', 'add', 'dave', '--password', 'dave-password'], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/already taken/);
    } finally {
      await running.close();
    }
    // A live process that is not a server (here: this test process) holds the lock.
    writeFileSync(join(dir, 'almanac.lock'), JSON.stringify({ pid: process.pid, role: 'migrate', since: 'now' }));
    try {
      const refused = await almanac(['user', 'list'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by process \d+ \(almanac migrate/);
    } finally {
      rmSync(join(dir, 'almanac.lock'));
    }
    // A lock left behind by a dead process is taken over.
    writeFileSync(join(dir, 'almanac.lock'), JSON.stringify({ pid: 2 ** 22 + 7, role: 'serve', since: 'then' }));
    expect((await almanac(['user', 'list'], env)).code).toBe(0);
  });

  it('exits non-zero with a clear message on bad input, also through the running server', async () => {
    // Through the server each command skips opening PGlite, which keeps this long table quick.
    const running = await startServer(loadConfig({ ALMANAC_DATA_DIR: dir, ALMANAC_PORT: '0' }), new MemoryLogger());
    try {
      const cases: [string[], number, RegExp][] = [
        [['user', 'add', 'x y', '--password', 'long-enough'], 1, /invalid login 'x y'/],
        [['user', 'add', 'carol'], 2, /--password is required/],
        [['user', 'add', 'carol', '--password', 'short'], 1, /at least 8 characters/],
        [['user', 'add', 'alice', '--password', 'long-enough'], 1, /already taken/],
        [['user', 'add', 'carol', '--password', 'long-enough', '--bogus'], 2, /Unknown option '--bogus'/],
        [['user', 'delete', 'nobody'], 1, /user 'nobody' not found/],
        [['grant', 'alice', 'bob', 'mail', 'read'], 2, /unknown app 'mail'/],
        [['grant', 'alice', 'bob', 'calendar', 'fly'], 1, /unknown right 'fly'/],
        [['token', 'create', 'bob', '--apps', 'calendar,mail'], 1, /unknown app 'mail'/],
        [['token', 'create', 'bob', '--expires', 'someday'], 2, /not a date/],
        [['token', 'create', 'bob', '--expires', '2001-01-01'], 1, /in the past/],
        [['token', 'revoke', 'abc'], 2, /not a token id/],
        [['token', 'revoke', '999'], 1, /not found/],
        [['frobnicate'], 2, /unknown command 'frobnicate'/],
      ];
      for (const [args, code, message] of cases) {
        const r = await almanac(args, env);
        expect([args.join(' '), r.code, r.stdout]).toEqual([args.join(' '), code, '']);
        expect(r.stderr).toMatch(message);
      }
    } finally {
      await running.close();
    }
  });

  it('migrates on command', async () => {
    const r = await almanac(['migrate'], env);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/migrated to the latest schema/) });
  });
});

const pgReason = postgresUnavailable();
(pgReason ? describe.skip : describe)('the almanac command on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase('postgres'); });
  afterAll(async () => { await db.dispose(); });

  it('honours DATABASE_URL for every command', async () => {
    const env = { DATABASE_URL: db.connectionString!, ALMANAC_DATA_DIR: '/nonexistent/never-used' };
    expect((await almanac(['migrate'], env)).stdout).toBe('the schema is up to date\n');
    expect((await almanac(['user', 'add', 'erin', '--password', 'erin-password'], env)).code).toBe(0);
    expect((await almanac(['user', 'list'], env)).stdout).toMatch(/\nerin\s/);
    expect((await almanac(['user', 'list', '--database-url', 'postgres://127.0.0.1:1/none'], env)).code).toBe(1);
  });
});
