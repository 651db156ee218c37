import { icalendarToJSCalendarGroups, jscalendarToICalendar } from '../dist/icalendar/index.js';
import { stringifyICalendar } from '@almanac/codec-icalendar';
import { applyMutations } from './mutations.js';
import { readFileSync } from 'node:fs';
const F='/work/shared/fixtures/';
const idx = JSON.parse(readFileSync(F+'calcard/index-ical.json','utf8'));
const corpus = idx.entries.map(e => new TextDecoder().decode(readFileSync(F+'calcard/'+e.files.input))).filter(t => t.length < 30000);
const [i, muts] = JSON.parse(process.argv[2]);
const bytes = applyMutations(corpus[i], muts);
const a = icalendarToJSCalendarGroups(bytes);
const text = stringifyICalendar(a.value.map(g => jscalendarToICalendar(g, { fillRequired: false }).value));
const b = icalendarToJSCalendarGroups(text);
const cj=(v)=>JSON.stringify(v,(k,x)=>x&&typeof x==='object'&&!Array.isArray(x)?Object.fromEntries(Object.entries(x).sort(([p],[q])=>p<q?-1:p>q?1:0)):x);
const A = cj(a.value), B = cj(b.value);
if (A === B) { console.log('SAME'); process.exit(0); }
let k = 0; while (A[k] === B[k]) k++;
console.log(A.slice(Math.max(0,k-400), k+200)); console.log('----'); console.log(B.slice(Math.max(0,k-400), k+200));
