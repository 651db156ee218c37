import ICAL from 'ical.js';
import { icalendarToJSCalendar, jscalendarToICalendarText } from '/work/main/packages/codec-jscalendar/dist/icalendar/index.js';
import { parseICalendar, stringifyICalendar } from '/work/main/packages/codec-icalendar/dist/index.js';
import { generateCalendar } from '/work/main/packages/codec-jscalendar/bench/calendar-generator.js';
const text = generateCalendar(10000);
const g = icalendarToJSCalendar(text).value; const jcal = ICAL.parse(text);
const fns = { icalParse: () => ICAL.parse(text), parse: () => parseICalendar(text), fwd: () => icalendarToJSCalendar(text), icalStr: () => ICAL.stringify(jcal), rev: () => jscalendarToICalendarText(g) };
const res = Object.fromEntries(Object.keys(fns).map(k => [k, []]));
for (let r = 0; r < 5; r++) for (const [k, f] of Object.entries(fns)) { global.gc?.(); const t = performance.now(); f(); res[k].push(performance.now() - t); }
const med = (xs) => xs.sort((a,b)=>a-b)[Math.floor(xs.length/2)];
const m = Object.fromEntries(Object.entries(res).map(([k,v])=>[k, med(v)]));
console.log(Object.entries(m).map(([k,v])=>`${k}=${v.toFixed(0)}`).join(' '), ` fwd/parse=${(m.fwd/m.icalParse).toFixed(2)} parse/ical=${(m.parse/m.icalParse).toFixed(2)} rev/str=${(m.rev/m.icalStr).toFixed(2)}`);
