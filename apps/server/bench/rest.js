// REST API benchmark (issue "REST API", section Speed). Starts the real server as a child process
// on PGlite and on PostgreSQL, fills one collection per app through the API, then times the
// operations beside the floor: Node's http sending the same response bytes from memory.
//
//   node bench/rest.js [--sizes 1000,10000] [--apps timesheet] [--stores pglite,postgres] [--cpu-prof DIR]
//
// --cpu-prof DIR writes a V8 CPU profile of each server run into DIR (open it in Chrome DevTools).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { GENERATORS } from './generators.js';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, '..', 'dist', 'cli', 'main.js');
const { values: opts } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, apps: { type: 'string', default: Object.keys(GENERATORS).join(',') }, stores: { type: 'string', default: 'pglite,postgres' }, runs: { type: 'string', default: '5' }, 'cpu-prof': { type: 'string' } },
});
const SIZES = opts.sizes.split(',').map(Number);
const RUNS = Number(opts.runs);
const PASSWORD = 'bench-password';
const auth = `Basic ${Buffer.from(`bench:${PASSWORD}`).toString('base64')}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function startServer(store) {
  const dataDir = mkdtempSync(join(tmpdir(), 'almanac-bench-'));
  const env = { ...process.env, ALMANAC_PORT: '0', ALMANAC_DATA_DIR: dataDir, ALMANAC_ADMIN_PASSWORD: 'admin-password-bench' };
  let dropDb;
  if (store === 'postgres') {
    const admin = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `almanac_bench_${process.pid}_${Date.now()}`;
    const c = new pg.Client({ connectionString: admin }); await c.connect(); await c.query(`create database ${name}`); await c.end();
    const url = new URL(admin); url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDb = async () => { const d = new pg.Client({ connectionString: admin }); await d.connect(); await d.query(`drop database if exists ${name} with (force)`); await d.end(); };
  } else delete env.DATABASE_URL;
  const run = (args) => new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [MAIN, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = ''; p.stdout.on('data', (d) => { out += d; }); p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`almanac ${args.join(' ')}: ${code}`))));
  });
  await run(['user', 'add', 'bench', '--password', PASSWORD, '--email', 'bench@example.org']);
  const profile = opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${opts['cpu-prof']}`] : [];
  const child = spawn(process.execPath, ['--max-old-space-size=512', ...profile, MAIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = /listening on (http:\/\/[^/\s]+)/.exec(out); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  child.stdout.resume();
  return {
    url, pid: child.pid,
    async stop() { child.kill('SIGTERM'); await new Promise((r) => child.on('exit', r)); await dropDb?.(); rmSync(dataDir, { recursive: true, force: true }); },
  };
}

/** Resident and peak memory of a process, from /proc (kB → MB). */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function request(url, init = {}) {
  const res = await fetch(url, { ...init, headers: { Authorization: auth, Accept: 'application/json', ...init.headers } });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status >= 400) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${body.toString().slice(0, 200)}`);
  return { res, body };
}

/** Times GET of a URL against the floor: the same bytes served by a bare Node http server. */
async function versusFloor(url, headers = {}) {
  const sample = await request(url, { headers });
  const floor = createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(sample.body); });
  await new Promise((r) => floor.listen(0, '127.0.0.1', r));
  const floorUrl = `http://127.0.0.1:${floor.address().port}/`;
  const times = { almanac: [], floor: [] };
  for (let i = 0; i < RUNS; i++) {
    let t0 = process.hrtime.bigint(); await request(url, { headers }); times.almanac.push(ms(t0));
    t0 = process.hrtime.bigint(); await request(floorUrl); times.floor.push(ms(t0));
  }
  floor.close();
  return { almanac: median(times.almanac), floor: median(times.floor), bytes: sample.body.length };
}

async function postAll(base, app, count, clients = 8) {
  const gen = GENERATORS[app];
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < count) {
      const i = next++;
      await request(`${base}${gen.path}`, { method: 'POST', body: JSON.stringify(gen.make(i)), headers: { 'Content-Type': 'application/json' } });
    }
  }));
  return count / (ms(t0) / 1000);
}

const rows = [];
for (const store of opts.stores.split(',')) {
  for (const app of opts.apps.split(',')) {
    const gen = GENERATORS[app];
    for (const size of SIZES) {
      const server = await startServer(store);
      try {
        const base = server.url;
        const postRate = await postAll(base, app, size);
        const coll = `${base}${gen.path}`;
        let peak = 0;
        const sampler = setInterval(() => { peak = Math.max(peak, memory(server.pid).rss); }, 20);
        const full = await versusFloor(coll);
        clearInterval(sampler);
        const etags = await versusFloor(`${coll}?props[]=getetag`);
        const token = JSON.parse((await request(`${coll}?sync-token=&props[]=getetag`)).body)["sync-token"];
        const ids = Object.keys(JSON.parse((await request(`${coll}?props[]=getetag`)).body).responses).slice(0, 10);
        for (const key of ids) await request(`${base}${key}`, { method: 'PATCH', body: JSON.stringify(gen.patch(1)), headers: { 'Content-Type': 'application/json' } });
        const sync = await versusFloor(`${coll}?sync-token=${encodeURIComponent(token)}`);
        const patchTimes = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = process.hrtime.bigint();
          await request(`${base}${ids[i % ids.length]}`, { method: 'PATCH', body: JSON.stringify(gen.patch(i + 2)), headers: { 'Content-Type': 'application/json' } });
          patchTimes.push(ms(t0));
        }
        rows.push({ store, app, size, postRate, full, etags, sync, patch: median(patchTimes), peak, mem: memory(server.pid) });
      } finally {
        await server.stop();
      }
    }
  }
}

const f1 = (x) => x.toFixed(1);
console.log('\nREST API benchmark (median of %d runs; floor = Node http sending the same bytes from memory)\n', RUNS);
console.log(['store', 'app', 'items', 'GET all ms', 'floor ms', 'ratio', 'MB', 'getetag ms', 'floor ms', 'ratio', 'sync(10) ms', 'PATCH ms', 'POST/s (8 clients)', 'peak RSS MB'].join(' | '));
for (const r of rows) {
  console.log([r.store, r.app, r.size, f1(r.full.almanac), f1(r.full.floor), f1(r.full.almanac / r.full.floor), f1(r.full.bytes / 1e6),
    f1(r.etags.almanac), f1(r.etags.floor), f1(r.etags.almanac / r.etags.floor), f1(r.sync.almanac), f1(r.patch), Math.round(r.postRate), Math.round(r.peak)].join(' | '));
}
for (const store of new Set(rows.map((r) => r.store))) for (const app of new Set(rows.map((r) => r.app))) {
  const [small, big] = [Math.min(...SIZES), Math.max(...SIZES)].map((n) => rows.find((r) => r.store === store && r.app === app && r.size === n));
  if (small && big && small !== big) console.log(`incremental sync ${store}/${app}: ${big.size} items ${f1(big.sync.almanac)} ms vs ${small.size} items ${f1(small.sync.almanac)} ms = ${f1(big.sync.almanac / small.sync.almanac)}x (target <= 1.5x)`);
}
