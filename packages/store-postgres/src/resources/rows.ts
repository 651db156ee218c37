import {
  type CollectionId, collectionId, type ResourceChange, type ResourceDraft, type ResourceKind, resourceId, type StoredResource,
} from '@almanac/domain-kernel';
import type { Insertable, Selectable } from 'kysely';
import type { ResourceTable } from '../schema.js';

export type ResourceRow = Selectable<ResourceTable>;

export const toStoredResource = <T>(r: ResourceRow): StoredResource<T> => ({
  id: resourceId(r.id), collectionId: collectionId(r.collection_id), uid: r.uid, name: r.name,
  kind: r.kind as ResourceKind, data: r.data as T, rawText: r.raw_text,
  timeRange: r.starts_at === null && r.ends_at === null ? null : { start: r.starts_at, end: r.ends_at },
  timeZone: r.time_zone, revision: r.revision, changeNumber: r.change_number,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export const toChange = <T>(r: ResourceRow): ResourceChange<T> =>
  r.deleted_at
    ? { deleted: true, changeNumber: r.change_number, id: resourceId(r.id), kind: r.kind as ResourceKind, uid: r.uid, name: r.name }
    : { deleted: false, changeNumber: r.change_number, resource: toStoredResource<T>(r) };

/** The columns a draft sets, shared by insert and update. */
export const draftColumns = (draft: ResourceDraft) => ({
  uid: draft.uid, kind: draft.kind, data: JSON.stringify(draft.data), raw_text: draft.rawText ?? null,
  starts_at: draft.timeRange?.start ?? null, ends_at: draft.timeRange?.end ?? null, time_zone: draft.timeZone ?? null,
});

export const toResourceInsert = (
  collection: CollectionId, draft: ResourceDraft, changeNumber: number,
): Insertable<ResourceTable> => ({
  ...draftColumns(draft), collection_id: collection, name: draft.name, revision: 1, change_number: changeNumber, deleted_at: null,
});
