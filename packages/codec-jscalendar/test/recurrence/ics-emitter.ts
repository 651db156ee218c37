// A tiny JSCalendar -> iCalendar writer for the oracle test only (the package's real converter is
// written separately). Handles what the case generator produces: one Event with at most one rule,
// recurrenceOverrides as EXDATE / RDATE / RECURRENCE-ID components.
import { DateTime } from 'luxon';
import type { RecurrenceRule, RecurringObject } from '../../src/recurrence/index.js';

const FREQ: Record<string, string> = {
  yearly: 'YEARLY', monthly: 'MONTHLY', weekly: 'WEEKLY', daily: 'DAILY', hourly: 'HOURLY', minutely: 'MINUTELY', secondly: 'SECONDLY',
};

/** `2024-01-02T03:04:05` -> `20240102T030405`; all-day: `20240102`. */
function compact(local: string, allDay: boolean): string {
  const digits = local.replace(/[-:]/g, '');
  return allDay ? digits.slice(0, 8) : digits.slice(0, 15);
}

function dateProp(name: string, local: string, zone: string | null, allDay: boolean): string {
  if (allDay) return `${name};VALUE=DATE:${compact(local, true)}`;
  if (zone === null) return `${name}:${compact(local, false)}`;
  return `${name};TZID=${zone}:${compact(local, false)}`;
}

function rrule(rule: RecurrenceRule, zone: string | null, allDay: boolean): string {
  const parts = [`FREQ=${FREQ[rule.frequency]}`];
  if (rule.interval !== undefined && rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) {
    if (allDay) parts.push(`UNTIL=${compact(rule.until, true)}`);
    else if (zone === null) parts.push(`UNTIL=${compact(rule.until, false)}`);
    else {
      // RFC 5545: with a zoned DTSTART, UNTIL is UTC. Generated untils avoid DST transitions.
      const utc = DateTime.fromISO(rule.until, { zone }).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
      parts.push(`UNTIL=${utc}`);
    }
  }
  const list = (name: string, values: (string | number)[] | undefined) => {
    if (values !== undefined && values.length > 0) parts.push(`${name}=${values.join(',')}`);
  };
  list('BYMONTH', rule.byMonth);
  list('BYWEEKNO', rule.byWeekNo);
  list('BYYEARDAY', rule.byYearDay);
  list('BYMONTHDAY', rule.byMonthDay);
  list('BYDAY', rule.byDay?.map((d) => `${d.nthOfPeriod ?? ''}${d.day.toUpperCase()}`));
  list('BYHOUR', rule.byHour);
  list('BYMINUTE', rule.byMinute);
  list('BYSECOND', rule.bySecond);
  list('BYSETPOS', rule.bySetPosition);
  if (rule.firstDayOfWeek !== undefined) parts.push(`WKST=${rule.firstDayOfWeek.toUpperCase()}`);
  return `RRULE:${parts.join(';')}`;
}

/** The iCalendar text of an Event; `uid` names it. */
export function eventToIcs(event: RecurringObject, uid: string): string {
  const zone = event.timeZone ?? null;
  const allDay = event.showWithoutTime === true;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Almanac//recurrence oracle test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240101T000000Z'];
  lines.push(dateProp('DTSTART', event.start!, zone, allDay));
  if (event.duration !== undefined) lines.push(`DURATION:${event.duration}`);
  const rules = event.recurrenceRules ?? [];
  for (const rule of rules) lines.push(rrule(rule, zone, allDay));
  const moved: [string, Record<string, unknown>][] = [];
  for (const [key, patch] of Object.entries(event.recurrenceOverrides ?? {})) {
    if (patch.excluded === true) lines.push(dateProp('EXDATE', key, zone, allDay));
    else if (Object.keys(patch).length === 0) lines.push(dateProp('RDATE', key, zone, allDay));
    else moved.push([key, patch]);
  }
  lines.push('END:VEVENT');
  for (const [key, patch] of moved) {
    lines.push('BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240101T000000Z');
    lines.push(dateProp('RECURRENCE-ID', key, zone, allDay));
    lines.push(dateProp('DTSTART', (patch.start as string | undefined) ?? key, zone, allDay));
    const duration = (patch.duration as string | undefined) ?? event.duration;
    if (duration !== undefined) lines.push(`DURATION:${duration}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
