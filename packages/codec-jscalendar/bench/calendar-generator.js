// Builds a realistic iCalendar text of N events for the benchmarks: several
// time zones (with VTIMEZONEs), attendees, alarms, and 10% recurring events
// with EXDATEs and a detached override each. Deterministic (seeded PRNG).
import { ianaToVtimezone } from '../dist/icalendar/index.js';
import { stringifyICalendar } from '@almanac/codec-icalendar';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'Europe/London'];
const WORDS = 'alpha beta gamma delta planning review sync budget roadmap lunch offsite retro design hiring standup customer'.split(' ');

function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function pad(n) {
  return String(n).padStart(2, '0');
}

export function generateCalendar(count, seed = 42) {
  const rnd = prng(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Almanac//bench//EN', 'CALSCALE:GREGORIAN'];
  const tz = stringifyICalendar(ZONES.map((z) => ianaToVtimezone(z, 2023, 2026))).trimEnd();
  lines.push(tz);
  for (let i = 0; i < count; i++) {
    const zone = pick(ZONES);
    const day = 1 + Math.floor(rnd() * 28);
    const month = 1 + Math.floor(rnd() * 12);
    const hour = 7 + Math.floor(rnd() * 10);
    const date = `2025${pad(month)}${pad(day)}`;
    const uid = `bench-${i}-${Math.floor(rnd() * 1e9).toString(36)}@example.com`;
    const recurring = i % 10 === 0;
    const ev = [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'DTSTAMP:20250101T120000Z',
      `CREATED:20241201T0${Math.floor(rnd() * 10)}0000Z`,
      `SEQUENCE:${Math.floor(rnd() * 3)}`,
      `SUMMARY:${words(3)}`,
      `DESCRIPTION:${words(12)}\\n${words(8)}\\, more text`,
      `LOCATION:Room ${Math.floor(rnd() * 500)}`,
      `DTSTART;TZID=${zone}:${date}T${pad(hour)}0000`,
      `DTEND;TZID=${zone}:${date}T${pad(hour + 1)}3000`,
      'STATUS:CONFIRMED',
      `CATEGORIES:${pick(WORDS)},${pick(WORDS)}`,
      'ORGANIZER;CN=Organizer One:mailto:organizer@example.com',
    ];
    const attendees = 1 + Math.floor(rnd() * 4);
    for (let a = 0; a < attendees; a++) {
      ev.push(`ATTENDEE;CN=Person ${a};ROLE=${a === 0 ? 'CHAIR' : 'REQ-PARTICIPANT'};PARTSTAT=${pick(['ACCEPTED', 'NEEDS-ACTION', 'TENTATIVE'])};RSVP=TRUE:mailto:person${a}.${i % 97}@example.com`);
    }
    if (recurring) {
      ev.push(`RRULE:FREQ=WEEKLY;BYDAY=${pick(['MO', 'TU', 'WE', 'TH', 'FR'])};COUNT=20`);
      ev.push(`EXDATE;TZID=${zone}:${date}T${pad(hour)}0000`);
    }
    ev.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M', 'DESCRIPTION:Reminder', 'END:VALARM', 'END:VEVENT');
    lines.push(...ev);
    if (recurring) {
      const next = `2025${pad(month)}${pad(Math.min(28, day + 7))}`;
      lines.push(
        'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T120000Z', `RECURRENCE-ID;TZID=${zone}:${next}T${pad(hour)}0000`,
        `SUMMARY:${words(3)} (moved)`, `DTSTART;TZID=${zone}:${next}T${pad(hour + 2)}0000`, `DTEND;TZID=${zone}:${next}T${pad(hour + 3)}0000`,
        'ORGANIZER;CN=Organizer One:mailto:organizer@example.com', 'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
