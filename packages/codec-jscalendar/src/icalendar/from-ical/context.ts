import type { JCalComponent } from '@almanac/codec-icalendar';
import type { Issue } from '../../issues.js';
import { resolveTzid, type ResolvedZone } from '../zones/resolve.js';

/** Per-VCALENDAR state of one iCalendar → JSCalendar conversion. */
export class FromICalContext {
  readonly issues: Issue[] = [];
  private readonly zones = new Map<string, ResolvedZone>();

  constructor(readonly vtimezones: ReadonlyMap<string, JCalComponent>) {}

  /** The JSCalendar reading of a TZID (cached for the calendar). */
  zone(tzid: string): ResolvedZone {
    let z = this.zones.get(tzid);
    if (!z) {
      z = resolveTzid(tzid, this.vtimezones.get(tzid));
      this.zones.set(tzid, z);
      if (z.zone === undefined && z.id.startsWith('/')) {
        this.issues.push({ message: `time zone "${tzid}" is neither IANA nor defined by a VTIMEZONE`, code: 'timezone/unknown' });
      }
    }
    return z;
  }

  /** Every TZID resolved so far. */
  resolvedZones(): ReadonlyMap<string, ResolvedZone> {
    return this.zones;
  }
}
