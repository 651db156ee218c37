import { parseVCards } from '@almanac/codec-vcard';
import { vcardToJSContact } from './dist/vcard/index.js';
import { generateVCards } from './bench/vcard-generator.js';
const texts = generateVCards(10000);
const jcards = texts.map((t) => parseVCards(t).value[0]);
const v4 = jcards.filter((_, i) => i % 2 === 0), v3 = jcards.filter((_, i) => i % 2 === 1);
let sink;
for (const [k, list] of Object.entries({ v4, v3, all: jcards })) {
  for (let w = 0; w < 3; w++) for (const c of list) sink = vcardToJSContact(c);
  const t0 = process.cpuUsage();
  for (let r = 0; r < 5; r++) for (const c of list) sink = vcardToJSContact(c);
  const u = process.cpuUsage(t0);
  console.log(k.padEnd(8), ((u.user + u.system) / (5 * list.length)).toFixed(2), 'µs/card');
}
