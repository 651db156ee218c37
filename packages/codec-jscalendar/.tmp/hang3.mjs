import fc from 'fast-check';
import { writeFileSync, readFileSync } from 'node:fs';
import { parseICalendar, stringifyICalendar } from '@almanac/codec-icalendar';
import { icalendarToJSCalendarGroups, jscalendarToICalendar } from '../dist/icalendar/index.js';
import { applyMutations, mutationArb } from './mutations.js';
const F='/work/shared/fixtures/';
const idx = JSON.parse(readFileSync(F+'calcard/index-ical.json','utf8'));
const corpus = idx.entries.map(e => new TextDecoder().decode(readFileSync(F+'calcard/'+e.files.input))).filter(t => t.length < 30000);
const samples = fc.sample(fc.nat({ max: corpus.length - 1 }).chain((i) => fc.tuple(fc.constant(i), mutationArb(corpus[i].split('\n').length))), { numRuns: 700, seed: Number(process.argv[2]) });
let n = 0;
for (const [i, muts] of samples) {
  writeFileSync('/tmp/last-input.json', JSON.stringify([i, muts]));
  const t = Date.now();
  const source = parseICalendar(applyMutations(corpus[i], muts));
  if (!source.ok) continue;
  const a = icalendarToJSCalendarGroups(source.value.filter(c => c[0]==='vcalendar'));
  if (!a.ok) continue;
  const text = stringifyICalendar(a.value.map(g => jscalendarToICalendar(g, { fillRequired: false }).value));
  parseICalendar(text);
  if (Date.now() - t > 2000) console.log('slow', Date.now() - t, JSON.stringify([i, muts]).slice(0, 300));
  n++;
}
console.log('ok', n);
