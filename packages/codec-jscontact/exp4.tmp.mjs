import { parseVCards } from '@almanac/codec-vcard';
import { vcardToJSContact, jscontactToVCard } from './dist/vcard/index.js';
import { generateVCards } from './bench/vcard-generator.js';
const texts = generateVCards(10000);
const jcards = texts.map((t) => parseVCards(t).value[0]);
const cards = jcards.map((j) => vcardToJSContact(j).value);
let sink;
const steps = { parse: () => { for (const t of texts) sink = parseVCards(t); }, from: () => { for (const c of jcards) sink = vcardToJSContact(c); }, both: () => { for (const t of texts) sink = vcardToJSContact(parseVCards(t).value[0]); }, to: () => { for (const c of cards) sink = jscontactToVCard(c); } };
const res = {};
for (let r = 0; r < 9; r++) for (const [k, f] of Object.entries(steps)) { const t0 = process.cpuUsage(); f(); const u = process.cpuUsage(t0); if (r >= 2) (res[k] ??= []).push((u.user + u.system) / 1000); }
for (const [k, l] of Object.entries(res)) console.log(k, l.sort((a, b) => a - b)[3].toFixed(0));
