import type { JCalComponent } from '@almanac/codec-icalendar';
import type { Issue } from '../../issues.js';
import type { TimeZone } from '../../types/jscalendar.js';
import { timeZoneToVtimezone } from '../timezones.js';
import { isIanaZone } from '../zones/iana.js';
import { ianaZone, UTC_ZONE, vtimezoneZone, type Zone } from '../zones/zone.js';

/** Options of the JSCalendar → iCalendar conversion. */
export interface ToICalendarOptions {
  /** PRODID when the Group (or entries) carry no `prodId`. */
  prodId?: string;
  /**
   * Add what RFC 5545 requires but the JSCalendar object does not say:
   * VERSION, PRODID, DTSTAMP (from `updated`, `created` or now), a
   * DESCRIPTION for display alarms, VTIMEZONEs of IANA zones (default true).
   */
  fillRequired?: boolean;
  /** The current time for DTSTAMP when nothing else gives one (tests pin it). */
  now?: () => Date;
}

/** State of one JSCalendar → iCalendar conversion. */
export class ToICalContext {
  readonly issues: Issue[] = [];
  /** TZIDs written, with the UTC year range they were used in (for generated VTIMEZONEs). */
  readonly usedZones = new Map<string, { id: string; from: number; to: number }>();
  private readonly zones = new Map<string, Zone | undefined>();

  constructor(readonly options: ToICalendarOptions, readonly timeZones: Record<string, TimeZone>) {}

  get fill(): boolean {
    return this.options.fillRequired !== false;
  }

  /** Offsets of a JSCalendar time zone id, if known. */
  zone(id: string): Zone | undefined {
    if (id === 'Etc/UTC' || id === 'UTC') return UTC_ZONE;
    if (this.zones.has(id)) return this.zones.get(id);
    let z: Zone | undefined;
    const custom = this.timeZones[id];
    if (custom) z = vtimezoneZone(timeZoneToVtimezone(custom));
    else if (!id.startsWith('/') && isIanaZone(id)) z = ianaZone(id);
    this.zones.set(id, z);
    return z;
  }

  /** Notes that TZID `tzid` (for zone `id`) is written for a value in `year`. */
  useZone(tzid: string, id: string, year: number): void {
    const u = this.usedZones.get(tzid);
    if (!u) this.usedZones.set(tzid, { id, from: year, to: year });
    else {
      u.from = Math.min(u.from, year);
      u.to = Math.max(u.to, year);
    }
  }
}

/** A preserved component list, as typed jCal. */
export function components(list: unknown): JCalComponent[] {
  return Array.isArray(list) ? (list.filter((c) => Array.isArray(c) && typeof c[0] === 'string') as JCalComponent[]) : [];
}
