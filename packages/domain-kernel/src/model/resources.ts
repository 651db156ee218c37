import type { ChangeNumber, CollectionId, ResourceId } from '../ids.js';

export const RESOURCE_KINDS = ['card', 'card-group', 'event', 'task', 'timesheet'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The instants a resource covers, for time-range queries; null = unbounded on that side. */
export interface TimeRange {
  readonly start: Date | null;
  readonly end: Date | null;
}

/**
 * What a writer hands to storage. `data` is the canonical JSON (JSCalendar, JSContact or
 * the timesheet object); `rawText` is the iCalendar/vCard text when the write came over DAV,
 * kept byte for byte so that a later GET returns what was PUT (DECISIONS.md "ETags").
 */
export interface ResourceDraft<T = unknown> {
  readonly uid: string;
  /** The DAV name (last URL segment), e.g. `<uid>.ics`. */
  readonly name: string;
  readonly kind: ResourceKind;
  readonly data: T;
  readonly rawText?: string | null;
  readonly timeRange?: TimeRange | null;
  /** The zone the times were written in, kept beside the instants. */
  readonly timeZone?: string | null;
}

/** One live resource as stored. `revision` grows by one with every write. */
export interface StoredResource<T = unknown> {
  readonly id: ResourceId;
  readonly collectionId: CollectionId;
  readonly uid: string;
  readonly name: string;
  readonly kind: ResourceKind;
  readonly data: T;
  readonly rawText: string | null;
  readonly timeRange: TimeRange | null;
  readonly timeZone: string | null;
  readonly revision: number;
  readonly changeNumber: ChangeNumber;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One entry of a collection's change log: the latest state of a resource after `since`. */
export type ResourceChange<T = unknown> =
  | { readonly deleted: false; readonly changeNumber: ChangeNumber; readonly resource: StoredResource<T> }
  | {
      readonly deleted: true;
      readonly changeNumber: ChangeNumber;
      readonly id: ResourceId;
      readonly kind: ResourceKind;
      readonly uid: string;
      readonly name: string;
    };

/**
 * A page of changes in change-number order. `token` is the position after the last change
 * returned (the collection's current number when `more` is false), to pass as `since` next.
 */
export interface ChangeSet<T = unknown> {
  readonly changes: readonly ResourceChange<T>[];
  readonly token: ChangeNumber;
  readonly more: boolean;
}

/**
 * A filter over the resources of a collection, for listings and searches. Every given part must
 * match (AND).
 */
export interface ResourceQuery {
  /** Case-insensitive substring anywhere in the resource's JSON (values and member names). */
  readonly text?: string;
  /**
   * JSON paths (member names from the root) whose value must equal `value` as text, or be an array
   * holding that string (multi-valued fields such as select custom fields).
   */
  readonly equals?: readonly { readonly path: readonly string[]; readonly value: string }[];
  /** Resources whose time range overlaps [start, end); an open side matches everything. */
  readonly timeRange?: { readonly start?: Date; readonly end?: Date };
  readonly kinds?: readonly ResourceKind[];
}

/**
 * Whether a resource's range overlaps a query range, RFC 4791 §9.9: [s, e) overlaps [start, end)
 * when s < end and e > start; a zero-length range (s = e) matches when start <= s < end. Null
 * sides are unbounded.
 */
export function overlaps(range: TimeRange | null, query: { start?: Date; end?: Date }): boolean {
  const s = range?.start?.getTime() ?? -Infinity;
  const e = range?.end?.getTime() ?? Infinity;
  const qs = query.start?.getTime() ?? -Infinity;
  const qe = query.end?.getTime() ?? Infinity;
  if (s >= qe) return false;
  return s === e ? s >= qs : e > qs;
}

/**
 * Whether a resource matches a query: the in-process reading of ResourceQuery, the same as the
 * SQL adapter's (in-memory adapters, and filtering a sync's changes).
 */
export function resourceMatches(r: Pick<StoredResource, 'data' | 'kind' | 'timeRange'>, q: ResourceQuery = {}): boolean {
  if (q.kinds && !q.kinds.includes(r.kind)) return false;
  if (q.text && !JSON.stringify(r.data).toLowerCase().includes(q.text.toLowerCase())) return false;
  for (const { path, value } of q.equals ?? []) {
    let v: unknown = r.data;
    for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(v) ? !v.includes(value) : v === undefined || v === null || (typeof v === 'object' ? JSON.stringify(v) : String(v)) !== value) return false;
  }
  return !q.timeRange || overlaps(r.timeRange, q.timeRange);
}
