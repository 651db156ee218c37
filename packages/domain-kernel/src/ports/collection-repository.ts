import type { Collection, CollectionDraft, CollectionPatch } from '../model/collections.js';
import type { CollectionId, PrincipalId } from '../ids.js';

/** Stores collections. A collection's change counter is advanced only by ResourceRepository writes. */
export interface CollectionRepository {
  /** @throws CollectionNameTakenError when the owner already has a collection of that name. */
  create(draft: CollectionDraft): Promise<Collection>;
  get(id: CollectionId): Promise<Collection | undefined>;
  getByName(ownerId: PrincipalId, name: string): Promise<Collection | undefined>;
  /** The owner's collections ordered by id (creation order). */
  listByOwner(ownerId: PrincipalId): Promise<Collection[]>;
  /** @throws NotFoundError */
  update(id: CollectionId, patch: CollectionPatch): Promise<Collection>;
  /** Removes the collection and everything in it. @throws NotFoundError */
  delete(id: CollectionId): Promise<void>;
}
