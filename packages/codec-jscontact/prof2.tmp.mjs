import { parseVCards } from '@almanac/codec-vcard';
import { vcardToJSContact } from './dist/vcard/index.js';
import { generateVCards } from './bench/vcard-generator.js';
const texts = generateVCards(10000);
let sink;
for (let r = 0; r < 10; r++) for (const t of texts) sink = vcardToJSContact(parseVCards(t).value[0]);
