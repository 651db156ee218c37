// The three servers of the DAV benchmark, each started on loopback as a child process with auth as
// simple as it allows: Almanac (a user made with `almanac user add`, Basic auth, PGlite or
// PostgreSQL), Radicale (auth type none: the Basic user name is taken as given) and Xandikos (no
// auth). The peers are seeded through their storage folders, since a PUT per item takes them hours
// at 10,000 items; Almanac starts empty and is seeded with PUTs by the benchmark.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from './postgres.js';
import { freePort, stopChild, waitForHttp } from './processes.js';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, '..', '..', 'dist', 'cli', 'main.js');
const PYTHON = '/usr/bin/python3';
export const PASSWORD = 'bench-password';

/** What a started server offers the benchmark. */
// { label, origin, collection, pid, logFile, stop(): Promise<void> }

/** Whether a peer can run here, and if not why (the benchmark prints it and skips the peer). */
export function peerStatus(peer) {
  if (peer === 'radicale') {
    const r = spawnSync(PYTHON, ['-c', 'import radicale; print(radicale.VERSION)'], { encoding: 'utf8' });
    return r.status === 0 ? { ok: true, version: r.stdout.trim() } : { ok: false, reason: 'Radicale is not installed (apt-get install radicale)' };
  }
  if (peer === 'xandikos') {
    if (!existsSync('/usr/bin/xandikos')) return { ok: false, reason: 'Xandikos is not installed (apt-get install xandikos)' };
    if (spawnSync('git', ['--version']).status !== 0) return { ok: false, reason: 'git is needed to seed Xandikos' };
    const r = spawnSync(PYTHON, ['-c', 'import xandikos; print(".".join(map(str, xandikos.__version__)))'], { encoding: 'utf8' });
    return { ok: true, version: r.stdout.trim() || '?' };
  }
  return { ok: false, reason: `unknown peer ${peer}` };
}

function workDir(kind) {
  return mkdtempSync(join(tmpdir(), `almanac-dav-bench-${kind}-`));
}

/**
 * Almanac on `store` ('pglite' or 'postgres' with `postgresUrl`, an admin URL): an empty calendar
 * `/bench/calendar/` of user `bench`. `nodeArgs` go to the server's node (e.g. `--cpu-prof`).
 */
export async function startAlmanac({ store, postgresUrl, nodeArgs = [] }) {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (cd apps/server && npx tsc -b)`);
  const dir = workDir('almanac');
  const env = { ...process.env, ALMANAC_PORT: '0', ALMANAC_HOST: '127.0.0.1', ALMANAC_DATA_DIR: join(dir, 'data'), ALMANAC_ADMIN_PASSWORD: 'admin-password-bench' };
  let db;
  if (store === 'postgres') {
    db = await createDatabase(postgresUrl);
    env.DATABASE_URL = db.url;
  } else delete env.DATABASE_URL;
  const add = spawnSync(process.execPath, [MAIN, 'user', 'add', 'bench', '--password', PASSWORD, '--email', 'bench@example.org'], { env, encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`almanac user add: ${add.stderr || add.stdout}`);
  const logFile = join(dir, 'server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--max-old-space-size=512', ...nodeArgs, MAIN, 'serve'], { env, stdio: ['ignore', 'pipe', log] });
  closeSync(log);
  const origin = await new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      out += d;
      const m = /listening on (http:\/\/[^/\s]+)/.exec(out);
      if (m) { child.stdout.off('data', onData); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`almanac serve exited with ${code}: see ${logFile}`)));
  });
  child.stdout.resume(); // the request log: read and dropped
  return {
    label: `Almanac (${store === 'postgres' ? 'PostgreSQL' : 'PGlite'})`, origin, collection: '/bench/calendar/', pid: child.pid, logFile,
    async stop({ keep = false } = {}) {
      await stopChild(child, 30);
      await db?.drop();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Radicale's multifilesystem layout: collection-root/<user>/<collection>/ with .Radicale.props and one file per item. */
function seedRadicale(folder, items) {
  const collection = join(folder, 'collection-root', 'bench', 'calendar');
  mkdirSync(collection, { recursive: true });
  writeFileSync(join(collection, '.Radicale.props'), JSON.stringify({ 'C:supported-calendar-component-set': 'VEVENT', 'D:displayname': 'Bench', tag: 'VCALENDAR' }));
  for (const item of items) writeFileSync(join(collection, item.name), item.text);
}

/** Radicale with its storage seeded from `items`; `/bench/calendar/`. */
export async function startRadicale({ items }) {
  const dir = workDir('radicale');
  const folder = join(dir, 'storage');
  seedRadicale(folder, items);
  const port = await freePort();
  const config = join(dir, 'config');
  writeFileSync(config, [
    '[server]', `hosts = 127.0.0.1:${port}`,
    '[auth]', 'type = none',
    '[rights]', 'type = owner_only',
    '[storage]', `filesystem_folder = ${folder}`,
    '[logging]', 'level = warning', 'mask_passwords = True',
  ].join('\n') + '\n');
  const logFile = join(dir, 'server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(PYTHON, ['-m', 'radicale', '-C', config], { stdio: ['ignore', log, log] });
  closeSync(log);
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/`, child);
  return {
    label: 'Radicale', origin, collection: '/bench/calendar/', pid: child.pid, logFile,
    async stop({ keep = false } = {}) { await stopChild(child); if (!keep) rmSync(dir, { recursive: true, force: true }); },
  };
}

/**
 * Xandikos's layout: the principal `/user/` is a plain folder, the calendar a Git repository with
 * a `.xandikos` file naming its type; the items are committed as one commit (what a `git add` of a
 * migrated calendar gives).
 */
function seedXandikos(root, items) {
  const collection = join(root, 'user', 'calendars', 'calendar');
  mkdirSync(collection, { recursive: true });
  const git = (...args) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'init.defaultBranch=master', ...args], { cwd: collection, stdio: 'pipe' });
  git('init', '-q');
  writeFileSync(join(collection, '.xandikos'), '[DEFAULT]\ntype = calendar\ndisplayname = Bench\n');
  for (const item of items) writeFileSync(join(collection, item.name), item.text);
  git('add', '-A');
  git('commit', '-q', '-m', 'Seed the benchmark calendar');
}

/** Xandikos with its store seeded from `items`; `/user/calendars/calendar/`. */
export async function startXandikos({ items }) {
  const dir = workDir('xandikos');
  const root = join(dir, 'store');
  seedXandikos(root, items);
  const port = await freePort();
  const logFile = join(dir, 'server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(PYTHON, ['/usr/bin/xandikos', '-d', root, '-l', '127.0.0.1', '-p', String(port), '--current-user-principal', '/user/'], { stdio: ['ignore', log, log] });
  closeSync(log);
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/health`, child);
  return {
    label: 'Xandikos', origin, collection: '/user/calendars/calendar/', pid: child.pid, logFile,
    async stop({ keep = false } = {}) { await stopChild(child); if (!keep) rmSync(dir, { recursive: true, force: true }); },
  };
}
