// The printed result of the DAV benchmark: one table per size (a row per operation, a column per
// server, the ratio of each Almanac column to the faster peer) and the checks of issue 5's targets.

const f = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(digits));

/** The rows: how to read a value of a result, and whether lower or higher is better. */
export const ROWS = [
  { key: 'propfind', label: 'PROPFIND Depth 1 getetag (ms)', value: (r) => r.propfind?.ms, better: 'lower', target: 'listing' },
  { key: 'syncInitial', label: 'sync-collection initial (ms)', value: (r) => r.syncInitial?.ms, better: 'lower', target: 'listing' },
  { key: 'syncIncremental', label: 'sync-collection incremental, 10 changed (ms)', value: (r) => r.syncIncremental?.ms, better: 'lower', target: 'listing' },
  { key: 'query', label: 'calendar-query 1 month, getetag (ms)', value: (r) => r.query?.ms, better: 'lower', target: 'query' },
  { key: 'matches', label: 'calendar-query matches', text: (r, e) => matchesText(r, e) },
  { key: 'multiget', label: 'calendar-multiget 100, calendar-data (ms)', value: (r) => r.multiget?.ms, better: 'lower', target: 'multiget' },
  { key: 'get', label: 'GET one item (ms)', value: (r) => r.get?.ms, better: 'lower' },
  { key: 'put', label: 'PUT new items, 8 clients (PUT/s)', value: (r) => r.put?.rate, better: 'higher', target: 'put' },
  { key: 'seed', label: 'seeding PUTs 0 → N, 8 clients (PUT/s)', value: (r) => r.seed?.rate, better: 'higher', peers: false },
  { key: 'coldPropfind', label: 'first PROPFIND after start (ms)', value: (r) => r.coldPropfind, better: 'lower' },
  { key: 'memory', label: 'peak RSS, VmHWM (MB)', value: (r) => r.memory?.peak, better: 'lower', memory: true },
];

function matchesText(r, expected) {
  if (!r.query) return '–';
  if (!expected) return String(r.query.count);
  return r.query.ok ? `${r.query.count} ✓` : `${r.query.count} ✗ (−${r.query.missing} +${r.query.extra})`;
}

/**
 * How many times better Almanac is than the faster peer on a row (> 1: Almanac wins); for memory
 * the plain ratio Almanac / smaller peer (< 1: Almanac uses less). Undefined without a peer value.
 */
export function ratioToFasterPeer(row, almanac, peers) {
  const a = row.value(almanac);
  const values = peers.map((p) => row.value(p)).filter((v) => v !== undefined && !Number.isNaN(v));
  if (a === undefined || values.length === 0) return undefined;
  if (row.memory) return a / Math.min(...values);
  return row.better === 'lower' ? Math.min(...values) / a : a / Math.max(...values);
}

function table(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(fmt)].join('\n');
}

/** The table of one size. `results`: Almanac results first, then the peers (`peer: true`). */
export function sizeTable(size, results, { runs, expected }) {
  const almanacs = results.filter((r) => !r.peer);
  const peers = results.filter((r) => r.peer);
  const header = ['operation', ...results.map((r) => r.label), ...(peers.length ? almanacs.map((a) => `ratio ${a.label.replace(/^Almanac \((.*)\)$/, '$1')}`) : [])];
  const lines = ROWS.map((row) => {
    const cells = results.map((r) => (row.text ? row.text(r, expected) : row.peers === false && r.peer ? '–' : f(row.value(r))));
    const label = row.key === 'matches' && expected ? `${row.label} (expected ${expected.length})` : row.label;
    const ratios = peers.length ? almanacs.map((a) => {
      if (row.text || row.peers === false) return '';
      const x = ratioToFasterPeer(row, a, peers);
      return x === undefined ? '–' : row.memory ? `${f(x, 2)}× the smaller` : `${f(x, x < 10 ? 2 : 1)}×`;
    }) : [];
    return [label, ...cells, ...ratios];
  });
  return `\n${size} items per collection (median of ${runs} runs after one untimed run; incremental sync: ${runs * 2} runs)\n\n${table(header, lines)}`;
}

/**
 * The targets of issue 5, checked at the largest size: at least 10× the faster peer on every
 * listing, query and multiget; hundreds (≥ 200) of PUT/s with 8 clients; incremental sync time
 * independent of the collection size (largest ≤ 1.5× smallest); exactly the right matches.
 */
export function targetChecks(bySize) {
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  const big = sizes[sizes.length - 1];
  const small = sizes[0];
  const lines = [];
  const verdict = (ok) => (ok === undefined ? 'n/a ' : ok ? 'pass' : 'MISS');
  const bigResults = bySize.get(big).results;
  const peers = bigResults.filter((r) => r.peer);
  for (const a of bigResults.filter((r) => !r.peer)) {
    for (const row of ROWS.filter((r) => ['listing', 'query', 'multiget'].includes(r.target))) {
      const x = ratioToFasterPeer(row, a, peers);
      lines.push(`${verdict(x === undefined ? undefined : x >= 10)}  ${a.label} ${row.label.replace(/ \(ms\)$/, '')} at ${big}: ${x === undefined ? 'no peer' : `${f(x, 2)}× the faster peer`} (target ≥ 10×)`);
    }
    const put = a.put?.rate;
    lines.push(`${verdict(put === undefined ? undefined : put >= 200)}  ${a.label} PUT with 8 clients at ${big}: ${f(put)} PUT/s (target: hundreds, ≥ 200; peers: ${peers.map((p) => `${p.label} ${f(p.put?.rate)}`).join(', ') || 'none'})`);
    if (small !== big) {
      const s = bySize.get(small).results.find((r) => r.label === a.label)?.syncIncremental?.ms;
      const b = a.syncIncremental?.ms;
      const ratio = s && b ? b / s : undefined;
      lines.push(`${verdict(ratio === undefined ? undefined : ratio <= 1.5)}  ${a.label} incremental sync ${big} vs ${small} items: ${f(b, 2)} ms vs ${f(s, 2)} ms = ${f(ratio, 2)}× (target ≤ 1.5×: independent of the size)`);
    }
    for (const size of sizes) {
      const { results, expected } = bySize.get(size);
      const r = results.find((x) => x.label === a.label);
      if (!expected || !r?.query) continue;
      lines.push(`${verdict(r.query.ok)}  ${a.label} calendar-query matches at ${size}: ${r.query.count} of ${expected.length} expected (${r.query.missing} missing, ${r.query.extra} extra)`);
    }
    const failed = sizes.flatMap((size) => (bySize.get(size).results.find((x) => x.label === a.label)?.checks ?? []).filter((c) => !c.ok && !c.what.startsWith('calendar-query')).map((c) => `${size}: ${c.what} (${c.detail})`));
    lines.push(`${verdict(failed.length === 0)}  ${a.label} answers correct otherwise (listing counts, ETags, multiget, GET, incremental sync): ${failed.length ? failed.join('; ') : 'all'}`);
  }
  for (const p of peers) {
    const wrong = sizes.flatMap((size) => (bySize.get(size).results.find((x) => x.label === p.label)?.checks ?? []).filter((c) => !c.ok).map((c) => `${size}: ${c.what} (${c.detail})`));
    lines.push(`info  ${p.label}: ${wrong.length ? wrong.join('; ') : 'all answers as expected'}`);
  }
  return `\nTargets (issue 5)\n\n${lines.join('\n')}`;
}
