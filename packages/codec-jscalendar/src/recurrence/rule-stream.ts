import ICAL from 'ical.js';
import { FastTime } from './fast-time.js';
import { adaptForIcal } from './ical-workarounds.js';
import { MS_PER_DAY, partsFromWall, wallFromParts, type WallParts } from './local-date-time.js';
import type { IcalRuleData, MappedRule } from './rule-mapping.js';
import type { Issue } from './types.js';

/** Shared step budget of one expansion (RecurrenceOptions.maxIterations). */
export class IterationBudget {
  used = 0;
  exhausted = false;
  constructor(readonly max: number) {}

  /** Counts one step; throws {@link BUDGET_EXHAUSTED} when none is left. */
  tick(): void {
    if (++this.used > this.max) {
      this.exhausted = true;
      throw BUDGET_EXHAUSTED;
    }
  }
}

/** Thrown through ical.js's iterator to abort it; never escapes this module's callers. */
export const BUDGET_EXHAUSTED: unique symbol = Symbol('recurrence budget exhausted');

/** The iterator members used here; `init`, `check_contracting_rules` and `expand_year_days` are
 *  ical.js 2.2.1 internals (see {@link RuleStream}). */
export interface IteratorInternals {
  next(): ICAL.Time | null;
  init(): void;
  check_contracting_rules(): boolean;
  expand_year_days(year: number): number;
}

/**
 * An ical.js RecurIterator, not yet initialised, whose every step (each candidate its main loop
 * examines, each year the YEARLY set-up scans) ticks `budget`, so that a rule that never matches
 * throws {@link BUDGET_EXHAUSTED} instead of looping inside one `next()` or `init()` call. Call
 * `init()` on it before `next()`. The hooked members are ical.js 2.2.1 internals.
 */
export function budgetedIterator(recur: ICAL.Recur, dtstart: ICAL.Time, budget: IterationBudget): IteratorInternals {
  // `initialized: true` skips the constructor's init(), so the hooks are in place before the
  // YEARLY set-up scan runs (it can search thousands of years for a rule that never matches).
  const it = new ICAL.RecurIterator({ rule: recur, dtstart, initialized: true }) as unknown as IteratorInternals;
  const proto = ICAL.RecurIterator.prototype as unknown as IteratorInternals;
  it.check_contracting_rules = function hooked(this: IteratorInternals) {
    budget.tick();
    return proto.check_contracting_rules.call(this);
  };
  it.expand_year_days = function hooked(this: IteratorInternals, year: number) {
    budget.tick();
    return proto.expand_year_days.call(this, year);
  };
  return it;
}

const FIXED_PERIOD_MS: Partial<Record<IcalRuleData['freq'], number>> = {
  SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: MS_PER_DAY, WEEKLY: 7 * MS_PER_DAY,
};

/**
 * The occurrences of one rule as ascending wall times, lazily: the object's start first (RFC 5545
 * §3.8.5.3: DTSTART is always the first instance and counts toward COUNT), then what ical.js's
 * RecurIterator generates after it, until `count`, `until` or year 9999.
 *
 * Bounds: every step ical.js takes (each candidate its main loop examines, each year the YEARLY
 * set-up scans) is counted on the shared budget through instance hooks on the iterator, so a rule
 * that never matches stops when the budget runs out instead of looping in one `next()` call.
 *
 * Skipping: for a rule without `count`, occurrences before `lowWall` are not needed, so the
 * iterator starts from a later synthetic start: the original moved forward by whole periods of the
 * rule (k × interval days, weeks, months, years), which keeps every RFC 5545 default that derives
 * from DTSTART (weekday, day of month, time of day) and the interval's phase. Where a default
 * would change (day of month > 28, Feb 29), it is written into the rule explicitly first.
 */
export class RuleStream {
  /** Current occurrence (wall ms), undefined when the stream is over. */
  head: number | undefined;
  /** True when the budget stopped this stream (more occurrences may exist). */
  truncated = false;

