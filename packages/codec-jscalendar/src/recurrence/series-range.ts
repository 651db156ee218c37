import { OccurrenceMerge } from './occurrences.js';
import { IterationBudget } from './rule-stream.js';
import { endOf, overrideInstance } from './expand.js';
import { readSubject } from './subject.js';
import { DEFAULT_MAX_ITERATIONS, type Issue, type Parsed, type RecurrenceOptions, type RecurringObject, type SeriesRange } from './types.js';

/**
 * Bounds of a whole series, for storage columns that pre-filter time-range queries: no instance
 * starts before `start` and none ends after `end`; `end` is `null` when some rule has neither
 * `count` nor `until` (infinite), or when expanding to the last occurrence took more than
 * `maxIterations` steps. The bounds may be wider than the instances (the start counts even if an
 * override excludes or moves it; excluded rules are not subtracted), never narrower.
 *
 * Never throws; errors as {@link expandRecurrence}.
 *
 * @example
 * seriesRange({ start: '2024-01-01T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H',
 *               recurrenceRules: [{ frequency: 'weekly', count: 3 }] })
 * // ok, { start: 2024-01-01T09:00Z, end: 2024-01-15T10:00Z }
 */
export function seriesRange(object: RecurringObject, options: RecurrenceOptions = {}): Parsed<SeriesRange> {
  const read = readSubject(object, options);
  if (!read.ok) return read;
  const subject = read.value;
  const warnings: Issue[] = [...read.warnings];
  const { clock, span } = subject;

  const masterStart = clock.toInstant(subject.startWall);
  let start = masterStart;
  let end: number | null = endOf(clock, subject.startWall, masterStart, span.duration);
  for (const entry of subject.overrides.values()) {
    if (entry.excluded) continue;
    const instance = overrideInstance(entry);
    start = Math.min(start, instance.start.getTime());
    end = Math.max(end, instance.end.getTime());
  }

  const infinite = subject.rules.some((r) => r !== 'empty' && r.count === undefined && r.untilWall === undefined);
  if (infinite) return { ok: true, value: { start: new Date(start), end: null }, warnings };

  // Finite: run the rules to their last occurrence (without exclusions: a bound may be wider).
  const budget = new IterationBudget(options.maxIterations ?? DEFAULT_MAX_ITERATIONS);
  const merge = new OccurrenceMerge({ ...subject, excludedRules: [] }, -Infinity, budget, warnings);
  let last: number | undefined;
  for (let wall = merge.next(); wall !== undefined; wall = merge.next()) last = wall;
  if (merge.truncated) return { ok: true, value: { start: new Date(start), end: null }, warnings };
  if (last !== undefined) {
    const lastStart = clock.toInstant(last);
    end = Math.max(end, endOf(clock, last, lastStart, span.duration));
  }
  return { ok: true, value: { start: new Date(start), end: new Date(end) }, warnings };
}
