import type { App, PrincipalId } from '@almanac/domain-kernel';

/** An account as a task participant shows it (behaviour §5.4). */
export interface AccountSummary {
  readonly id: PrincipalId;
  readonly kind: 'individual' | 'group';
  /** Full name of a user, name of a group. */
  readonly name: string;
  readonly email: string | null;
}

/**
 * What a primary link (`relatedTo` relation `egroupware.org-primary`, behaviour §5.4) points at:
 * an entry by app and numeric id, or a contact found by the value of one of its fields
 * (`id`, `email`, or `egroupware.org:customfields/<name>`).
 */
export type PrimaryLinkRef =
  | { readonly app: App; readonly id: number }
  | { readonly app: 'addressbook'; readonly field: string; readonly value: string };

/** An entry a primary link may point at. */
export interface LinkTarget {
  readonly app: App;
  readonly id: number;
}

/**
 * The look-ups reading a task needs, seen with the writer's rights: only what the writer may read
 * is found. Implemented over the kernel's repositories by the REST adapter.
 */
export interface TaskLookups {
  /** A user or group by its numeric id. */
  accountById(id: number): Promise<AccountSummary | undefined>;
  /** The user with this email address (case-insensitive), if exactly one has it. */
  accountByEmail(email: string): Promise<AccountSummary | undefined>;
  /** A task the writer may read, by its (stored) UID, with the UID of its parent if it has one. */
  taskByUid(uid: string): Promise<{ readonly uid: string; readonly parentUid: string | null } | undefined>;
  /**
   * The entry a primary link names, if the writer may read it and (for a field look-up) exactly
   * one contact matches; otherwise a sentence saying why not.
   */
  linkTarget(ref: PrimaryLinkRef): Promise<LinkTarget | { readonly problem: string }>;
}
