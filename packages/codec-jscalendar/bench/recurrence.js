// Recurrence benchmark: expandRecurrence against ical.js's raw RecurIterator doing the same
// iteration (no zones, no overrides, no output objects) as the baseline.
// Run: `node --expose-gc bench/recurrence.js` after `npx tsc -b`; bench/run.js may import
// `runRecurrenceBench()` and print the rows in its own table.
import ICAL from 'ical.js';
import { pathToFileURL } from 'node:url';
import { clearRecurrenceCache, expandRecurrence } from '../dist/recurrence/index.js';

const YEAR_2024 = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z') };

/** The cases: a JSCalendar event and range, and the raw ical.js iteration that matches it. */
const CASES = [
  {
    name: 'daily, one year (366 instances)',
    event: { start: '2024-01-01T09:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H', recurrenceRules: [{ frequency: 'daily' }] },
    range: YEAR_2024,
    baseline: { rrule: 'FREQ=DAILY', start: '2024-01-01T09:00:00', until: '2025-01-01T00:00:00' },
  },
  {
    name: 'daily, one year, floating (UTC)',
    event: { start: '2024-01-01T09:00:00', duration: 'PT1H', recurrenceRules: [{ frequency: 'daily' }] },
    range: YEAR_2024,
    baseline: { rrule: 'FREQ=DAILY', start: '2024-01-01T09:00:00', until: '2025-01-01T00:00:00' },
  },
  {
    name: 'weekly MO,WE,FR, one year (157)',
    event: { start: '2024-01-01T09:00:00', timeZone: 'America/New_York', duration: 'PT1H', recurrenceRules: [{ frequency: 'weekly', byDay: [{ day: 'mo' }, { day: 'we' }, { day: 'fr' }] }] },
    range: YEAR_2024,
    baseline: { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', start: '2024-01-01T09:00:00', until: '2025-01-01T00:00:00' },
  },
  {
    name: 'monthly last weekday (BYSETPOS=-1), one year (12)',
    event: { start: '2024-01-31T09:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H', recurrenceRules: [{ frequency: 'monthly', byDay: ['mo', 'tu', 'we', 'th', 'fr'].map((day) => ({ day })), bySetPosition: [-1] }] },
    range: YEAR_2024,
    baseline: { rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', start: '2024-01-31T09:00:00', until: '2025-01-01T00:00:00' },
  },
  {
    name: 'one week in 2060 of a daily series from 2010 (7)',
    event: { start: '2010-01-01T09:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H', recurrenceRules: [{ frequency: 'daily' }] },
    range: { from: new Date('2060-01-01T00:00:00Z'), to: new Date('2060-01-08T00:00:00Z') },
    // ical.js alone cannot start later: it iterates the 50 years.
    baseline: { rrule: 'FREQ=DAILY', start: '2010-01-01T09:00:00', until: '2060-01-08T00:00:00' },
  },
];

function rawIcal({ rrule, start, until }) {
  const end = ICAL.Time.fromDateTimeString(until);
  const it = ICAL.Recur.fromString(rrule).iterator(ICAL.Time.fromDateTimeString(start));
  let n = 0;
  for (let t = it.next(); t !== null && t.compare(end) < 0; t = it.next()) n++;
  return n;
}

/** Median microseconds per call of `fn`, after warming up; runs for about `budgetMs`. */
function measure(fn, budgetMs = 400) {
  for (let i = 0; i < 20; i++) fn();
  globalThis.gc?.();
  const samples = [];
  const stop = performance.now() + budgetMs;
  while (performance.now() < stop || samples.length < 15) {
    const t0 = performance.now();
    fn();
    samples.push((performance.now() - t0) * 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/**
 * Runs every case; returns rows `{ name, instances, coldUs, warmUs, icalUs, icalSteps }`: cold is
 * a first expansion (the occurrence cache emptied before each run), warm a repeated one.
 */
export function runRecurrenceBench() {
  return CASES.map((c) => {
    const result = expandRecurrence(c.event, c.range);
    if (!result.ok) throw new Error(`${c.name}: ${JSON.stringify(result.errors)}`);
    return {
      name: c.name,
      instances: result.value.instances.length,
      coldUs: measure(() => {
        clearRecurrenceCache();
        expandRecurrence(c.event, c.range);
      }),
      warmUs: measure(() => expandRecurrence(c.event, c.range)),
      icalUs: measure(() => rawIcal(c.baseline)),
      icalSteps: rawIcal(c.baseline),
    };
  });
}

function printTable(rows) {
  const head = ['case', 'instances', 'expandRecurrence cold µs', 'warm µs', 'ical.js raw iterator µs (occurrences)'];
  const body = rows.map((r) => [r.name, String(r.instances), r.coldUs.toFixed(0), r.warmUs.toFixed(0), `${r.icalUs.toFixed(0)} (${r.icalSteps})`]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`recurrence (node ${process.version}, median per expansion)`);
  printTable(runRecurrenceBench());
}
