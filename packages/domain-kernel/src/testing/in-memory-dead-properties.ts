import { NotFoundError } from '../errors.js';
import type { CollectionId } from '../ids.js';
import type { CollectionRepository } from '../ports/collection-repository.js';
import type { DeadProperty, DeadPropertyChanges, DeadPropertyRepository } from '../ports/dead-property-repository.js';

const key = (p: { ns: string; name: string }) => `${p.ns}\u0000${p.name}`;
const byNsThenName = (a: DeadProperty, b: DeadProperty) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Dead properties in memory, beside an in-memory kernel store. It asks `collections` whether a
 * collection exists, so that properties of a deleted collection are gone as they are in SQL.
 */
export class InMemoryDeadPropertyRepository implements DeadPropertyRepository {
  readonly #collections: CollectionRepository;
  readonly #byCollection = new Map<CollectionId, Map<string, DeadProperty>>();

  constructor(collections: CollectionRepository) {
    this.#collections = collections;
  }

  async list(collectionId: CollectionId): Promise<DeadProperty[]> {
    if (!(await this.#collections.get(collectionId))) {
      this.#byCollection.delete(collectionId);
      return [];
    }
    return [...(this.#byCollection.get(collectionId)?.values() ?? [])].sort(byNsThenName).map((p) => ({ ...p }));
  }

  async apply(collectionId: CollectionId, changes: DeadPropertyChanges): Promise<void> {
    if (!(await this.#collections.get(collectionId))) throw new NotFoundError('collection', 'collection/not-found', { id: collectionId });
    const props = new Map(this.#byCollection.get(collectionId));
    for (const p of changes.remove ?? []) props.delete(key(p));
    for (const p of changes.set ?? []) props.set(key(p), { ns: p.ns, name: p.name, xml: p.xml });
    this.#byCollection.set(collectionId, props);
  }

  async removeAll(collectionId: CollectionId): Promise<void> {
    this.#byCollection.delete(collectionId);
  }
}
