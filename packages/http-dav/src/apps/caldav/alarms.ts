import type { JCalComponent } from '@almanac/codec-icalendar';
import { occurrencesOf, type Span } from './component-times.js';
import type { CalendarObjectView } from './instances.js';
import { firstProperty, paramValues, propertyTexts } from './jcal.js';
import { durationMs, durationOf, instantOf } from './times.js';

/** More repetitions than this are not looked at (RFC 5545 sets no bound; a client asking for 10⁶ gets 1 000). */
const MAX_REPEAT = 1_000;

/**
 * RFC 4791 §9.9 for VALARM: whether an alarm of a VEVENT or VTODO triggers within [from, to),
 * counting its repetitions (REPEAT × DURATION) and, for a recurring parent, the alarm of every
 * occurrence. A relative TRIGGER is applied to the start, or with `RELATED=END` to the end, of
 * each occurrence of the component the alarm belongs to; an absolute one is a fixed instant.
 */
export function alarmTriggersIn(view: CalendarObjectView, parent: JCalComponent, alarm: JCalComponent, span: Span): boolean {
  const trigger = firstProperty(alarm, 'TRIGGER');
  if (!trigger) return false;
  const repeatValue = Number(firstProperty(alarm, 'REPEAT')?.[3]);
  const repeat = Number.isInteger(repeatValue) ? Math.min(Math.max(repeatValue, 0), MAX_REPEAT) : 0;
  const every = repeat > 0 ? durationOf(firstProperty(alarm, 'DURATION')) ?? 0 : 0;
  const hits = (first: number) => {
    for (let k = 0; k <= repeat; k++) {
      const t = first + k * every;
      if (t >= span.from && t < span.to) return true;
      if (every <= 0) break;
    }
    return false;
  };
  if (trigger[2] === 'date-time') {
    const when = instantOf(trigger, view.tc);
    return when !== undefined && hits(when);
  }
  const offset = durationMs(propertyTexts(trigger)[0]);
  if (offset === undefined) return false;
  const fromEnd = paramValues(trigger, 'related')[0]?.toUpperCase() === 'END';
  const last = offset + repeat * Math.max(every, 0);
  // An occurrence whose alarm can fire in the span starts (or ends) within it, shifted back.
  const window: Span = { from: span.from - Math.max(offset, last) - 1, to: span.to - Math.min(offset, last) + 1 };
  return occurrencesOf(view, parent, window, true).some((i) => hits((fromEnd ? i.end : i.start) + offset));
}
