// Where Almanac's time goes, per CalDAV operation: starts Almanac with --cpu-prof, runs the
// benchmark's operations as phases, and slices the server's CPU profile by the client's phase
// times (both clocks are CLOCK_MONOTONIC on Linux). Prints per phase the wall time, the server's
// busy and idle time (idle while a request is in flight = waiting for the database), and the
// heaviest packages and functions.
//
//   node bench/dav/profile.js [--size 1000] [--store postgres|pglite] [--top 12] [--keep-profile DIR]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { currentAnchor, generateEvents, queryMonth, renderEvent } from './calendar.js';
import { DavClient, putConcurrently } from './client.js';
import { spread } from './measure.js';
import { providePostgres } from './postgres.js';
import { PASSWORD, startAlmanac } from './servers.js';

const { values: opts } = parseArgs({
  options: { size: { type: 'string', default: '1000' }, store: { type: 'string', default: 'postgres' }, top: { type: 'string', default: '12' }, 'keep-profile': { type: 'string' } },
});
const size = Number(opts.size);
const top = Number(opts.top);
const profDir = opts['keep-profile'] ?? mkdtempSync(join(tmpdir(), 'almanac-dav-profile-'));
const postgres = opts.store === 'postgres' ? await providePostgres() : undefined;
if (postgres?.skipReason) throw new Error(postgres.skipReason);

const micros = () => Number(process.hrtime.bigint() / 1000n);
const phases = [];
async function phase(name, fn) {
  const t0 = micros();
  await fn();
  phases.push({ name, t0, t1: micros() });
  console.error(`  ${name}: ${((micros() - t0) / 1000).toFixed(0)} ms`);
}

const server = await startAlmanac({ store: opts.store, postgresUrl: postgres?.url, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
try {
  const anchor = currentAnchor();
  const items = generateEvents(size, { anchor });
  const client = new DavClient(server.origin, server.collection, { password: PASSWORD });
  let token;
  await phase(`seed: ${size} PUTs, 8 clients`, () => putConcurrently(client, items, { clients: 8 }));
  await phase('PROPFIND getetag ×5', async () => { for (let i = 0; i < 5; i++) await client.propfindEtags(); });
  await phase('sync-collection initial ×5', async () => { for (let i = 0; i < 5; i++) token = (await client.syncCollection('')).token; });
  await phase('calendar-query ×5', async () => { for (let i = 0; i < 5; i++) await client.calendarQuery(queryMonth(anchor)); });
  const names = spread(items, 100).map((x) => x.name);
  await phase('calendar-multiget 100 ×5', async () => { for (let i = 0; i < 5; i++) await client.multiget(names); });
  await phase('GET ×100', async () => { for (const item of spread(items, 100)) await client.get(item.name); });
  for (const item of spread(items, 10)) await client.put(item.name, renderEvent(item.model, 1));
  await phase('sync-collection incremental ×20', async () => { for (let i = 0; i < 20; i++) await client.syncCollection(token); });
  await phase('PUT 200 new, 8 clients', () => putConcurrently(client, generateEvents(200, { anchor, seed: size + 1, prefix: 'profile' }), { clients: 8 }));
} finally {
  await server.stop();
  postgres?.stop?.();
}

const profile = JSON.parse(readFileSync(join(profDir, readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
if (!opts['keep-profile']) rmSync(profDir, { recursive: true, force: true });
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
const where = (url) => url.replace(/^.*\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^.*\/(packages|apps)\//, '').replace(/\/dist\//, '/');
const label = (cf) => `${cf.functionName || '(anonymous)'} ${where(cf.url)}:${cf.lineNumber + 1}`;
const packageOf = (cf) => {
  if (!cf.url) return cf.functionName;
  const m = /\/(?:packages|apps)\/([^/]+)\//.exec(cf.url) ?? /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(cf.url);
  return m ? m[1] : 'node internals';
};
let clock = profile.startTime;
const at = profile.timeDeltas.map((d) => (clock += d));

for (const ph of phases) {
  const self = new Map();
  const inclusive = new Map();
  const packages = new Map();
  let busy = 0;
  let idle = 0;
  const add = (m, k, w) => m.set(k, (m.get(k) ?? 0) + w);
  for (let i = 0; i < profile.samples.length; i++) {
    if (at[i] < ph.t0 || at[i] > ph.t1) continue;
    const weight = profile.timeDeltas[i + 1] ?? 0;
    const cf = byId.get(profile.samples[i]).callFrame;
    if (cf.functionName === '(idle)') { idle += weight; continue; }
    busy += weight;
    add(self, label(cf), weight);
    add(packages, packageOf(cf), weight);
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parentOf.get(id)) {
      const k = label(byId.get(id).callFrame);
      if (!seen.has(k)) { seen.add(k); add(inclusive, k, weight); }
    }
  }
  const list = (m, n, skip = 0) => [...m].sort((a, b) => b[1] - a[1]).filter(([k]) => !/^\((root|program)\)/.test(k)).slice(skip, skip + n)
    .map(([k, v]) => `    ${(v / 1000).toFixed(0).padStart(6)} ms ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  console.log(`\n=== ${ph.name}: ${((ph.t1 - ph.t0) / 1000).toFixed(0)} ms wall, server busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms`);
  console.log(`  packages (self time):\n${list(packages, 8)}`);
  console.log(`  functions (self time):\n${list(self, top)}`);
  console.log(`  functions (inclusive):\n${list(inclusive, top, 2)}`);
}
