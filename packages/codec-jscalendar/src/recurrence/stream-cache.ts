// Shares rule streams between expansions. Listing a calendar expands the same recurring events for
// the same (or a nearby) range again and again; ical.js's iteration is most of the cost, so the
// occurrences a stream has generated are kept, and a later expansion of the same rule replays
// them and continues the same iterator. Bounded: at most MAX_SERIES streams (least recently used
// evicted) of at most MAX_WALLS occurrences each.
import { RuleStream, type IterationBudget } from './rule-stream.js';
import type { MappedRule } from './rule-mapping.js';
import type { Issue } from './types.js';

const MAX_SERIES = 128;
const MAX_WALLS = 10_000;

interface Shared {
  walls: number[];
  source: RuleStream;
  /** The source stopped on an ical.js error: its warning, for every reader reaching the end. */
  failure?: Issue[];
}

const cache = new Map<string, Shared>();

/** What the merge needs of a stream. */
export interface WallStream {
  head: number | undefined;
  truncated: boolean;
  advance(): void;
}

/**
 * A stream of the rule's occurrences (see {@link RuleStream}), from the cache when an equal one
 * (same rule, start, role and skip) was opened before. Steps taken to extend it are charged to
 * `budget`; a stream the budget stopped is never cached, since ical.js's iterator cannot resume
 * from the middle of a step.
 */
export function openRuleStream(
  rule: MappedRule, startWall: number, lowWall: number, budget: IterationBudget, warnings: Issue[], path: string,
  role: 'series' | 'exclusion', allowSkip: boolean,
): WallStream {
  const key = `${role}|${path}|${startWall}|${RuleStream.skipFor(rule, startWall, lowWall, allowSkip)}|${JSON.stringify(rule)}`;
  let shared = cache.get(key);
  if (shared !== undefined) {
    cache.delete(key); // re-insert: most recently used last
    shared.source.attach(budget, warnings);
  } else {
    const failures: Issue[] = [];
    const source = new RuleStream(rule, startWall, lowWall, budget, failures, path, role, allowSkip);
    shared = { walls: source.head === undefined ? [] : [source.head], source };
    if (failures.length > 0) shared.failure = failures;
    warnings.push(...failures);
    source.attach(budget, warnings);
  }
  if (!shared.source.truncated) {
    cache.set(key, shared);
    if (cache.size > MAX_SERIES) cache.delete(cache.keys().next().value!);
  }
  return new Cursor(key, shared, warnings);
}

/**
 * Empties the cache of generated occurrences that expansions share (at most 128 rules of at
 * most 10 000 occurrences each). Results never depend on it; this only frees its memory.
 */
export function clearRecurrenceCache(): void {
  cache.clear();
}

class Cursor implements WallStream {
  head: number | undefined;
  truncated = false;
  #index = 0;

  constructor(readonly key: string, readonly shared: Shared, readonly warnings: Issue[]) {
    this.head = shared.walls[0];
    if (this.head === undefined) this.#end();
  }

  advance(): void {
    const { walls, source } = this.shared;
    this.#index++;
    if (this.#index < walls.length) {
      this.head = walls[this.#index];
      return;
    }
    const before = this.warnings.length;
    source.advance();
    if (source.head !== undefined) {
      walls.push(source.head);
      this.head = source.head;
      if (walls.length > MAX_WALLS) cache.delete(this.key); // keep serving this expansion only
      return;
    }
    if (this.warnings.length > before) this.shared.failure = this.warnings.slice(before);
    this.head = undefined;
    this.#end();
  }

  #end(): void {
    if (this.shared.source.truncated) {
      this.truncated = true;
      cache.delete(this.key);
    } else if (this.shared.failure !== undefined && !this.shared.failure.every((f) => this.warnings.includes(f))) {
      this.warnings.push(...this.shared.failure);
    }
  }
}
