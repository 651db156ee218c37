import {
  type CollectionId, DomainError, type KernelRepositories, NotFoundError, ResourceNameTakenError, RevisionMismatchError, UidConflictError,
} from '@almanac/domain-kernel';
import type { ResourceDraft } from '@almanac/domain-kernel';
import type { EventData, StoredEvent } from '../model/event.js';
import type { SchedulingMessage } from '../ports/scheduling-delivery.js';

/** One write of a plan. `client` marks the write the request asked for; the others are copies. */
export type PlannedWrite =
  | { readonly op: 'create'; readonly collectionId: CollectionId; readonly draft: ResourceDraft<EventData>; readonly client: boolean }
  | { readonly op: 'replace'; readonly collectionId: CollectionId; readonly target: StoredEvent; readonly draft: ResourceDraft<EventData>; readonly client: boolean }
  | { readonly op: 'delete'; readonly collectionId: CollectionId; readonly target: StoredEvent; readonly client: boolean };

/**
 * A write that raced with another one on a copy (its revision or uid changed after it was read).
 * The use case runs its unit of work again from fresh reads; clients never see this error.
 */
export class ScheduleConflictError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'event/schedule-conflict';
  constructor(cause: unknown) {
    super('a copy of the event changed concurrently', {}, { cause });
  }
}

const RACES = [RevisionMismatchError, UidConflictError, ResourceNameTakenError, NotFoundError];

/**
 * The writes one event change makes, collected before any is done, plus the messages for external
 * participants. Executing them in collection-id order makes every unit of work lock collections
 * (the resource repository locks a collection's change counter per write) in the same order, so
 * two concurrent scheduling writes can wait for each other but never deadlock.
 */
export class WritePlan {
  readonly writes: PlannedWrite[] = [];
  readonly messages: SchedulingMessage[] = [];

  add(write: PlannedWrite): void {
    this.writes.push(write);
  }

  /**
   * Runs the writes in collection order and returns the stored result of the client's write. A
   * race on a copy becomes a ScheduleConflictError (retry); errors of the client's own write
   * (its precondition, a uid clash) pass through.
   */
  async execute(repos: KernelRepositories): Promise<StoredEvent | undefined> {
    const ordered = [...this.writes].sort((a, b) => a.collectionId - b.collectionId || Number(b.client) - Number(a.client));
    let result: StoredEvent | undefined;
    for (const w of ordered) {
      try {
        const stored = await run(repos, w);
        if (w.client) result = stored;
      } catch (err) {
        if (!w.client && RACES.some((cls) => err instanceof cls)) throw new ScheduleConflictError(err);
        throw err;
      }
    }
    return result;
  }
}

async function run(repos: KernelRepositories, w: PlannedWrite): Promise<StoredEvent | undefined> {
  switch (w.op) {
    case 'create':
      return repos.resources.create(w.collectionId, w.draft);
    case 'replace':
      return repos.resources.replace(w.collectionId, w.target.id, w.draft, { ifRevision: w.target.revision });
    case 'delete':
      await repos.resources.delete(w.collectionId, w.target.id, { ifRevision: w.target.revision });
      return undefined;
  }
}

/** Retries a unit of work that lost a race on a copy; gives up (and throws the conflict) after `attempts`. */
export async function withRetries<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof ScheduleConflictError) || i >= attempts) throw err;
    }
  }
}
