import { parseVCards } from '@almanac/codec-vcard';
import { vcardToJSContact } from './dist/vcard/index.js';
import { generateVCards } from './bench/vcard-generator.js';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const req = createRequire(import.meta.resolve('@almanac/codec-vcard'));
const { default: ICAL } = await import(pathToFileURL(req.resolve('ical.js')).href);
const texts = generateVCards(10000);
const mode = process.argv[2];
let sink;
const jcards = mode === 'from' ? texts.map((t) => parseVCards(t).value[0]) : undefined;
const f = { ical: () => { for (const t of texts) sink = ICAL.parse(t); }, parse: () => { for (const t of texts) sink = parseVCards(t); }, both: () => { for (const t of texts) sink = vcardToJSContact(parseVCards(t).value[0]); }, from: () => { for (const c of jcards) sink = vcardToJSContact(c); } }[mode];
const res = [];
for (let r = 0; r < (process.env.R ? Number(process.env.R) : 9); r++) { globalThis.gc?.(); const t0 = process.cpuUsage(); f(); const u = process.cpuUsage(t0); if (r >= 2) res.push((u.user + u.system) / 1000); }
console.log(mode, res.sort((a, b) => a - b)[3].toFixed(0));
