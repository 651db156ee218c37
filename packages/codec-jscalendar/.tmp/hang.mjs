import { convertCalendarData } from '../dist/icalendar/index.js';
import { parseJSCalendarInput } from '../dist/index.js';
console.log('start');
for (const s of ['', 'x', '{}', '[]', 'BEGIN:VEVENT', '{"a":1}', '"x"', 'null']) {
  for (const from of ['ical','jscalendar']) for (const to of ['ical','jscalendar']) {
    const t=Date.now(); convertCalendarData(s, {from, to}); if (Date.now()-t>100) console.log('slow', JSON.stringify(s), from, to, Date.now()-t);
  }
}
console.log('done convert');
for (const v of [null, 1, 'x', [], {}, {'@type':'Event'}, {start: 'x'}, {'@type':'Group', entries:[{}]}]) { const t=Date.now(); parseJSCalendarInput(v); console.log(JSON.stringify(v), Date.now()-t); }
