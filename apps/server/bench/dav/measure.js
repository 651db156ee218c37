// The measurements of one server at one size, in the order a client meets them: (Almanac only: the
// seeding PUTs), the first listing after start, PROPFIND, initial sync-collection, calendar-query,
// calendar-multiget, GET, incremental sync-collection after ten changes, PUT throughput, peak
// memory. Each timed operation runs once untimed (caches, first-use work) and then `runs` times;
// the median is reported. Every answer is checked (counts, names, ETags) so that a fast wrong
// answer never passes as a result.
import { DavClient, putConcurrently } from './client.js';
import { renderEvent } from './calendar.js';
import { memory } from './processes.js';
import { PASSWORD } from './servers.js';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

/** Runs `fn` once untimed and `runs` times timed; `{ ms: median, all, result: the last answer }`. */
async function timed(runs, fn) {
  let result = await fn();
  const all = [];
  for (let i = 0; i < runs; i++) {
    result = await fn();
    all.push(result.ms);
  }
  return { ms: median(all), all, result };
}

/** `count` names spread evenly over the collection (the same ones on every server). */
export function spread(items, count) {
  const step = items.length / count;
  return Array.from({ length: Math.min(count, items.length) }, (_, i) => items[Math.floor(i * step)]);
}

const example = (names) => (names.length ? ` (e.g. ${names.slice(0, 3).join(', ')})` : '');

/** Compares a server's set of names with the expected one: `{ ok, missing, extra }`. */
function compareNames(actual, expected) {
  const a = new Set(actual);
  const e = new Set(expected);
  const missing = [...e].filter((n) => !a.has(n));
  const extra = [...a].filter((n) => !e.has(n));
  return { ok: missing.length === 0 && extra.length === 0 && a.size === actual.length, missing, extra };
}

/**
 * Measures a started server. `seed` says whether to PUT the items first (Almanac); `expected` is
 * the independent calendar-query answer (names) or undefined; `log` prints progress.
 */
export async function measureServer(server, { items, fresh, expected, month, runs, clients, putSeconds, seed, log }) {
  const client = new DavClient(server.origin, server.collection, { password: PASSWORD });
  const out = { label: server.label, checks: [] };
  const check = (what, ok, detail) => { out.checks.push({ what, ok, detail }); if (!ok) log(`  ${server.label}: ${what}: ${detail}`); };

  if (seed) {
    log(`  ${server.label}: seeding ${items.length} items with PUTs (${clients} clients)`);
    out.seed = await putConcurrently(client, items, { clients });
    check('seeding PUTs', out.seed.done === items.length, `${out.seed.done} of ${items.length}`);
  }

  log(`  ${server.label}: first PROPFIND`);
  const first = await client.propfindEtags();
  out.coldPropfind = first.ms;

  log(`  ${server.label}: PROPFIND Depth 1 getetag`);
  const propfind = await timed(runs, () => client.propfindEtags());
  out.propfind = { ms: propfind.ms, bytes: propfind.result.bytes, count: propfind.result.members.length };
  check('PROPFIND lists every item', out.propfind.count === items.length, `${out.propfind.count} of ${items.length}`);

  log(`  ${server.label}: initial sync-collection`);
  const sync = await timed(runs, () => client.syncCollection(''));
  out.syncInitial = { ms: sync.ms, count: sync.result.changed.size, rounds: sync.result.rounds };
  check('initial sync lists every item', out.syncInitial.count === items.length && sync.result.deleted.size === 0, `${out.syncInitial.count} of ${items.length}, ${sync.result.deleted.size} deletions`);
  const etagsAgree = [...sync.result.changed].every(([name, etag]) => propfind.result.members.find((m) => m.name === name)?.etag === etag);
  check('sync and PROPFIND give the same ETags', etagsAgree, 'ETags differ');

  log(`  ${server.label}: calendar-query of one month`);
  const query = await timed(runs, () => client.calendarQuery(month));
  out.query = { ms: query.ms, count: query.result.matches.length };
  if (expected) {
    const cmp = compareNames(query.result.matches, expected);
    out.query.missing = cmp.missing.length;
    out.query.extra = cmp.extra.length;
    out.query.ok = cmp.ok;
    check('calendar-query matches exactly the expected items', cmp.ok, `${query.result.matches.length} matches, expected ${expected.length}: ${cmp.missing.length} missing${example(cmp.missing)}, ${cmp.extra.length} extra${example(cmp.extra)}`);
  }

  log(`  ${server.label}: calendar-multiget of 100`);
  const names = spread(items, 100).map((i) => i.name);
  const multiget = await timed(runs, () => client.multiget(names));
  out.multiget = { ms: multiget.ms, found: multiget.result.found, bytes: multiget.result.bytes };
  check('multiget returns all 100 with calendar-data', multiget.result.found === names.length, `${multiget.result.found} of ${names.length}`);

  log(`  ${server.label}: GET`);
  const gets = spread(items, 25);
  const getTimes = [];
  await client.get(gets[0].name);
  for (const item of gets) {
    const r = await client.get(item.name);
    getTimes.push(r.ms);
    if (r.status !== 200 || !r.text.includes(`UID:${item.uid}`)) check('GET returns the item', false, `${item.name}: HTTP ${r.status}`);
  }
  out.get = { ms: median(getTimes) };

  log(`  ${server.label}: incremental sync-collection after 10 changes`);
  const token = sync.result.token;
  const changedItems = spread(items, 10).map((i) => items[(items.indexOf(i) + 5) % items.length]);
  for (const item of changedItems) await client.put(item.name, renderEvent(item.model, 1));
  const incremental = await timed(runs * 2, () => client.syncCollection(token));
  out.syncIncremental = { ms: incremental.ms, count: incremental.result.changed.size };
  const changedNames = compareNames([...incremental.result.changed.keys()], changedItems.map((i) => i.name));
  check('incremental sync reports exactly the 10 changed items', changedNames.ok && incremental.result.deleted.size === 0, `${incremental.result.changed.size} changed (${changedNames.missing.length} missing, ${changedNames.extra.length} extra), ${incremental.result.deleted.size} deleted`);

  log(`  ${server.label}: PUT throughput (${clients} clients, up to ${fresh.length} new items or ${putSeconds} s)`);
  out.put = await putConcurrently(client, fresh, { clients, seconds: putSeconds });

  out.memory = memory(server.pid);
  return out;
}
