import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';

/**
 * Properties whose values may be split over several lines, or repeated,
 * without changing meaning (RFC 5545 §3.8): compared as sets of values.
 */
const MULTI = new Set(['categories', 'resources', 'exdate', 'rdate', 'location-type', 'freebusy']);

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}

function normalise(props: JCalProperty[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of props) {
    const head = [p[0], canonical(p[1]), p[2]];
    if (MULTI.has(p[0])) {
      for (const v of p.slice(3)) {
        const key = canonical([...head, v]);
        if (!seen.has(key)) out.push(key);
        seen.add(key);
      }
    } else out.push(canonical([...head, p.slice(3)]));
  }
  return out;
}

/** A component as one comparable string (property and subcomponent order ignored). */
function fingerprint(c: JCalComponent): string {
  return `${c[0]}|${normalise(c[1]).sort().join('\n')}|${c[2].map(fingerprint).sort().join('\n')}`;
}

/**
 * Differences between two parsed iCalendar objects, compared as data
 * (fixtures README): property, parameter and component order do not matter,
 * values of list properties compare as sets; everything else must be equal
 * (a VALUE= default is already gone after parsing).
 */
export function diffParsedICal(a: JCalComponent, b: JCalComponent, path = ''): string[] {
  const out: string[] = [];
  const rest = new Map<string, number>();
  for (const p of normalise(b[1])) rest.set(p, (rest.get(p) ?? 0) + 1);
  for (const p of normalise(a[1])) {
    const n = rest.get(p) ?? 0;
    if (n > 0) rest.set(p, n - 1);
    else out.push(`${path}/${a[0]} lost ${p}`);
  }
  for (const [p, n] of rest) for (let k = 0; k < n; k++) out.push(`${path}/${a[0]} added ${p}`);
  // Pair identical subcomponents first (linear), then the rest by fewest differences.
  const unmatchedB = new Map<string, number[]>();
  b[2].forEach((c, i) => {
    const f = fingerprint(c);
    unmatchedB.set(f, [...(unmatchedB.get(f) ?? []), i]);
  });
  const used = new Set<number>();
  const leftA: JCalComponent[] = [];
  for (const sub of a[2]) {
    const list = unmatchedB.get(fingerprint(sub));
    const i = list?.shift();
    if (i === undefined) leftA.push(sub);
    else used.add(i);
  }
  for (const sub of leftA) {
    let best = -1;
    let bestDiff: string[] | undefined;
    b[2].forEach((c, i) => {
      if (used.has(i) || c[0] !== sub[0]) return;
      const d = diffParsedICal(sub, c, `${path}/${a[0]}`);
      if (!bestDiff || d.length < bestDiff.length) {
        best = i;
        bestDiff = d;
      }
    });
    if (best < 0) out.push(`${path}/${a[0]} lost component ${sub[0]}`);
    else {
      used.add(best);
      out.push(...bestDiff!);
    }
  }
  b[2].forEach((c, i) => { if (!used.has(i)) out.push(`${path}/${a[0]} added component ${c[0]}`); });
  return out;
}
