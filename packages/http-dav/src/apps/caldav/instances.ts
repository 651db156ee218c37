import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import {
  expandRecurrence, formatLocalDateTime, type RecurringObject, type WallClock, wallClock,
} from '@almanac/codec-jscalendar/recurrence';
import { childComponents, compName, firstProperty } from './jcal.js';
import { clockOfTzid, instantOfValue, type TimeContext } from './times.js';

/** One occurrence of a calendar component, as instants (epoch ms). */
export interface Instance {
  /** The recurrence id: the original start as LocalDateTime in the series' zone. */
  readonly recurrenceId: string;
  readonly start: number;
  readonly end: number;
  /** The series has an override (or an added date) for it. */
  readonly isOverride: boolean;
}

/** Steps of the recurrence engine one object may take while its time budget lasts, and after. */
const ITERATIONS = 20_000;
const ITERATIONS_WHEN_SPENT = 1_000;
/** Milliseconds of expansion one request may spend before each object gets the small budget. */
const REQUEST_BUDGET_MS = 3_000;

/**
 * A per-request bound on recurrence expansion (a REPORT may expand thousands of objects): every
 * object gets the engine's per-object step limit, and once the request has spent its time budget
 * a much smaller one, so that hostile rules cannot hold a request. Kept in the render context's
 * per-request cache (see {@link budgetOf}).
 */
export class ExpansionBudget {
  #spentMs = 0;

  /** Runs one expansion with the step limit the budget allows now, and books its time. */
  run<T>(expand: (maxIterations: number) => T): T {
    const started = performance.now();
    try {
      return expand(this.#spentMs < REQUEST_BUDGET_MS ? ITERATIONS : ITERATIONS_WHEN_SPENT);
    } finally {
      this.#spentMs += performance.now() - started;
    }
  }
}

/** The expansion budget of one request, made on first use. */
export function budgetOf(cache: Map<string, unknown>): ExpansionBudget {
  let budget = cache.get('caldav:expansion-budget') as ExpansionBudget | undefined;
  if (!budget) cache.set('caldav:expansion-budget', (budget = new ExpansionBudget()));
  return budget;
}

/**
 * A calendar object resource as the CalDAV apps read it: its iCalendar (as GET shows it) parsed,
 * and its canonical JSCalendar object, whose recurrence the engine expands. The instances of each
 * VEVENT/VTODO component are those of the series that component stands for: an override
 * (RECURRENCE-ID) its own, the main component the rest (RFC 4791 §9.9 applies to each).
 */
export class CalendarObjectView {
  readonly #memo = new Map<string, Instance[]>();
  readonly #overrides = new Map<string, JCalComponent>();
  readonly #main: JCalComponent | undefined;
  readonly #first: JCalComponent | undefined;
  readonly #zone: WallClock;

  constructor(
    readonly vcalendar: JCalComponent,
    /** The canonical Event or Task (the server's members removed). */
    readonly entry: RecurringObject & Readonly<Record<string, unknown>>,
    /** VEVENT or VTODO. */
    readonly type: string,
    readonly tc: TimeContext,
    readonly budget: ExpansionBudget,
  ) {
    const zone = typeof entry.timeZone === 'string' ? entry.timeZone : undefined;
    this.#zone = (zone && !zone.startsWith('/') && wallClock(zone)) || tc.floating;
    for (const c of childComponents(vcalendar, type)) {
      this.#first ??= c;
      const rid = firstProperty(c, 'RECURRENCE-ID');
      const key = rid && this.#keyOf(rid);
      if (key) this.#overrides.set(key, c);
      else this.#main ??= c;
    }
  }

  /** The VEVENT/VTODO components of the object. */
  get components(): JCalComponent[] {
    return childComponents(this.vcalendar, this.type);
  }

  /** Whether the canonical object recurs (rules or overrides). */
  get recurs(): boolean {
    const e = this.entry as Record<string, unknown>;
    return Boolean((Array.isArray(e.recurrenceRules) && e.recurrenceRules.length) || e.recurrenceRule
      || (e.recurrenceOverrides && typeof e.recurrenceOverrides === 'object' && Object.keys(e.recurrenceOverrides).length));
  }

  /** The instances of the whole object overlapping [from, to) (RFC 4791 §9.9), by start. */
  instances(from: number, to: number): Instance[] {
    const key = `${from}/${to}`;
    let found = this.#memo.get(key);
    if (!found) {
      const expanded = this.budget.run((maxIterations) => expandRecurrence(this.entry, {
        from: new Date(from), to: new Date(to), floatingZone: this.tc.floating.name, maxIterations,
      }));
      found = expanded.ok ? expanded.value.instances.map((i) => ({ recurrenceId: i.recurrenceId, start: i.start.getTime(), end: i.end.getTime(), isOverride: i.isOverride })) : [];
      if (this.#memo.size > 64) this.#memo.clear();
      this.#memo.set(key, found);
    }
    return found;
  }

  /** The component an instance belongs to: its override, else the main component (else the first). */
  componentOf(instance: Instance): JCalComponent | undefined {
    return this.#overrides.get(instance.recurrenceId) ?? this.#main ?? this.#first;
  }

  /** The instances of one component overlapping [from, to). */
  instancesOf(component: JCalComponent, from: number, to: number): Instance[] {
    return this.instances(from, to).filter((i) => this.componentOf(i) === component);
  }

  /** The override component for a recurrence id, if the object has one. */
  overrideFor(recurrenceId: string): JCalComponent | undefined {
    return this.#overrides.get(recurrenceId);
  }

  /** The main component (no RECURRENCE-ID), else the first. */
  get main(): JCalComponent | undefined {
    return this.#main ?? this.#first;
  }

  /**
   * The recurrence id of a RECURRENCE-ID property as the canonical object keys it: a
   * LocalDateTime in the series' zone (a date as its midnight; a UTC or other-zone value converted).
   */
  #keyOf(rid: JCalProperty): string | undefined {
    const value = rid[3];
    if (typeof value !== 'string') return undefined;
    if (rid[2] === 'date') return `${value}T00:00:00`;
    const tzid = rid[1].tzid;
    const sameZone = !value.endsWith('Z') && (tzid === undefined ? this.#zone === this.tc.floating : clockOfTzid(String(tzid), this.tc) === this.#zone);
    if (sameZone) return value.slice(0, 19);
    const instant = instantOfValue(rid, value, this.tc);
    return instant === undefined ? undefined : formatLocalDateTime(this.#zone.toWall(instant));
  }

  /** The instant of the original start of an instance (its RECURRENCE-ID as UTC). */
  recurrenceInstant(recurrenceId: string): number | undefined {
    const wall = Date.parse(`${recurrenceId}Z`);
    return Number.isNaN(wall) ? undefined : this.#zone.toInstant(wall);
  }
}

/** Whether the component is the series' main one or an override of it. */
export const isOverrideComponent = (c: JCalComponent) => firstProperty(c, 'RECURRENCE-ID') !== undefined;

/** The first component of the object's type, for callers that need the name. */
export const typeOfVCalendar = (vcalendar: JCalComponent): string | undefined =>
  childComponents(vcalendar).map(compName).find((n) => n === 'VEVENT' || n === 'VTODO' || n === 'VJOURNAL');
