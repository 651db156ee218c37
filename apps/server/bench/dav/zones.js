// VTIMEZONE definitions of the zones the generated calendars use (current rules, as clients send
// them: one DAYLIGHT and one STANDARD observance with yearly RRULEs; RFC 5545 §3.6.5). Offsets are
// kept beside them so that the generator can turn local times into UTC for RRULE UNTIL values.

/** Current DST rules of a zone, enough to compute a local time's UTC offset in 2020–2035. */
const ZONES = {
  'Europe/Berlin': { std: 60, dst: 120, rule: 'eu', names: ['CET', 'CEST'] },
  'Europe/London': { std: 0, dst: 60, rule: 'eu', names: ['GMT', 'BST'] },
  'America/New_York': { std: -300, dst: -240, rule: 'us', names: ['EST', 'EDT'] },
  'America/Los_Angeles': { std: -480, dst: -420, rule: 'us', names: ['PST', 'PDT'] },
  'Asia/Tokyo': { std: 540, dst: 540, rule: 'none', names: ['JST', 'JST'] },
  'Australia/Sydney': { std: 600, dst: 660, rule: 'au', names: ['AEST', 'AEDT'] },
};

/** The zones in the proportions a European company's calendar has them; `UTC` means a `Z` time. */
export const ZONE_WEIGHTS = [
  ['Europe/Berlin', 40], ['UTC', 10], ['America/New_York', 15], ['America/Los_Angeles', 10],
  ['Europe/London', 10], ['Asia/Tokyo', 10], ['Australia/Sydney', 5],
];

const pad = (n, w = 2) => String(Math.abs(n)).padStart(w, '0');
const offsetText = (minutes) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

/** Day of month of the n-th (or, for n < 0, last) weekday `wd` (0 = Sunday) of a month. */
function nthWeekday(year, month, wd, n) {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((wd - first + 7) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month, 0));
  return lastDay.getUTCDate() - ((lastDay.getUTCDay() - wd + 7) % 7);
}

/** The local wall-clock instants (as UTC-based millis of the wall clock) where DST starts and ends. */
function transitions(rule, year) {
  const at = (m, d, h) => Date.UTC(year, m - 1, d, h);
  if (rule === 'eu') return { start: at(3, nthWeekday(year, 3, 0, -1), 1), end: at(10, nthWeekday(year, 10, 0, -1), 1), utc: true };
  if (rule === 'us') return { start: at(3, nthWeekday(year, 3, 0, 2), 2), end: at(11, nthWeekday(year, 11, 0, 1), 2), utc: false };
  if (rule === 'au') return { start: at(10, nthWeekday(year, 10, 0, 1), 2), end: at(4, nthWeekday(year, 4, 0, 1), 3), utc: false };
  return undefined;
}

/**
 * The UTC offset (minutes) of a wall-clock time in a zone. `wall` is the local time encoded as if it
 * were UTC (Date.UTC(y, m, d, h, min)). Times in a DST gap or overlap resolve to the offset before
 * the change, which is all the generator needs (it avoids 01:00–03:59 local times).
 */
export function utcOffset(zone, wall) {
  const z = ZONES[zone];
  if (!z) return 0;
  const t = transitions(z.rule, new Date(wall).getUTCFullYear());
  if (!t) return z.std;
  // EU rules switch at 01:00 UTC; convert the wall time to UTC with standard time to compare.
  const probe = t.utc ? wall - z.std * 60_000 : wall;
  const inDst = t.start < t.end ? probe >= t.start && probe < t.end : probe >= t.start || probe < t.end;
  return inDst ? z.dst : z.std;
}

/** The VTIMEZONE component of a zone (CRLF lines), or '' for UTC. */
export function vtimezone(zone) {
  const z = ZONES[zone];
  if (!z) return '';
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind, from, to, name, start, rrule) => {
    lines.push(`BEGIN:${kind}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `TZNAME:${name}`, `DTSTART:${start}`);
    if (rrule) lines.push(`RRULE:${rrule}`);
    lines.push(`END:${kind}`);
  };
  if (z.rule === 'none') observance('STANDARD', z.std, z.std, z.names[0], '19700101T000000');
  if (z.rule === 'eu') {
    observance('DAYLIGHT', z.std, z.dst, z.names[1], `19700329T0${z.std / 60 + 1}0000`, 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    observance('STANDARD', z.dst, z.std, z.names[0], `19701025T0${z.dst / 60 + 1}0000`, 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
  }
  if (z.rule === 'us') {
    observance('DAYLIGHT', z.std, z.dst, z.names[1], '20070311T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    observance('STANDARD', z.dst, z.std, z.names[0], '20071104T020000', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
  }
  if (z.rule === 'au') {
    observance('STANDARD', z.dst, z.std, z.names[0], '20080406T030000', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1SU');
    observance('DAYLIGHT', z.std, z.dst, z.names[1], '20081005T020000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=1SU');
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n') + '\r\n';
}
