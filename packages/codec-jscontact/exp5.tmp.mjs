import { parseVCards } from '@almanac/codec-vcard';
import { vcardToJSContact } from './dist/vcard/index.js';
import { generateVCards } from './bench/vcard-generator.js';
const all = generateVCards(10000);
let sink;
for (const [label, texts] of [['v4', all.filter((_, i) => i % 2 === 0)], ['v3', all.filter((_, i) => i % 2 === 1)]]) {
  const jcards = texts.map((t) => parseVCards(t).value[0]);
  const steps = { parse: () => { for (const t of texts) sink = parseVCards(t); }, from: () => { for (const c of jcards) sink = vcardToJSContact(c); }, both: () => { for (const t of texts) sink = vcardToJSContact(parseVCards(t).value[0]); } };
  const res = {};
  for (let r = 0; r < 9; r++) for (const [k, f] of Object.entries(steps)) { const t0 = process.cpuUsage(); f(); const u = process.cpuUsage(t0); if (r >= 2) (res[k] ??= []).push((u.user + u.system) / 1000); }
  console.log(label, Object.entries(res).map(([k, l]) => k + ' ' + l.sort((a, b) => a - b)[3].toFixed(0)).join('  '));
}
