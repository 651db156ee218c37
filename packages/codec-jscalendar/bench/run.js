// Codec benchmark: `pnpm bench` (node --expose-gc bench/run.js, after `npx tsc -b`).
// A 10,000-event calendar: parse+convert (text → JSCalendar) and
// convert+serialize (JSCalendar → text) next to ical.js parsing and
// serialising the same text alone. The recurrence bench follows.
import ICAL from 'ical.js';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseICalendar, stringifyICalendar } from '@almanac/codec-icalendar';
import { icalendarToJSCalendar, jscalendarToICalendar, jscalendarToICalendarText } from '../dist/icalendar/index.js';
import { generateCalendar } from './calendar-generator.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn) {
  fn(); // warm-up
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

const text = generateCalendar(EVENTS);
const bytes = Buffer.byteLength(text);
const jcal = ICAL.parse(text);
const group = icalendarToJSCalendar(text);
if (!group.ok) throw new Error(JSON.stringify(group.errors));
const ourJcal = jscalendarToICalendar(group.value);
if (!ourJcal.ok) throw new Error(JSON.stringify(ourJcal.errors));

const rows = [
  ['ICAL.parse(text)', time(() => ICAL.parse(text)), undefined],
  ['parseICalendar(text) (parse layer)', time(() => parseICalendar(text)), 'ICAL.parse(text)'],
  ['icalendarToJSCalendar(text) (parse+convert)', time(() => icalendarToJSCalendar(text)), 'ICAL.parse(text)'],
  ['ICAL.stringify(jcal)', time(() => ICAL.stringify(jcal)), undefined],
  ['stringifyICalendar(jcal) (serialize layer)', time(() => stringifyICalendar(ourJcal.value)), 'ICAL.stringify(jcal)'],
  ['jscalendarToICalendarText(group) (convert+serialize)', time(() => jscalendarToICalendarText(group.value)), 'ICAL.stringify(jcal)'],
];
const base = Object.fromEntries(rows.map(([n, ms]) => [n, ms]));
const entries = group.value.entries.length;
console.log(`codec-jscalendar bench: ${EVENTS} events (${entries} entries after folding overrides), ${(bytes / 1e6).toFixed(1)} MB, node ${process.version}, median of ${RUNS}`);
const head = ['operation', 'ms', 'events/s', 'vs ical.js'];
const body = rows.map(([name, ms, ref]) => [name, ms.toFixed(1), Math.round(EVENTS / (ms / 1000)).toLocaleString('en'), ref ? `${(ms / base[ref]).toFixed(2)}×` : 'baseline']);
const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const b of body) console.log(line(b));

const recurrence = join(dirname(fileURLToPath(import.meta.url)), 'recurrence.js');
if (existsSync(recurrence)) {
  console.log('');
  spawnSync(process.execPath, ['--expose-gc', recurrence], { stdio: 'inherit' });
}
