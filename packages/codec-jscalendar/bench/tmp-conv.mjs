import { icalendarToJSCalendarGroups } from '../dist/icalendar/index.js';
import { parseICalendar } from '@almanac/codec-icalendar';
import { generateCalendar } from './calendar-generator.js';
const text = generateCalendar(10000);
const jcal = parseICalendar(text).value;
for (let i = 0; i < 8; i++) { const t = performance.now(); icalendarToJSCalendarGroups(structuredClone(jcal)); if (i>2) console.log('convert only', (performance.now() - t).toFixed(0)); }
