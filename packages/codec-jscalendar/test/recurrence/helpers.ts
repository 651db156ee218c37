import { expect } from '@jest/globals';
import { expandRecurrence, type ExpandOptions, type RecurrenceExpansion, type RecurringObject } from '../../src/recurrence/index.js';

/** Expands and fails the test on errors. */
export function expand(object: RecurringObject, from: string, to: string, options: Partial<ExpandOptions> = {}): RecurrenceExpansion {
  const r = expandRecurrence(object, { from: new Date(from), to: new Date(to), ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** Instance starts as ISO instants without milliseconds. */
export function starts(x: RecurrenceExpansion): string[] {
  return x.instances.map((i) => i.start.toISOString().replace('.000Z', 'Z'));
}

export function ids(x: RecurrenceExpansion): string[] {
  return x.instances.map((i) => i.recurrenceId);
}

export function expectSorted(x: RecurrenceExpansion): void {
  for (let i = 1; i < x.instances.length; i++) expect(x.instances[i]!.start.getTime()).toBeGreaterThanOrEqual(x.instances[i - 1]!.start.getTime());
}
