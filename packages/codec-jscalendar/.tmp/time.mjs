import { icalendarToJSCalendarGroups, jscalendarToICalendar } from '../dist/icalendar/index.js';
import { parseICalendar, stringifyICalendar } from '@almanac/codec-icalendar';
import { readFileSync, readdirSync } from 'node:fs';
const d='/work/shared/fixtures/calcard/resources/ical';
for (const f of readdirSync(d).filter(f=>f.endsWith('.ics'))) {
  const t0=performance.now();
  const p=parseICalendar(new Uint8Array(readFileSync(d+'/'+f)));
  const a=icalendarToJSCalendarGroups(p.value);
  const t1=performance.now();
  const text=stringifyICalendar(a.value.map(g=>jscalendarToICalendar(g,{fillRequired:false}).value));
  const t2=performance.now();
  if (t2-t0>300) console.log(f, (t1-t0).toFixed(0), (t2-t1).toFixed(0));
}
