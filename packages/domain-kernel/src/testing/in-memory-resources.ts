import {
  InvalidSyncTokenError, NotFoundError, ResourceNameTakenError, RevisionMismatchError, UidConflictError,
} from '../errors.js';
import { type ChangeNumber, type CollectionId, type ResourceId, resourceId } from '../ids.js';
import type { Clock } from '../clock.js';
import { type ChangeSet, type ResourceChange, type ResourceDraft, type ResourceQuery, resourceMatches, type StoredResource } from '../model/resources.js';
import type { ResourceRepository, WriteOptions } from '../ports/resource-repository.js';
import type { CollectionRow, InMemoryState, ResourceRow } from './in-memory-state.js';

const toStored = <T>(r: ResourceRow): StoredResource<T> => ({
  id: resourceId(r.id), collectionId: r.collectionId as CollectionId, uid: r.uid, name: r.name, kind: r.kind,
  data: structuredClone(r.data) as T, rawText: r.rawText, timeRange: r.timeRange && { ...r.timeRange },
  timeZone: r.timeZone, revision: r.revision, changeNumber: r.changeNumber,
  createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt),
});

export class InMemoryResourceRepository implements ResourceRepository {
  readonly #state: () => InMemoryState;
  readonly #clock: Clock;
  constructor(state: () => InMemoryState, clock: Clock) {
    this.#state = state;
    this.#clock = clock;
  }

  #collection(id: CollectionId): CollectionRow {
    const c = this.#state().collections.get(id);
    if (!c) throw new NotFoundError('collection', 'collection/not-found', { id });
    return c;
  }
  #live(collectionId: CollectionId): ResourceRow[] {
    return [...this.#state().resources.values()].filter((r) => r.collectionId === collectionId && !r.deletedAt);
  }
  #liveRow(collectionId: CollectionId, id: ResourceId, opts: WriteOptions = {}): ResourceRow {
    const row = this.#state().resources.get(id);
    if (!row || row.collectionId !== collectionId || row.deletedAt) throw new NotFoundError('resource', 'resource/not-found', { id });
    if (opts.ifRevision !== undefined && opts.ifRevision !== row.revision) throw new RevisionMismatchError(opts.ifRevision, row.revision);
    return row;
  }

  async create<T>(collectionId: CollectionId, draft: ResourceDraft<T>): Promise<StoredResource<T>> {
    const c = this.#collection(collectionId);
    const live = this.#live(collectionId);
    const sameUid = live.find((r) => r.uid === draft.uid);
    if (sameUid) throw new UidConflictError(draft.uid, sameUid.name);
    if (live.some((r) => r.name === draft.name)) throw new ResourceNameTakenError(draft.name);
    const now = this.#clock.now();
    const row: ResourceRow = {
      id: ++this.#state().seq.resource, collectionId, uid: draft.uid, name: draft.name, kind: draft.kind,
      data: structuredClone(draft.data), rawText: draft.rawText ?? null, timeRange: draft.timeRange ?? null,
      timeZone: draft.timeZone ?? null, revision: 1, changeNumber: ++c.changeNumber, createdAt: now, updatedAt: now,
      deletedAt: null,
    };
    this.#state().resources.set(row.id, row);
    return toStored<T>(row);
  }

  async get<T>(collectionId: CollectionId, id: ResourceId) {
    const r = this.#state().resources.get(id);
    return r && r.collectionId === collectionId && !r.deletedAt ? toStored<T>(r) : undefined;
  }
  async getByName<T>(collectionId: CollectionId, name: string) {
    const r = this.#live(collectionId).find((x) => x.name === name);
    return r && toStored<T>(r);
  }
  async getManyByName<T>(collectionId: CollectionId, names: readonly string[]) {
    const wanted = new Set(names);
    return this.#live(collectionId).filter((x) => wanted.has(x.name)).map((r) => toStored<T>(r));
  }
  async getByUid<T>(collectionId: CollectionId, uid: string) {
    const r = this.#live(collectionId).find((x) => x.uid === uid);
    return r && toStored<T>(r);
  }

  async findById<T>(id: ResourceId) {
    const r = this.#state().resources.get(id);
    return r && !r.deletedAt ? toStored<T>(r) : undefined;
  }

  async listPage<T>(collectionId: CollectionId, opts: { afterId?: ResourceId; limit: number; query?: ResourceQuery }) {
    return this.#live(collectionId)
      .filter((r) => r.id > (opts.afterId ?? 0) && resourceMatches(r, opts.query))
      .sort((a, b) => a.id - b.id).slice(0, opts.limit).map((r) => toStored<T>(r));
  }

  async replace<T>(collectionId: CollectionId, id: ResourceId, draft: ResourceDraft<T>, opts?: WriteOptions) {
    const c = this.#collection(collectionId);
    const row = this.#liveRow(collectionId, id, opts);
    const other = this.#live(collectionId).find((r) => r.uid === draft.uid && r.id !== id);
    if (other) throw new UidConflictError(draft.uid, other.name);
    Object.assign(row, {
      uid: draft.uid, kind: draft.kind, data: structuredClone(draft.data), rawText: draft.rawText ?? null,
      timeRange: draft.timeRange ?? null, timeZone: draft.timeZone ?? null, revision: row.revision + 1,
      changeNumber: ++c.changeNumber, updatedAt: this.#clock.now(),
    });
    return toStored<T>(row);
  }

  async delete(collectionId: CollectionId, id: ResourceId, opts?: WriteOptions) {
    const c = this.#collection(collectionId);
    const row = this.#liveRow(collectionId, id, opts);
    const now = this.#clock.now();
    Object.assign(row, { deletedAt: now, updatedAt: now, revision: row.revision + 1, changeNumber: ++c.changeNumber });
  }

  async changesSince<T>(collectionId: CollectionId, since: ChangeNumber | null, opts: { limit?: number } = {}): Promise<ChangeSet<T>> {
    const c = this.#collection(collectionId);
    if (since !== null && (since > c.changeNumber || since < c.syncFloor || !Number.isInteger(since) || since < 0)) {
      throw new InvalidSyncTokenError(since, since > c.changeNumber ? 'ahead of the collection' : 'older than the sync horizon');
    }
    const rows = [...this.#state().resources.values()]
      .filter((r) => r.collectionId === collectionId && (since === null ? !r.deletedAt : r.changeNumber > since))
      .sort((a, b) => a.changeNumber - b.changeNumber);
    const limit = opts.limit ?? Infinity;
    const page = rows.slice(0, limit);
    const more = rows.length > page.length;
    const changes: ResourceChange<T>[] = page.map((r) =>
      r.deletedAt
        ? { deleted: true, changeNumber: r.changeNumber, id: resourceId(r.id), kind: r.kind, uid: r.uid, name: r.name }
        : { deleted: false, changeNumber: r.changeNumber, resource: toStored<T>(r) });
    return { changes, more, token: more ? page[page.length - 1]!.changeNumber : c.changeNumber };
  }

  async purgeTombstones(before: Date) {
    const state = this.#state();
    let dropped = 0;
    for (const [id, r] of state.resources) {
      if (r.deletedAt && r.deletedAt < before) {
        const c = state.collections.get(r.collectionId);
        if (c) c.syncFloor = Math.max(c.syncFloor, r.changeNumber);
        state.resources.delete(id);
        dropped++;
      }
    }
    return dropped;
  }
}
