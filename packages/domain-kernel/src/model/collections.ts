import { ValidationError } from '../errors.js';
import type { ChangeNumber, CollectionId, PrincipalId } from '../ids.js';

export const COLLECTION_KINDS = ['addressbook', 'calendar', 'tasks', 'timesheet', 'inbox', 'outbox'] as const;
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

/** A container of resources owned by a user or group, addressed as `/<owner>/<name>/`. */
export interface Collection {
  readonly id: CollectionId;
  readonly ownerId: PrincipalId;
  readonly kind: CollectionKind;
  /** The URL segment under the owner's home, unique per owner. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  /** `#RRGGBB` or `#RRGGBBAA`, as Apple's calendar-color carries it, or null. */
  readonly color: string | null;
  /** The number of the last change committed to this collection (the ctag). */
  readonly changeNumber: ChangeNumber;
  readonly createdAt: Date;
}

export type CollectionDraft = Pick<Collection, 'ownerId' | 'kind' | 'name'> &
  Partial<Pick<Collection, 'displayName' | 'description' | 'color'>>;

export type CollectionPatch = Partial<Pick<Collection, 'displayName' | 'description' | 'color'>>;

/**
 * The collections every new account starts with (DECISIONS.md "Storage"). Groups get no
 * scheduling inbox/outbox and no timesheet (behaviour §1.2).
 */
export function defaultCollections(
  ownerId: PrincipalId,
  ownerKind: 'user' | 'group',
  ownerLabel: string,
): CollectionDraft[] {
  const all: CollectionDraft[] = [
    { ownerId, kind: 'addressbook', name: 'addressbook', displayName: `${ownerLabel} addressbook` },
    { ownerId, kind: 'calendar', name: 'calendar', displayName: `${ownerLabel} calendar` },
    { ownerId, kind: 'tasks', name: 'infolog', displayName: `${ownerLabel} tasks` },
    { ownerId, kind: 'timesheet', name: 'timesheet', displayName: `${ownerLabel} timesheet` },
    { ownerId, kind: 'inbox', name: 'inbox', displayName: 'Scheduling inbox' },
    { ownerId, kind: 'outbox', name: 'outbox', displayName: 'Scheduling outbox' },
  ];
  return ownerKind === 'user' ? all : all.filter((c) => ['addressbook', 'calendar', 'tasks'].includes(c.kind));
}

const COLLECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;
const COLOR = /^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/;

/** @throws ValidationError when the name is not a safe URL segment or the color is malformed. */
export function validateCollectionDraft(draft: CollectionDraft): CollectionDraft {
  const issues = [];
  if (!COLLECTION_NAME.test(draft.name)) issues.push({ path: '/name', message: 'must be a URL-safe segment of 1-128 characters' });
  if (draft.color != null && !COLOR.test(draft.color)) issues.push({ path: '/color', message: 'must be #RRGGBB or #RRGGBBAA' });
  if (issues.length) throw new ValidationError('invalid collection', issues, 'collection/invalid');
  return draft;
}
