import { parseVCards } from '@almanac/codec-vcard';
import { vcardToJSContact } from './dist/vcard/index.js';
import { generateVCards } from './bench/vcard-generator.js';
const texts = generateVCards(10000);
const jcards = texts.map((t) => parseVCards(t).value[0]);
let sink;
for (let r = 0; r < 25; r++) for (const c of jcards) sink = vcardToJSContact(c);
