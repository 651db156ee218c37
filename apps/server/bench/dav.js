// CalDAV benchmark (issue 5, "Speed"): Almanac beside Radicale and Xandikos in one run. The peers
// (Debian packages) are started on loopback and seeded through their storage folders; Almanac is
// started as a child process (PostgreSQL and/or PGlite) and seeded with plain PUTs from 8 clients.
// For each size it prints a table with a row per operation (median ms, or PUT/s, or MB) and the
// ratio of Almanac to the faster peer, then checks issue 5's targets. The calendar-query answer is
// checked against an expansion by python3-recurring-ical-events (bench/dav/expected.py).
//
//   node bench/dav.js [--sizes 1000,10000] [--servers almanac,radicale,xandikos]
//                     [--stores postgres,pglite] [--runs 5] [--clients 8] [--put-items 200]
//                     [--put-seconds 20] [--cpu-prof DIR] [--keep]
//
// PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL when it answers, else a throwaway cluster.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { caldavUtc, currentAnchor, generateEvents, queryMonth } from './dav/calendar.js';
import { measureServer } from './dav/measure.js';
import { providePostgres } from './dav/postgres.js';
import { sizeTable, targetChecks } from './dav/report.js';
import { peerStatus, startAlmanac, startRadicale, startXandikos } from './dav/servers.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    servers: { type: 'string', default: 'almanac,radicale,xandikos' },
    stores: { type: 'string', default: 'postgres,pglite' },
    runs: { type: 'string', default: '5' },
    clients: { type: 'string', default: '8' },
    'put-items': { type: 'string', default: '200' },
    'put-seconds': { type: 'string', default: '20' },
    'cpu-prof': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const SIZES = opts.sizes.split(',').map(Number);
const SERVERS = opts.servers.split(',');
const RUNS = Number(opts.runs);
const CLIENTS = Number(opts.clients);
const log = (...args) => console.error(...args);

/** The expected calendar-query answer, from python3-recurring-ical-events, or why there is none. */
function expectedMatches(items, month) {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-dav-bench-expected-'));
  try {
    for (const item of items) writeFileSync(join(dir, item.name), item.text);
    const r = spawnSync('/usr/bin/python3', [join(here, 'dav', 'expected.py'), dir, caldavUtc(month.start), caldavUtc(month.end)], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) return { reason: `expected matches not computed (apt-get install python3-recurring-ical-events): ${r.stderr.trim().split('\n').pop()}` };
    return JSON.parse(r.stdout);
  } catch (err) {
    return { reason: `expected matches not computed: ${err.message}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Which servers run: Almanac per store, then each installed peer.
const targets = [];
let postgres;
if (SERVERS.includes('almanac')) {
  for (const store of opts.stores.split(',')) {
    if (store === 'postgres') {
      postgres = await providePostgres();
      if (postgres.skipReason) { log(`Almanac on PostgreSQL skipped: ${postgres.skipReason}`); continue; }
      log(`PostgreSQL: ${postgres.source}`);
    }
    targets.push({ kind: 'almanac', store });
  }
}
const versions = [`Node ${process.version}`];
for (const peer of ['radicale', 'xandikos'].filter((p) => SERVERS.includes(p))) {
  const status = peerStatus(peer);
  if (!status.ok) { console.log(`${peer}: skipped: ${status.reason}`); continue; }
  versions.push(`${peer === 'radicale' ? 'Radicale' : 'Xandikos'} ${status.version}`);
  targets.push({ kind: peer, version: status.version });
}

const nodeArgs = opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${opts['cpu-prof']}`] : [];
const loadAtStart = loadavg()[0];
const anchor = currentAnchor();
const month = queryMonth(anchor);
const bySize = new Map();
try {
  for (const size of SIZES) {
    log(`\n== ${size} items: generating the calendar`);
    const items = generateEvents(size, { anchor });
    const fresh = generateEvents(Number(opts['put-items']), { anchor, seed: size + 1, prefix: `put${size}` });
    log(`== ${size} items: expected calendar-query matches ${caldavUtc(month.start)}–${caldavUtc(month.end)} (python3-recurring-ical-events)`);
    const exp = expectedMatches(items, month);
    if (exp.reason) console.log(exp.reason);
    const results = [];
    for (const t of targets) {
      const server = t.kind === 'almanac'
        ? await startAlmanac({ store: t.store, postgresUrl: postgres?.url, nodeArgs })
        : await (t.kind === 'radicale' ? startRadicale : startXandikos)({ items });
      try {
        log(`== ${size} items: ${server.label} at ${server.origin}${server.collection} (pid ${server.pid})`);
        const label = t.version ? `${server.label} ${t.version}` : server.label;
        const r = await measureServer({ ...server, label }, {
          items, fresh, expected: exp.matches, month, runs: RUNS, clients: CLIENTS, putSeconds: Number(opts['put-seconds']), seed: t.kind === 'almanac', log,
        });
        results.push({ ...r, peer: t.kind !== 'almanac' });
      } catch (err) {
        console.log(`${server.label} at ${size} items failed: ${err.message} (log: ${server.logFile})`);
        results.push({ label: server.label, peer: t.kind !== 'almanac', checks: [{ what: 'run', ok: false, detail: err.message }] });
      } finally {
        await server.stop({ keep: opts.keep });
      }
    }
    bySize.set(size, { results, expected: exp.matches });
    console.log(sizeTable(size, results, { runs: RUNS, expected: exp.matches }));
  }
} finally {
  postgres?.stop?.();
}

console.log(`\nDAV benchmark: ${versions.join(', ')}; ${CLIENTS} clients for PUTs; calendar-query ${caldavUtc(month.start)}–${caldavUtc(month.end)}, expected matches by python3-recurring-ical-events (RFC 4791 §9.9 overlap, floating = UTC).`);
// The benchmark itself keeps about two processes busy (client and server); more than that is others'.
const cores = availableParallelism();
const busy = loadAtStart > 1 || loadavg()[0] > cores + 1;
console.log(`Machine: ${cores} cores, load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end${busy ? ' — BUSY: other processes competed for the CPU, times are inflated and noisy; rerun on a quiet machine' : ''}.`);
console.log('Ratio: how many times Almanac beats the faster peer (> 1 is better); memory: Almanac / the smaller peer (Almanac on PostgreSQL: the server process only).');
if (bySize.size) console.log(targetChecks(bySize));
