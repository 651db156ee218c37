import type { CustomFieldValue } from '@almanac/domain-kernel';

/**
 * A time entry as stored: the timesheet JSON of behaviour §5.5 minus what the server derives
 * (id, etag, created, modified, owner). Members Almanac does not model are kept as they came
 * (DECISIONS.md: never silently dropped).
 */
export interface TimesheetData {
  readonly '@type': 'timesheet';
  readonly title: string;
  readonly description?: string;
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly start: string;
  /** Minutes worked. */
  readonly duration: number;
  /** Minutes of breaks. */
  readonly paused?: number;
  readonly quantity: number;
  readonly unitprice?: number;
  readonly project?: string;
  readonly pricelist?: number;
  /** The single category name. */
  readonly category?: string;
  /** An admin-defined status label. */
  readonly status?: string;
  /** The account that last wrote it. */
  readonly modifier?: number;
  /** Accounts besides the owner's grantees that may read it. */
  readonly readable?: readonly number[];
  readonly 'egroupware.org:customfields'?: Readonly<Record<string, CustomFieldValue>>;
  readonly [other: string]: unknown;
}

/** Members the server computes or owns; input values for them are ignored (behaviour §3.12). */
export const READ_ONLY_MEMBERS: ReadonlySet<string> = new Set(['@type', 'id', 'etag', 'created', 'modified', 'modifier', 'owner', 'pm_id']);

/** The members of TimesheetData that have a meaning here; everything else is carried along. */
export const KNOWN_MEMBERS: ReadonlySet<string> = new Set([
  'title', 'description', 'start', 'duration', 'paused', 'quantity', 'unitprice', 'project', 'pricelist', 'category',
  'status', 'readable', 'egroupware.org:customfields',
]);
