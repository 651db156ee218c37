/**
 * IANA time zone offsets through the platform's Intl (no tz database of our
 * own), read once per zone and year into a table of transitions.
 */

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** True when the platform knows `zone` as an IANA time zone name (links like `US/Eastern` too). */
export function isIanaZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  return formatter(zone) !== null;
}

/** Offset from UTC in seconds of `zone` at the UTC instant `utcMs`; NaN for an unknown zone. */
export function ianaOffsetAt(zone: string, utcMs: number): number {
  if (!Number.isFinite(utcMs)) return Number.NaN;
  if (utcMs < MIN || utcMs >= MAX) return intlOffset(zone, utcMs);
  let t = tables.get(zone);
  if (t === undefined) {
    if (formatter(zone) === null) return Number.NaN;
    t = load(zone, yearStart(utcMs), yearStart(utcMs) + 1);
    tables.set(zone, t);
  }
  if (utcMs < t.from || utcMs >= t.to) {
    // Far from the loaded years: answer directly (cached by quarter hour)
    // rather than loading every year in between.
    if (utcMs < t.from - FAR || utcMs >= t.to + FAR) return sparseOffset(zone, utcMs);
    extend(zone, t, utcMs);
  }
  // Binary search the last transition at or before utcMs.
  const times = t.times;
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= utcMs) lo = mid;
    else hi = mid - 1;
  }
  return t.offsets[lo]!;
}

/**
 * Offsets of one zone over a range of whole years: `offsets[i]` holds from
 * `times[i]` on. Built once per zone and year from daily Intl samples (every
 * transition is found to the quarter hour), then read by binary search.
 */
interface ZoneTable {
  from: number;
  to: number;
  times: number[];
  offsets: number[];
}

const tables = new Map<string, ZoneTable>();
const MIN = Date.UTC(1800, 0, 1);
const MAX = Date.UTC(2300, 0, 1);
const DAY = 86_400_000;
const FAR = 10 * 366 * DAY;
const STEP = 7 * DAY;
const sparse = new Map<string, number>();

/** The offset at one instant without loading the zone's year table (for one-off probes). */
export function sparseOffset(zone: string, utcMs: number): number {
  const key = `${zone}|${Math.floor(utcMs / 900_000)}`;
  let o = sparse.get(key);
  if (o === undefined) {
    o = intlOffset(zone, utcMs);
    if (sparse.size > 10_000) sparse.clear();
    sparse.set(key, o);
  }
  return o;
}

function yearStart(utcMs: number): number {
  return new Date(utcMs).getUTCFullYear();
}

function load(zone: string, fromYear: number, toYear: number): ZoneTable {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 0, 1);
  const times = [from];
  const offsets = [intlOffset(zone, from)];
  let prev = offsets[0]!;
  // Weekly samples: no zone changes its offset twice within a week.
  for (let t = from + STEP; t < to + STEP; t += STEP) {
    const o = intlOffset(zone, Math.min(t, to - 1));
    if (o === prev) continue;
    // Every transition in the tz database falls on a quarter hour of UTC.
    let lo = t - STEP;
    let hi = Math.min(t, to - 1);
    while (hi - lo > 900_000) {
      const mid = lo + Math.max(1, Math.floor((hi - lo) / 1_800_000)) * 900_000;
      if (intlOffset(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    times.push(hi);
    offsets.push(o);
    prev = o;
  }
  return { from, to, times, offsets };
}

function extend(zone: string, t: ZoneTable, utcMs: number): void {
  const year = yearStart(utcMs);
  if (utcMs < t.from) {
    const before = load(zone, year, new Date(t.from).getUTCFullYear());
    // Merge: drop the first entry of the old table when it only repeats the offset.
    const sameAsLast = before.offsets[before.offsets.length - 1] === t.offsets[0];
    t.times = [...before.times, ...(sameAsLast ? t.times.slice(1) : t.times)];
    t.offsets = [...before.offsets, ...(sameAsLast ? t.offsets.slice(1) : t.offsets)];
    t.from = before.from;
  } else {
    const after = load(zone, new Date(t.to).getUTCFullYear(), year + 1);
    const sameAsLast = after.offsets[0] === t.offsets[t.offsets.length - 1];
    t.times = [...t.times, ...(sameAsLast ? after.times.slice(1) : after.times)];
    t.offsets = [...t.offsets, ...(sameAsLast ? after.offsets.slice(1) : after.offsets)];
    t.to = after.to;
  }
}

/** The offset as Intl computes it for one instant (uncached). */
function intlOffset(zone: string, utcMs: number): number {
  const f = formatter(zone);
  if (!f) return Number.NaN;
  const parts = f.formatToParts(new Date(utcMs));
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': y = +p.value; break;
      case 'month': mo = +p.value; break;
      case 'day': d = +p.value; break;
      case 'hour': h = +p.value; break;
      case 'minute': mi = +p.value; break;
      case 'second': s = +p.value; break;
      case 'era': bc = p.value === 'BC' || p.value === 'B'; break;
    }
  }
  const wall = Date.UTC(bc ? 1 - y : y, mo - 1, d, h, mi, s);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 1000);
}
