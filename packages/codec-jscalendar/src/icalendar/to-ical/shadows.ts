import type { JCalProperty } from '@almanac/codec-icalendar';
import { isLocalDateTime, localToMs, msToLocal } from '../../datetime.js';
import type { RecurrenceRule } from '../../types/jscalendar.js';
import { parseRecurText, recurToRule } from '../recur.js';
import { resolveTzid } from '../zones/resolve.js';
import { localToUtcMs, utcToLocalMs } from '../zones/zone.js';
import type { ToICalContext } from './context.js';
import type { TimeForm } from './temporal.js';

/**
 * The iCalendar → JSCalendar conversion keeps some converted properties as
 * they were written too ("shadows": a UTC EXDATE of a zoned event, a DATE
 * UNTIL…). Writing back, a shadow is used while the JSCalendar value it
 * stands for is unchanged, and dropped otherwise. These functions redo the
 * forward conversion of one shadow.
 */

/** LocalDateTimes (in the entry's zone) a DATE/DATE-TIME property stands for; undefined if it is not one. */
export function shadowKeys(prop: JCalProperty, form: TimeForm, ctx: ToICalContext): string[] | undefined {
  if (prop[2] !== 'date' && prop[2] !== 'date-time') return undefined;
  const out: string[] = [];
  const tzid = prop[1].tzid;
  for (const v of prop.slice(3)) {
    if (typeof v !== 'string') return undefined;
    if (prop[2] === 'date') {
      out.push(`${v}T00:00:00`);
      continue;
    }
    let utc: number | undefined;
    if (v.endsWith('Z')) utc = localToMs(v.slice(0, 19));
    else if (typeof tzid === 'string') {
      const id = tzid === form.tzid ? form.zoneId : resolveTzid(tzid, undefined).id;
      const zone = id ? ctx.zone(id) : undefined;
      if (id === form.zoneId || !zone) {
        out.push(v);
        continue;
      }
      utc = localToUtcMs(zone, localToMs(v));
    } else {
      out.push(v);
      continue;
    }
    const target = form.zoneId ? ctx.zone(form.zoneId) : undefined;
    out.push(target ? msToLocal(utcToLocalMs(target, utc)) : v.slice(0, 19));
  }
  return out;
}

/** The RecurrenceRule an RRULE/EXRULE shadow stands for. */
export function shadowRule(prop: JCalProperty, form: TimeForm, ctx: ToICalContext): RecurrenceRule | undefined {
  const recur = prop[2] === 'recur' ? (prop[3] as Record<string, unknown>) : typeof prop[3] === 'string' ? parseRecurText(prop[3]) : undefined;
  const r = recur ? recurToRule(recur) : undefined;
  if (!r) return undefined;
  if (r.until !== undefined) {
    const u = r.until;
    if ((u.length !== 10 && u.length !== 19 && u.length !== 20) || !isLocalDateTime(u.length === 10 ? `${u}T00:00:00` : u.slice(0, 19))) return undefined; // as the forward conversion: not a rule
    if (u.length === 10) r.rule.until = `${u}T00:00:00`;
    else if (u.length === 19) r.rule.until = u;
    else {
      const target = form.zoneId ? ctx.zone(form.zoneId) : undefined;
      r.rule.until = target ? msToLocal(utcToLocalMs(target, localToMs(u.slice(0, 19)))) : u.slice(0, 19);
    }
  }
  return r.rule;
}
