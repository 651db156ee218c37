import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { convertCalendarData } from '../dist/icalendar/index.js';
const samples = fc.sample(fc.tuple(fc.string({ maxLength: 200 }), fc.constantFrom('ical', 'jscalendar'), fc.constantFrom('ical', 'jscalendar')), { numRuns: 3000, seed: Number(process.argv[2] ?? 1) });
for (const [s, from, to] of samples) { writeFileSync('/tmp/last-input.json', JSON.stringify([s, from, to])); convertCalendarData(s, { from, to }); }
console.log('ok');
