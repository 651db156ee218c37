import { CollectionNameTakenError, NotFoundError } from '../errors.js';
import { type AppTokenId, appTokenId, type CollectionId, collectionId, type PrincipalId, type UserId } from '../ids.js';
import type { Clock } from '../clock.js';
import type { AppToken } from '../model/app-tokens.js';
import type { App } from '../model/apps.js';
import type { Collection, CollectionDraft, CollectionPatch } from '../model/collections.js';
import type { Grant } from '../model/grants.js';
import type { AppTokenRepository, NewAppToken } from '../ports/app-token-repository.js';
import type { CollectionRepository } from '../ports/collection-repository.js';
import type { GrantRepository } from '../ports/grant-repository.js';
import type { CollectionRow, InMemoryState } from './in-memory-state.js';

const toCollection = (r: CollectionRow): Collection => ({
  id: r.id, ownerId: r.ownerId, kind: r.kind, name: r.name, displayName: r.displayName,
  description: r.description, color: r.color, changeNumber: r.changeNumber, createdAt: new Date(r.createdAt),
});

export class InMemoryCollectionRepository implements CollectionRepository {
  readonly #state: () => InMemoryState;
  readonly #clock: Clock;
  constructor(state: () => InMemoryState, clock: Clock) {
    this.#state = state;
    this.#clock = clock;
  }

  async create(draft: CollectionDraft) {
    const state = this.#state();
    if (!state.principals.has(draft.ownerId)) throw new NotFoundError('owner', 'account/principal-not-found', { id: draft.ownerId });
    if ([...state.collections.values()].some((c) => c.ownerId === draft.ownerId && c.name === draft.name)) {
      throw new CollectionNameTakenError(draft.name);
    }
    const row: CollectionRow = {
      id: collectionId(++state.seq.collection), ownerId: draft.ownerId, kind: draft.kind, name: draft.name,
      displayName: draft.displayName ?? draft.name, description: draft.description ?? '', color: draft.color ?? null,
      changeNumber: 0, syncFloor: 0, createdAt: this.#clock.now(),
    };
    state.collections.set(row.id, row);
    return toCollection(row);
  }
  async get(id: CollectionId) {
    const r = this.#state().collections.get(id);
    return r && toCollection(r);
  }
  async getByName(ownerId: PrincipalId, name: string) {
    const r = [...this.#state().collections.values()].find((c) => c.ownerId === ownerId && c.name === name);
    return r && toCollection(r);
  }
  async listByOwner(ownerId: PrincipalId) {
    return [...this.#state().collections.values()].filter((c) => c.ownerId === ownerId)
      .sort((a, b) => a.id - b.id).map(toCollection);
  }
  async update(id: CollectionId, patch: CollectionPatch) {
    const r = this.#state().collections.get(id);
    if (!r) throw new NotFoundError('collection', 'collection/not-found', { id });
    if (patch.displayName !== undefined) r.displayName = patch.displayName;
    if (patch.description !== undefined) r.description = patch.description;
    if (patch.color !== undefined) r.color = patch.color;
    return toCollection(r);
  }
  async delete(id: CollectionId) {
    const state = this.#state();
    if (!state.collections.delete(id)) throw new NotFoundError('collection', 'collection/not-found', { id });
    for (const [rid, r] of state.resources) if (r.collectionId === id) state.resources.delete(rid);
  }
}

const grantKey = (g: Pick<Grant, 'ownerId' | 'granteeId' | 'app'>) => `${g.ownerId}:${g.granteeId}:${g.app}`;

export class InMemoryGrantRepository implements GrantRepository {
  readonly #state: () => InMemoryState;
  constructor(state: () => InMemoryState) {
    this.#state = state;
  }
  async set(grant: Grant) {
    const state = this.#state();
    for (const id of [grant.ownerId, grant.granteeId]) {
      if (!state.principals.has(id)) throw new NotFoundError('principal', 'account/principal-not-found', { id });
    }
    if (grant.rights === 0) state.grants.delete(grantKey(grant));
    else state.grants.set(grantKey(grant), { ...grant });
  }
  async get(ownerId: PrincipalId, granteeId: PrincipalId, app: App) {
    const g = this.#state().grants.get(grantKey({ ownerId, granteeId, app }));
    return g && { ...g };
  }
  async listByOwner(ownerId: PrincipalId) {
    return [...this.#state().grants.values()].filter((g) => g.ownerId === ownerId)
      .sort((a, b) => a.granteeId - b.granteeId || a.app.localeCompare(b.app)).map((g) => ({ ...g }));
  }
  async listByGrantees(granteeIds: readonly PrincipalId[]) {
    const ids = new Set(granteeIds);
    return [...this.#state().grants.values()].filter((g) => ids.has(g.granteeId))
      .sort((a, b) => a.ownerId - b.ownerId || a.granteeId - b.granteeId || a.app.localeCompare(b.app))
      .map((g) => ({ ...g }));
  }
}

export class InMemoryAppTokenRepository implements AppTokenRepository {
  readonly #state: () => InMemoryState;
  readonly #clock: Clock;
  constructor(state: () => InMemoryState, clock: Clock) {
    this.#state = state;
    this.#clock = clock;
  }
  async create(t: NewAppToken) {
    const state = this.#state();
    if (t.userId !== null && state.principals.get(t.userId)?.kind !== 'user') {
      throw new NotFoundError('user', 'account/user-not-found', { id: t.userId });
    }
    const token: AppToken = {
      id: appTokenId(++state.seq.token), userId: t.userId, createdBy: t.createdBy, scopes: [...t.scopes],
      label: t.label, createdAt: this.#clock.now(), expiresAt: t.expiresAt, revokedAt: null, lastUsedAt: null,
    };
    state.tokens.set(token.id, { token, secretHash: t.secretHash });
    return { ...token };
  }
  async get(id: AppTokenId) {
    const t = this.#state().tokens.get(id);
    return t && { ...t.token };
  }
  async getWithSecretHash(id: AppTokenId) {
    const t = this.#state().tokens.get(id);
    return t && { token: { ...t.token }, secretHash: t.secretHash };
  }
  async list(filter: { userId?: UserId } = {}) {
    return [...this.#state().tokens.values()].map((t) => t.token)
      .filter((t) => filter.userId === undefined || t.userId === filter.userId)
      .sort((a, b) => a.id - b.id).map((t) => ({ ...t }));
  }
  async revoke(id: AppTokenId, at: Date) {
    const t = this.#state().tokens.get(id);
    if (!t) throw new NotFoundError('token', 'token/not-found', { id });
    if (!t.token.revokedAt) t.token = { ...t.token, revokedAt: at };
    return { ...t.token };
  }
  async markUsed(id: AppTokenId, at: Date) {
    const t = this.#state().tokens.get(id);
    if (t) t.token = { ...t.token, lastUsedAt: at };
  }
}
