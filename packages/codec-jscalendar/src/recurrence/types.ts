import type { Issue, PatchObject } from '@almanac/codec-patchobject';

export type { Issue, PatchObject };

/** Result of the entry points: a value with warnings, or errors (never an exception). */
export type Parsed<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; errors: Issue[] };

/** RFC 8984 §1.4.4 LocalDateTime: `YYYY-MM-DDTHH:MM:SS` with optional fractional seconds. */
export type LocalDateTime = string;

/** RFC 8984 §4.3.3 NDay: a weekday, optionally the nth of the period (`-1` = last). */
export interface NDay {
  '@type'?: 'NDay';
  day: string;
  nthOfPeriod?: number;
}

/** RFC 8984 §4.3.3 RecurrenceRule, the members the engine reads. */
export interface RecurrenceRule {
  '@type'?: 'RecurrenceRule';
  frequency: string;
  interval?: number;
  rscale?: string;
  skip?: string;
  firstDayOfWeek?: string;
  byDay?: NDay[];
  byMonthDay?: number[];
  byMonth?: string[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byHour?: number[];
  byMinute?: number[];
  bySecond?: number[];
  bySetPosition?: number[];
  count?: number;
  until?: LocalDateTime;
}

/**
 * The members of a JSCalendar Event or Task (RFC 8984 §5.1, §5.2, §4.3) that recurrence needs;
 * any Event or Task object is structurally one. `recurrenceRule` (singular, JSCalendar 2.0) is
 * accepted too. A Task without `start` recurs from `due`.
 */
export interface RecurringObject {
  '@type'?: string;
  start?: LocalDateTime;
  timeZone?: string | null;
  showWithoutTime?: boolean;
  /** Event duration (RFC 8984 §5.1.2), default `PT0S`. */
  duration?: string;
  /** Task due (RFC 8984 §5.2.1). */
  due?: LocalDateTime;
  /** Task estimated duration (RFC 8984 §5.2.3). */
  estimatedDuration?: string;
  recurrenceRules?: RecurrenceRule[] | null;
  recurrenceRule?: RecurrenceRule | null;
  excludedRecurrenceRules?: RecurrenceRule[] | null;
  recurrenceOverrides?: Record<LocalDateTime, PatchObject> | null;
}

/** Options of {@link expandRecurrence} and {@link seriesRange}. */
export interface RecurrenceOptions {
  /** IANA zone in which floating times (`timeZone` null or absent) are read. Default `UTC`. */
  floatingZone?: string;
  /** Stop after this many instances (then `truncated`). Default {@link DEFAULT_MAX_INSTANCES}. */
  maxInstances?: number;
  /**
   * Stop after this many steps of the rule iterators, counted over all rules of the object (then
   * `truncated`). A step is one candidate the iterator examines, so a rule that matches rarely
   * (or never) uses the budget without producing instances. Default {@link DEFAULT_MAX_ITERATIONS}.
   */
  maxIterations?: number;
}

/** Options of {@link expandRecurrence}: the options above and the time range. */
export interface ExpandOptions extends RecurrenceOptions {
  /** Start of the range (inclusive). */
  from: Date;
  /** End of the range (exclusive). */
  to: Date;
}

/** One occurrence of a recurring object. */
export interface RecurrenceInstance {
  /** The recurrence id: the occurrence's original start as LocalDateTime (the override key). */
  recurrenceId: LocalDateTime;
  /** Start instant (after any override moved it). */
  start: Date;
  /** End instant: start plus the duration (Task: up to `due`); equal to `start` when zero. */
  end: Date;
  /**
   * Start as LocalDateTime in the instance's own time zone (after any override): the wall time it
   * really starts at, so in a DST gap the moved one (`03:30` for a generated `02:30`).
   */
  startLocal: LocalDateTime;
  /** Whether `recurrenceOverrides` has an entry for this instance (patch or extra date). */
  isOverride: boolean;
  /** The override's PatchObject, as stored (not applied). */
  patch?: PatchObject;
}

/** What {@link expandRecurrence} returns. */
export interface RecurrenceExpansion {
  /** Instances overlapping the range, by start (then recurrence id). */
  instances: RecurrenceInstance[];
  /**
   * True when a bound (`maxInstances`, `maxIterations`) stopped the expansion; `instances` then
   * holds every instance that starts before the first one left out.
   */
  truncated: boolean;
}

/** What {@link seriesRange} returns: bounds for storage columns. */
export interface SeriesRange {
  /** No instance starts before this. */
  start: Date;
  /** No instance ends after this; `null` when the series is infinite or too long to tell. */
  end: Date | null;
}

/** Default of {@link RecurrenceOptions.maxInstances}. */
export const DEFAULT_MAX_INSTANCES = 10_000;
/** Default of {@link RecurrenceOptions.maxIterations}. */
export const DEFAULT_MAX_ITERATIONS = 100_000;
