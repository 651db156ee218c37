import { convertCalendarData } from '../dist/icalendar/index.js';
import { readFileSync } from 'node:fs';
const t=readFileSync('/work/shared/fixtures/ical.js/samples/daily_recur.ics','utf8');
const j=convertCalendarData(t,{from:'ical',to:'jscalendar',profile:'egroupware'}); console.log(j.ok, j.ok ? j.value.slice(0,700) : j.errors);
const back=convertCalendarData(j.value,{from:'jscalendar',to:'ical'}); console.log(back.ok, back.ok?back.value.slice(0,1500):back.errors, back.warnings);
