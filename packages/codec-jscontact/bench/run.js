// Throughput of the vCard ⇄ JSContact conversion next to ical.js parsing and serializing the
// same text alone. Run after building: `pnpm build && pnpm bench` (or `node bench/run.js`).
//
//   parse + convert      parseVCards(text) then vcardToJSContact(jcard)   vs ICAL.parse(text)
//   convert + serialize  jscontactToVCard(card) then stringifyVCard(jcard) vs ICAL.stringify(jcard)
//
// Target: each conversion within 1.5× of ical.js's own parse or serialize time.
// Options: --cards N (default 10000), --runs N (default 7), --seed N (default 42).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseVCards, stringifyVCard } from '@almanac/codec-vcard';
import { jscontactToVCard, vcardToJSContact } from '../dist/vcard/index.js';
import { generateVCards } from './vcard-generator.js';

// ical.js is a dependency of codec-vcard (not of this package): resolve it from there.
const requireFromVcard = createRequire(import.meta.resolve('@almanac/codec-vcard'));
const { default: ICAL } = await import(pathToFileURL(requireFromVcard.resolve('ical.js')).href);

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}
const count = option('cards', 10000);
const runs = option('runs', 7);
const texts = generateVCards(count, option('seed', 42));
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);

function must(parsed, what) {
  if (!parsed.ok) throw new Error(`${what} failed: ${JSON.stringify(parsed.errors).slice(0, 300)}`);
  return parsed.value;
}

// Each step converts the cards one by one and keeps only the last result, as a server does per
// request (keeping 10,000 results alive would measure the garbage collector's old generation).
let sink;
const each = (list, fn) => () => {
  for (let i = 0; i < list.length; i++) sink = fn(list[i]);
};

// Steps are interleaved (each once per round) so that a busy machine slows all of them alike;
// two warm-up rounds, then `runs` measured rounds, in CPU milliseconds of this process.
function measure(steps) {
  const times = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  for (let round = 0; round < runs + 2; round++) {
    for (const [key, fn] of Object.entries(steps)) {
      globalThis.gc?.();
      // CPU time (user + system) is less disturbed than wall time by other processes.
      const t0 = process.cpuUsage();
      fn();
      const used = process.cpuUsage(t0);
      if (round >= 2) times[key].push((used.user + used.system) / 1000);
    }
  }
  return times;
}

// Reading: only the texts are alive.
const readTimes = measure({
  icalParse: each(texts, (t) => ICAL.parse(t)),
  vcardParse: each(texts, (t) => must(parseVCards(t), 'parseVCards')[0]),
  toJson: each(texts, (t) => must(vcardToJSContact(must(parseVCards(t), 'parseVCards')[0]), 'vcardToJSContact')),
});

// Writing: the inputs of each serializer, made once (the same cards in each form).
let icalCards = texts.map((t) => ICAL.parse(t));
let jcards = texts.map((t) => must(parseVCards(t), 'parseVCards')[0]);
let cards = texts.map((t) => must(vcardToJSContact(must(parseVCards(t), 'parseVCards')[0]), 'vcardToJSContact'));
const out40 = cards.map((c) => stringifyVCard(must(jscontactToVCard(c, { version: '4.0' }), 'jscontactToVCard')));
const writeTimes = measure({
  icalStringify: each(icalCards, (c) => ICAL.stringify(c)),
  vcardStringify: each(jcards, (c) => stringifyVCard(c)),
  convertOnly: each(cards, (c) => must(jscontactToVCard(c), 'jscontactToVCard')),
  toText40: each(cards, (c) => stringifyVCard(must(jscontactToVCard(c, { version: '4.0' }), 'jscontactToVCard'))),
  toText30: each(cards, (c) => stringifyVCard(must(jscontactToVCard(c, { version: '3.0' }), 'jscontactToVCard'))),
});
icalCards = jcards = cards = undefined;
const times = { ...readTimes, ...writeTimes };
const median = (list) => list.slice().sort((a, b) => a - b)[Math.floor(list.length / 2)];
const icalParse = median(times.icalParse);
const vcardParse = median(times.vcardParse);
const toJson = median(times.toJson);
const icalStringify = median(times.icalStringify);
const vcardStringify = median(times.vcardStringify);
const convertOnly = median(times.convertOnly);
const toText40 = median(times.toText40);
const toText30 = median(times.toText30);

const perSecond = (ms) => Math.round((count / ms) * 1000).toLocaleString('en-US');
const rows = [
  ['ICAL.parse (text → jCard)', icalParse, undefined],
  ['parseVCards (text → jCard)', vcardParse, icalParse],
  ['parse + convert (text → JSContact)', toJson, icalParse],
  ['ICAL.stringify (jCard → text)', icalStringify, undefined],
  ['stringifyVCard (jCard → text)', vcardStringify, icalStringify],
  ['jscontactToVCard alone (JSContact → jCard 4.0)', convertOnly, undefined],
  ['convert + serialize (JSContact → text 4.0)', toText40, icalStringify],
  ['convert + serialize (JSContact → text 3.0)', toText30, icalStringify],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${count.toLocaleString('en-US')} generated vCards (half 3.0, half 4.0), ${(bytes / 1048576).toFixed(1)} MiB; median CPU time of ${runs} runs, Node ${process.version}`);
console.log('');
console.log(`${'step'.padEnd(width)}  ${'ms'.padStart(8)}  ${'cards/s'.padStart(10)}  vs ical.js`);
console.log(`${'-'.repeat(width)}  ${'-'.repeat(8)}  ${'-'.repeat(10)}  ----------`);
let failed = false;
for (const [label, ms, base] of rows) {
  const ratio = base === undefined ? '' : `${(ms / base).toFixed(2)}×`;
  const target = base !== undefined && label.includes('convert') && !label.includes('alone');
  if (target && ms / base > 1.5) failed = true;
  console.log(`${label.padEnd(width)}  ${ms.toFixed(1).padStart(8)}  ${perSecond(ms).padStart(10)}  ${ratio}${target ? (ms / base > 1.5 ? '  (over the 1.5× target)' : '  (target ≤ 1.5×)') : ''}`);
}
console.log('');
console.log(`output: ${(out40.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1048576).toFixed(1)} MiB of vCard 4.0`);
if (failed) process.exitCode = 1;
