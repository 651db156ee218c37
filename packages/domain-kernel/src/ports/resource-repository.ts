import type { ChangeNumber, CollectionId, ResourceId } from '../ids.js';
import type { ChangeSet, ResourceDraft, ResourceQuery, StoredResource } from '../model/resources.js';

export interface WriteOptions {
  /** Write only if the stored revision is this one (an If-Match), compared in the same statement. */
  readonly ifRevision?: number;
}

/**
 * Stores the resources of collections (contacts, events, tasks, timesheets) and hands out
 * change numbers. Every create, replace or delete takes the collection's next change number
 * inside its transaction, so change numbers become visible in order: a reader that has seen
 * change n+1 has seen change n. Deletes leave tombstones so that syncs can report them.
 */
export interface ResourceRepository {
  /**
   * @throws UidConflictError when the collection already holds `draft.uid`
   * @throws ResourceNameTakenError when it already holds `draft.name`
   * @throws NotFoundError when the collection does not exist
   */
  create<T>(collectionId: CollectionId, draft: ResourceDraft<T>): Promise<StoredResource<T>>;
  get<T = unknown>(collectionId: CollectionId, id: ResourceId): Promise<StoredResource<T> | undefined>;
  getByName<T = unknown>(collectionId: CollectionId, name: string): Promise<StoredResource<T> | undefined>;
  /** The live resources with these DAV names, in no particular order (a multiget in one query). */
  getManyByName<T = unknown>(collectionId: CollectionId, names: readonly string[]): Promise<StoredResource<T>[]>;
  getByUid<T = unknown>(collectionId: CollectionId, uid: string): Promise<StoredResource<T> | undefined>;
  /** A live resource by its numeric id, whatever its collection (callers check access). */
  findById<T = unknown>(id: ResourceId): Promise<StoredResource<T> | undefined>;
  /**
   * One page of a collection's live resources in id order, after `afterId`, matching `query`.
   * Pages keep memory flat when listing large collections.
   */
  listPage<T = unknown>(
    collectionId: CollectionId,
    opts: { afterId?: ResourceId; limit: number; query?: ResourceQuery },
  ): Promise<StoredResource<T>[]>;
  /**
   * Replaces the content; the name stays. Bumps revision and change number.
   * @throws NotFoundError, RevisionMismatchError, UidConflictError
   */
  replace<T>(collectionId: CollectionId, id: ResourceId, draft: ResourceDraft<T>, opts?: WriteOptions): Promise<StoredResource<T>>;
  /** Leaves a tombstone. @throws NotFoundError, RevisionMismatchError */
  delete(collectionId: CollectionId, id: ResourceId, opts?: WriteOptions): Promise<void>;
  /**
   * The latest state of every resource changed after `since`, tombstones included, in
   * change-number order; every live resource when `since` is null (initial sync).
   * @throws InvalidSyncTokenError when `since` is ahead of the collection or older than its horizon
   * @throws NotFoundError when the collection does not exist
   */
  changesSince<T = unknown>(
    collectionId: CollectionId,
    since: ChangeNumber | null,
    opts?: { limit?: number },
  ): Promise<ChangeSet<T>>;
  /**
   * Drops tombstones older than `before` and moves the collection's sync horizon past them, so
   * that tokens which could miss those deletions become invalid. Returns how many were dropped.
   */
  purgeTombstones(before: Date): Promise<number>;
}
