import type { CollectionId } from '../ids.js';

/**
 * A property a client set on a collection that Almanac does not interpret (RFC 4918 §4.2 "dead
 * property"), kept as the complete XML element the client sent, so that it comes back exactly as
 * it was set whatever prefixes the next client uses. `ns`/`name` identify it; `xml` is opaque here.
 */
export interface DeadProperty {
  /** The namespace URI (`''` for no namespace). */
  readonly ns: string;
  /** The local name. */
  readonly name: string;
  /** The serialised element, self-contained (it declares every namespace it uses). */
  readonly xml: string;
}

/** Changes applied by {@link DeadPropertyRepository.apply}: removals first, then the sets. */
export interface DeadPropertyChanges {
  readonly set?: readonly DeadProperty[];
  readonly remove?: readonly { readonly ns: string; readonly name: string }[];
}

/**
 * Stores the dead properties of collections (PROPPATCH, MKCOL and MKCALENDAR bodies). A property is
 * identified by its collection, namespace and local name; setting it again replaces it. Deleting a
 * collection deletes its properties.
 */
export interface DeadPropertyRepository {
  /** The collection's properties ordered by namespace, then name; `[]` for an unknown collection. */
  list(collectionId: CollectionId): Promise<DeadProperty[]>;
  /**
   * Removes and sets properties in one step (all or nothing). Removing a property that is not
   * there is not an error (RFC 4918 §14.23).
   * @throws NotFoundError when the collection does not exist
   */
  apply(collectionId: CollectionId, changes: DeadPropertyChanges): Promise<void>;
  /** Drops every property of the collection (before the collection itself goes). */
  removeAll(collectionId: CollectionId): Promise<void>;
}