  readonly #iterator: IteratorInternals | undefined;
  readonly #accept: ((t: ICAL.Time) => boolean) | undefined;
  readonly #fraction: number;
  readonly #count: number;
  readonly #untilWall: number;
  #budget: IterationBudget;
  #warnings: Issue[];
  readonly #path: string;
  #emitted = 0;
  #last = -Infinity;
  #pendingStart: boolean;
  readonly #startWall: number;
  /** Occurrences below this are not the rule's (exclusion streams start a period early). */
  readonly #floor: number;
  // BYSETPOS handling (see the constructor).
  #setPositions: number[] | undefined;
  #periodKey: ((t: ICAL.Time) => number) | undefined;
  #candidateKey: number | undefined;
  #lookahead: number | undefined;
  #lookaheadKey: number | undefined;
  #queue: number[] = [];

  /**
   * `role` `'series'`: the start is the first occurrence. `'exclusion'` (excludedRecurrenceRules):
   * only what the rule itself generates counts, so the start is included only if the rule
   * generates it; the iterator then starts one period earlier, where ical.js's habit of returning
   * its start unchecked cannot matter.
   */
  constructor(
    rule: MappedRule,
    startWall: number,
    lowWall: number,
    budget: IterationBudget,
    warnings: Issue[],
    path: string,
    role: 'series' | 'exclusion' = 'series',
    allowSkip = true,
  ) {
    this.#budget = budget;
    this.#warnings = warnings;
    this.#path = path;
    this.#startWall = startWall;
    this.#fraction = ((startWall % 1000) + 1000) % 1000;
    this.#count = rule.count ?? Infinity;
    this.#untilWall = rule.untilWall ?? Infinity;
    const startParts = partsFromWall(startWall - this.#fraction);
    const adapted = adaptForIcal(rule.data, startParts);
    const data = adapted.data;
    this.#accept = adapted.accept;
    // BYSETPOS picks from each period's full candidate set (RFC 5545 §3.3.10), which ical.js
    // computes only for some part combinations; for YEARLY/MONTHLY/WEEKLY rules it is applied
    // here to the candidates ical.js generates without it.
    if (data.bysetpos && !rule.data.byweekno && (data.freq === 'YEARLY' || data.freq === 'MONTHLY' || data.freq === 'WEEKLY')) {
      this.#setPositions = data.bysetpos;
      delete data.bysetpos;
      this.#periodKey = periodKeyOf(data.freq, data.wkst);
      if (data.freq === 'WEEKLY') data.byday ??= [DAY_CODES[weekdayOf(startParts)]!];
      if (data.freq === 'MONTHLY' && !data.byday && !data.bymonthday) data.bymonthday = [startParts.day];
    }
    let dtstart = startParts;
    this.#pendingStart = role === 'series';
    this.#floor = role === 'series' ? -Infinity : startWall;
    if (rule.count === undefined) {
      const k = allowSkip ? quantizedSkip(data, startParts, startWall - this.#fraction, lowWall) : 0;
      const synthetic = shiftStart(data, startParts, startWall - this.#fraction, k >= 1 ? k : role === 'exclusion' ? -1 : 0);
      if (synthetic !== undefined) {
        dtstart = synthetic;
        if (k >= 1) this.#pendingStart = false; // the start is long before lowWall
      }
    }
    // The whole first period is needed to count set positions: start it at the period's start.
    if (this.#periodKey !== undefined) dtstart = periodStart(data.freq, data.wkst, dtstart);
    this.#iterator = adapted.never ? undefined : this.#createIterator(data, dtstart);
    this.advance();
  }

  /**
   * The whole periods this rule would skip for `lowWall` (0: none). Streams that skip the same
   * number generate the same occurrences, which is what lets {@link openRuleStream} share them.
   */
  static skipFor(rule: MappedRule, startWall: number, lowWall: number, allowSkip: boolean): number {
    if (!allowSkip || rule.count !== undefined) return 0;
    const fraction = ((startWall % 1000) + 1000) % 1000;
    const startParts = partsFromWall(startWall - fraction);
    return quantizedSkip(adaptForIcal(rule.data, startParts).data, startParts, startWall - fraction, lowWall);
  }

  /** Charges further steps to `budget` and reports to `warnings` (a cached stream changes hands). */
  attach(budget: IterationBudget, warnings: Issue[]): void {
    this.#budget = budget;
    this.#warnings = warnings;
  }

  /** Moves `head` to the next occurrence. */
  advance(): void {
    if (this.#pendingStart) {
      this.#pendingStart = false;
      this.#emit(this.#startWall);
      return;
    }
    this.head = undefined;
    if (this.#emitted >= this.#count || this.#iterator === undefined) return;
    try {
      for (;;) {
        const wall = this.#periodKey === undefined ? this.#nextCandidate() : this.#nextSelected();
        if (wall === undefined || wall > this.#untilWall) return;
        if (wall <= this.#last || wall < this.#floor) continue; // the start again, or before it
        this.#emit(wall);
        return;
      }
    } catch (e) {
      this.#stop(e);
    }
  }

  /**
   * The next wall ical.js generates that passes the membership filter; none past `until` (with
   * BYSETPOS: past the period that holds `until`, whose full set positions count).
   */
  #nextCandidate(): number | undefined {
    const limit = this.#periodKey === undefined ? this.#untilWall : this.#untilWall + 367 * MS_PER_DAY;
    for (;;) {
      this.#budget.tick();
      const t = this.#iterator!.next();
      if (t === null || t.year > 9999) return undefined;
      const wall = wallFromParts(t as WallParts) + this.#fraction;
      if (wall > limit) return undefined;
      if (this.#accept !== undefined && !this.#accept(t)) continue;
      this.#candidateKey = this.#periodKey?.(t);
      return wall;
    }
  }

  /** The next candidate chosen by BYSETPOS, filling one period's queue at a time. */
  #nextSelected(): number | undefined {
    while (this.#queue.length === 0) {
      if (this.#lookahead === undefined) {
        this.#lookahead = this.#nextCandidate();
        this.#lookaheadKey = this.#candidateKey;
        if (this.#lookahead === undefined) return undefined;
      }
      const key = this.#lookaheadKey;
      const period: number[] = [];
      while (this.#lookahead !== undefined && this.#lookaheadKey === key) {
        period.push(this.#lookahead);
        this.#lookahead = this.#nextCandidate();
        this.#lookaheadKey = this.#candidateKey;
      }
      const chosen = new Set<number>();
      for (const p of this.#setPositions!) {
        const wall = p > 0 ? period[p - 1] : period[period.length + p];
        if (wall !== undefined) chosen.add(wall);
      }
      this.#queue = [...chosen].sort((a, b) => a - b);
      if (this.#lookahead === undefined && this.#queue.length === 0) return undefined;
    }
    return this.#queue.shift();
  }

  #emit(wall: number): void {
    this.head = wall;
    this.#last = wall;
    this.#emitted++;
  }

  #stop(e: unknown): void {
    this.head = undefined;
    if (e === BUDGET_EXHAUSTED) {
      this.truncated = true;
      return;
    }
    this.#warnings.push({
      code: 'recurrence/iterator-failed',
      path: this.#path,
      message: `ical.js could not expand this rule further (${e instanceof Error ? e.message : String(e)}); later occurrences are missing`,
    });
  }

  #createIterator(data: IcalRuleData, dtstart: WallParts): IteratorInternals | undefined {
    try {
      const recur = ICAL.Recur.fromData(data as unknown as Parameters<typeof ICAL.Recur.fromData>[0]);
      const it = budgetedIterator(recur, FastTime.fromParts(dtstart), this.#budget);
      try {
        it.init();
      } catch (e) {
        // ical.js signals "this rule has no occurrences" with InvalidRecurrenceRuleError.
        if (e instanceof Error && e.constructor.name === 'InvalidRecurrenceRuleError') return undefined;
        throw e;
      }
      return it;
    } catch (e) {
      this.#stop(e);
      return undefined;
    }
  }
}

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function weekdayOf(p: WallParts): number {
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** Identifies the BYSETPOS period (year, month, or week starting on WKST) of a date. */
function periodKeyOf(freq: IcalRuleData['freq'], wkst: string): (t: ICAL.Time) => number {
  if (freq === 'YEARLY') return (t) => t.year;
  if (freq === 'MONTHLY') return (t) => t.year * 12 + t.month;
  const weekStart = DAY_CODES.indexOf(wkst);
  // 1970-01-01 was a Thursday (4): shift so that weeks begin on weekStart.
  return (t) => Math.floor((Date.UTC(t.year, t.month - 1, t.day) / MS_PER_DAY + ((4 - weekStart + 7) % 7)) / 7);
}

/** The first day of the period holding `p`, at `p`'s time of day. */
function periodStart(freq: IcalRuleData['freq'], wkst: string, p: WallParts): WallParts {
  if (freq === 'YEARLY') return { ...p, month: 1, day: 1 };
  if (freq === 'MONTHLY') return { ...p, day: 1 };
  const back = (weekdayOf(p) - DAY_CODES.indexOf(wkst) + 7) % 7;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day - back));
  return { ...p, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * {@link periodsToSkip} rounded down to a multiple of 8, so that nearby ranges start the iterator
 * at the same place (and can share a cached stream) at the cost of at most 8 extra periods.
 */
function quantizedSkip(data: IcalRuleData, start: WallParts, startWall: number, lowWall: number): number {
  return Math.floor(periodsToSkip(data, start, startWall, lowWall) / 8) * 8;
}

/** Whole periods of the rule between the start and `lowWall`, minus one for safety (0: none). */
function periodsToSkip(data: IcalRuleData, start: WallParts, startWall: number, lowWall: number): number {
  if (!(lowWall > startWall)) return 0;
  const fixed = FIXED_PERIOD_MS[data.freq];
  if (fixed !== undefined) return Math.max(0, Math.floor((lowWall - startWall) / (fixed * data.interval)) - 1);
  const low = partsFromWall(lowWall);
  const units = data.freq === 'MONTHLY' ? low.year * 12 + low.month - (start.year * 12 + start.month) : low.year - start.year;
  return Math.max(0, Math.floor(units / data.interval) - 1);
}

/**
 * The start moved by `k` whole periods of the rule (see {@link RuleStream}), or undefined when
 * `k` is 0 or the move would change what the rule generates. May add explicit BY parts to `data`.
 */
function shiftStart(data: IcalRuleData, start: WallParts, startWall: number, k: number): WallParts | undefined {
  if (k === 0) return undefined;
  const fixed = FIXED_PERIOD_MS[data.freq];
  if (fixed !== undefined) return partsFromWall(startWall + k * fixed * data.interval);
  if (data.freq === 'MONTHLY') {
    const months = start.year * 12 + (start.month - 1) + k * data.interval;
    let day = start.day;
    if (day > 28) {
      // Moving to a shorter month would change the default BYMONTHDAY (RFC 5545: DTSTART's day).
      if (!data.byday && !data.bymonthday) data.bymonthday = [day];
      day = 1;
    }
    const year = Math.floor(months / 12);
    return year < 1 ? undefined : { ...start, year, month: (months % 12) + 1, day };
  }
  // YEARLY. BYWEEKNO without BYDAY takes its weekday from DTSTART, which moving by years changes.
  if (data.byweekno && !data.byday) return undefined;
  if (start.month === 2 && start.day === 29) return undefined;
  const year = start.year + k * data.interval;
  return year < 1 ? undefined : { ...start, year };
}
