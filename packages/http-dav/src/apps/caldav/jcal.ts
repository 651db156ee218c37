import { type JCalComponent, type JCalProperty, parseICalendar, stringifyProperty } from '@almanac/codec-icalendar';

/**
 * Small readers over jCal (RFC 7265), the parsed form of iCalendar the CalDAV apps filter and cut
 * (`@almanac/codec-icalendar`). Names are compared upper-cased, as RFC 5545 §2 has them
 * case-insensitive and the CalDAV XML layer upper-cases filter names.
 */

/** A component's name, upper-cased (`VEVENT`). */
export const compName = (c: JCalComponent): string => c[0].toUpperCase();

/** A property's name, upper-cased (`DTSTART`). */
export const propName = (p: JCalProperty): string => p[0].toUpperCase();

/** The sub-components of `c`, all or those named `name`. */
export function childComponents(c: JCalComponent, name?: string): JCalComponent[] {
  const all = Array.isArray(c[2]) ? c[2] : [];
  return name === undefined ? all : all.filter((x) => compName(x) === name);
}

/** The properties of `c` named `name`. */
export const propertiesNamed = (c: JCalComponent, name: string): JCalProperty[] => c[1].filter((p) => propName(p) === name);

/** The first property of `c` named `name`. */
export const firstProperty = (c: JCalComponent, name: string): JCalProperty | undefined => c[1].find((p) => propName(p) === name);

/** The values of a parameter (`tzid`, `partstat`), as a list; empty when it is absent. */
export function paramValues(p: JCalProperty, name: string): string[] {
  const v = p[1][name.toLowerCase()];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/**
 * The values of a property as iCalendar text (RFC 5545 §3.3), unescaped: TEXT values as they are,
 * other types (date-time, recur, integer, …) as RFC 5545 writes them (`20240110T100000`,
 * `FREQ=WEEKLY;COUNT=5`). A multi-valued property (CATEGORIES) gives one entry per value.
 */
export function propertyTexts(p: JCalProperty): string[] {
  const out: string[] = [];
  for (const value of p.slice(3)) {
    if (typeof value === 'string' && (p[2] === 'text' || p[2] === 'unknown' || p[2] === 'cal-address' || p[2] === 'uri')) {
      out.push(value);
      continue;
    }
    const line = stringifyProperty([p[0], {}, p[2], value] as JCalProperty);
    if (line === undefined) continue;
    // Without parameters the first colon separates the name from the value.
    out.push(line.slice(line.indexOf(':') + 1));
  }
  return out;
}

/**
 * The VCALENDAR of an iCalendar text (the first, if several), or undefined when the text holds none.
 * Lenient: problems the parser works around are ignored, as they were when the text was stored.
 */
export function parseVCalendar(text: string): JCalComponent | undefined {
  const parsed = parseICalendar(text);
  if (!parsed.ok) return undefined;
  return parsed.value.find((c) => compName(c) === 'VCALENDAR');
}

/** A deep copy of a jCal component (plain JSON data). */
export const cloneComponent = (c: JCalComponent): JCalComponent => structuredClone(c);
