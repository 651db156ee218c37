import type { ApiResponse } from './support.js';

/** A LocalDateTime `days` from today at `time`, so that events fall into the listing window. */
export function localDay(days: number, time = '10:00:00', from = new Date()): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

/** The LocalDateTime of the next `weekday` (0 = Sunday) at least `minDays` ahead. */
export function nextWeekday(weekday: number, minDays: number, time = '10:00:00'): string {
  const now = new Date();
  for (let days = minDays; ; days++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
    if (d.getUTCDay() === weekday) return `${d.toISOString().slice(0, 10)}T${time}`;
  }
}

/** Adds days to a LocalDateTime. */
export function plusDays(local: string, days: number): string {
  const d = new Date(`${local}Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 19);
}

/** The numeric id at the end of a Location header. */
export const idOf = (res: ApiResponse) => /\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

/** An ETag `"<id>:<sequence>:<revision>"` split into its parts. */
export function etagParts(etag: string | null): { id: string; sequence: number; revision: number } {
  const m = /^"(\d+):(\d+):(\d+)"$/.exec(etag ?? '');
  if (!m) throw new Error(`not an event ETag: ${etag}`);
  return { id: m[1]!, sequence: Number(m[2]), revision: Number(m[3]) };
}
