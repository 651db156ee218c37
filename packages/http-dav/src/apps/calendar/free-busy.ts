import { expandRecurrence } from '@almanac/codec-jscalendar/recurrence';
import { type EventData, participantsOf, publicEventData, statusOf } from '@almanac/domain-events';
import type { ExpansionBudget } from '../caldav/instances.js';
import type { Span } from '../caldav/component-times.js';

type FreeBusyType = 'BUSY' | 'BUSY-TENTATIVE';

/** One event of a calendar, with the key its calendar's owner has among the participants. */
export interface BusyCandidate {
  readonly data: EventData;
  readonly ownerKey: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A member of an instance: the override's patch first (`status` or `/status`), else the series'. */
function memberOf(data: EventData, patch: Record<string, unknown> | undefined, name: string): unknown {
  if (patch && (name in patch || `/${name}` in patch)) return patch[name] ?? patch[`/${name}`];
  return (data as Record<string, unknown>)[name];
}

/** The owner's status in one instance: a patched reply, else the series'. */
function ownerStatus(data: EventData, patch: Record<string, unknown> | undefined, ownerKey: string): string {
  const path = `participants/${ownerKey}/participationStatus`;
  const patched = patch && (patch[path] ?? patch[`/${path}`]);
  if (typeof patched === 'string') return patched;
  return statusOf(participantsOf(data)[ownerKey]);
}

/**
 * RFC 4791 §7.10: how an instance blocks time, or undefined when it does not: cancelled and
 * transparent (`freeBusyStatus: free`) instances do not, nor ones the calendar's owner declined;
 * tentative ones are BUSY-TENTATIVE, the rest BUSY.
 */
function busyType(data: EventData, patch: Record<string, unknown> | undefined, ownerKey: string): FreeBusyType | undefined {
  const status = memberOf(data, patch, 'status');
  if (status === 'cancelled' || memberOf(data, patch, 'freeBusyStatus') === 'free') return undefined;
  if (participantsOf(data)[ownerKey] && ownerStatus(data, patch, ownerKey) === 'declined') return undefined;
  return status === 'tentative' ? 'BUSY-TENTATIVE' : 'BUSY';
}

/** Overlapping and touching periods joined, in start order. */
function merged(periods: [number, number][]): [number, number][] {
  const sorted = [...periods].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else out.push([p[0], p[1]]);
  }
  return out;
}

const basicUtc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/**
 * The free-busy-query answer (RFC 4791 §7.10): a VCALENDAR with one VFREEBUSY covering the span,
 * its FREEBUSY periods the busy instances of the events (recurrences expanded, clipped to the
 * span, overlapping ones joined), BUSY without FBTYPE as RFC 4791's example writes it.
 */
export function freeBusyCalendar(events: readonly BusyCandidate[], span: Span, opts: { now: Date; prodId: string; budget: ExpansionBudget }): string {
  const periods: Record<FreeBusyType, [number, number][]> = { BUSY: [], 'BUSY-TENTATIVE': [] };
  for (const candidate of events) {
    const data = publicEventData(candidate.data);
    const expanded = opts.budget.run((maxIterations) => expandRecurrence(data, { from: new Date(span.from), to: new Date(span.to), maxIterations }));
    if (!expanded.ok) continue;
    for (const instance of expanded.value.instances) {
      const type = busyType(data, isObject(instance.patch) ? instance.patch : undefined, candidate.ownerKey);
      const start = Math.max(instance.start.getTime(), span.from);
      const end = Math.min(instance.end.getTime(), span.to);
      if (type && end > start) periods[type].push([start, end]);
    }
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${opts.prodId}`, 'BEGIN:VFREEBUSY', `DTSTAMP:${basicUtc(opts.now.getTime())}`,
    `DTSTART:${basicUtc(span.from)}`, `DTEND:${basicUtc(span.to)}`];
  for (const type of ['BUSY-TENTATIVE', 'BUSY'] as const) {
    for (const [start, end] of merged(periods[type])) lines.push(`FREEBUSY${type === 'BUSY' ? '' : `;FBTYPE=${type}`}:${basicUtc(start)}/${basicUtc(end)}`);
  }
  lines.push('END:VFREEBUSY', 'END:VCALENDAR', '');
  return lines.join('\r\n');
}
