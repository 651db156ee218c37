import { parseVCards, stringifyVCard } from '@almanac/codec-vcard';
import { jscontactToVCard, vcardToJSContact } from './dist/vcard/index.js';
import { generateVCards } from './bench/vcard-generator.js';
const texts = generateVCards(10000);
const mode = process.argv[2];
const jcards = texts.map((t) => parseVCards(t).value[0]);
const cards = jcards.map((j) => vcardToJSContact(j).value);
for (let r = 0; r < 12; r++) {
  const t0 = performance.now();
  if (mode === 'from') for (const j of jcards) vcardToJSContact(j);
  else if (mode === 'parse') for (const t of texts) parseVCards(t);
  else for (const c of cards) jscontactToVCard(c);
  console.log(mode, (performance.now() - t0).toFixed(0));
}
