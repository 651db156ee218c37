import { IANAZone } from 'luxon';
import { MS_PER_DAY } from './local-date-time.js';

/** Converts between wall-clock time in one zone and instants (both as epoch milliseconds). */
export interface WallClock {
  /** The zone name as resolved (`UTC`, `Europe/Berlin`). */
  readonly name: string;
  /**
   * The instant of a wall time, per RFC 5545 §3.3.5: a wall time that occurs twice (DST ends)
   * is the first occurrence; one that does not occur (DST starts) is read with the offset before
   * the gap, so it lands as far after the gap as it was inside it.
   */
  toInstant(wall: number): number;
  /** The wall time of an instant. */
  toWall(instant: number): number;
}

const UTC_CLOCK: WallClock = { name: 'UTC', toInstant: (w) => w, toWall: (i) => i };

/**
 * The wall clock of an IANA zone (through luxon, so Node's ICU data), or `undefined` for a name
 * that is not a zone. Clocks are cached per zone name.
 */
export function wallClock(name: string): WallClock | undefined {
  const cached = clocks.get(name);
  if (cached !== undefined) return cached;
  let clock: WallClock | undefined;
  if (name === 'UTC' || name === 'Etc/UTC' || name === 'GMT' || name === 'Etc/GMT' || name === 'Z') {
    clock = UTC_CLOCK;
  } else if (IANAZone.isValidZone(name)) {
    clock = new TransitionCachedClock(IANAZone.create(name));
  } else {
    return undefined;
  }
  if (clocks.size > 1000) clocks.clear();
  clocks.set(name, clock);
  return clock;
}

const clocks = new Map<string, WallClock>();

/** Offsets are looked up per block of this many milliseconds (about 97 days). */
const BLOCK_MS = 2 ** 33;
/** Within a block, offsets are sampled this far apart; two transitions closer than that that
 *  cancel out would be missed (none exists in the time zone database since 1970). */
const SAMPLE_MS = 7 * MS_PER_DAY;

interface Transition {
  at: number;
  offset: number;
}

/**
 * Offsets from luxon's IANAZone are exact but cost an Intl call each (microseconds). Recurrence
 * converts thousands of instants, so this clock finds the transitions of each ~97-day block
 * once (weekly samples, then bisection to the second) and answers from that table.
 */
class TransitionCachedClock implements WallClock {
  readonly name: string;
  readonly #zone: IANAZone;
  readonly #blocks = new Map<number, { first: number; transitions: Transition[] }>();

  constructor(zone: IANAZone) {
    this.name = zone.name;
    this.#zone = zone;
  }

  /** Offset in milliseconds at an instant. */
  offset(instant: number): number {
    const index = Math.floor(instant / BLOCK_MS);
    let block = this.#blocks.get(index);
    if (block === undefined) {
      block = this.#scan(index * BLOCK_MS, (index + 1) * BLOCK_MS);
      if (this.#blocks.size > 4096) this.#blocks.clear();
      this.#blocks.set(index, block);
    }
    let offset = block.first;
    for (const t of block.transitions) {
      if (instant < t.at) break;
      offset = t.offset;
    }
    return offset;
  }

  toWall(instant: number): number {
    return instant + this.offset(instant);
  }

  toInstant(wall: number): number {
    // Offsets are within ±18 h, so the instant lies within a day of the wall time read as UTC;
    // the offsets a day before and after are the candidates.
    const before = this.offset(wall - MS_PER_DAY);
    const after = this.offset(wall + MS_PER_DAY);
    if (before === after) {
      if (this.offset(wall - before) === before) return wall - before;
      return wall - this.#exactOffset(wall - before);
    }
    const beforeFits = this.offset(wall - before) === before;
    const afterFits = this.offset(wall - after) === after;
    if (beforeFits && afterFits) return wall - Math.max(before, after); // twice: the first one
    if (beforeFits) return wall - before;
    if (afterFits) return wall - after;
    return wall - before; // in a gap: the offset before the gap moves it forward
  }

  /** Fallback for an irregular spot: luxon's own answer. */
  #exactOffset(instant: number): number {
    return this.#zone.offset(instant) * 60_000;
  }

  #scan(start: number, end: number): { first: number; transitions: Transition[] } {
    const first = this.#exactOffset(start);
    const transitions: Transition[] = [];
    let previousAt = start;
    let previous = first;
    for (let at = start + SAMPLE_MS; ; at += SAMPLE_MS) {
      const sampleAt = Math.min(at, end);
      const offset = this.#exactOffset(sampleAt);
      if (offset !== previous) this.#bisect(previousAt, previous, sampleAt, offset, transitions);
      previousAt = sampleAt;
      previous = offset;
      if (sampleAt >= end) break;
    }
    return { first, transitions };
  }

  /** Finds the transitions between `lo` (offset `loOffset`) and `hi` (a different offset). */
  #bisect(lo: number, loOffset: number, hi: number, hiOffset: number, out: Transition[]): void {
    // Transitions fall on whole seconds: bisect over seconds.
    let a = Math.floor(lo / 1000);
    let b = Math.ceil(hi / 1000);
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (this.#exactOffset(mid * 1000) === loOffset) a = mid;
      else b = mid;
    }
    const at = b * 1000;
    const offset = this.#exactOffset(at);
    out.push({ at, offset });
    // A second transition between here and hi (offset went A -> B -> C).
    if (offset !== hiOffset) this.#bisect(at, offset, hi, hiOffset, out);
  }
}
