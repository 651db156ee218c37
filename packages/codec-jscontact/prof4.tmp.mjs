import { parseVCards } from '@almanac/codec-vcard';
import { generateVCards } from './bench/vcard-generator.js';
const texts = generateVCards(10000);
let sink;
for (let r = 0; r < 25; r++) for (const t of texts) sink = parseVCards(t);
