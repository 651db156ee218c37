import { ConflictError, NotFoundError } from '../errors.js';
import type { ResourceId } from '../ids.js';
import type { Clock } from '../clock.js';
import type { App } from '../model/apps.js';
import type { CustomFieldDefinition } from '../model/custom-fields.js';
import { type LinkId, linkId, type NewLink, type StoredLink } from '../model/links.js';
import type { CustomFieldRepository } from '../ports/custom-field-repository.js';
import type { LinkRepository } from '../ports/link-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryCustomFieldRepository implements CustomFieldRepository {
  readonly #state: () => InMemoryState;
  constructor(state: () => InMemoryState) {
    this.#state = state;
  }
  async list(app: App) {
    return this.#state().customFields.filter((d) => d.app === app).map((d) => ({ ...d, values: { ...d.values } }));
  }
  async create(def: CustomFieldDefinition) {
    const state = this.#state();
    if (state.customFields.some((d) => d.app === def.app && d.name === def.name)) {
      throw new ConflictError(`${def.app} already has a custom field '${def.name}'`, 'customfield/name-taken', { name: def.name });
    }
    state.customFields.push({ ...def, values: { ...def.values } });
    return def;
  }
  async delete(app: App, name: string) {
    const state = this.#state();
    const i = state.customFields.findIndex((d) => d.app === app && d.name === name);
    if (i < 0) throw new NotFoundError(`custom field '${name}'`, 'customfield/not-found');
    state.customFields.splice(i, 1);
  }
}

export class InMemoryLinkRepository implements LinkRepository {
  readonly #state: () => InMemoryState;
  readonly #clock: Clock;
  constructor(state: () => InMemoryState, clock: Clock) {
    this.#state = state;
    this.#clock = clock;
  }
  async create(link: NewLink) {
    const state = this.#state();
    const ends = [link.from, ...(link.to.kind === 'entry' ? [link.to.resourceId] : [])];
    for (const id of ends) if (!state.resources.has(id)) throw new NotFoundError('linked entry', 'link/entry-not-found', { id });
    const stored: StoredLink = {
      id: linkId(++state.seq.link), from: link.from,
      to: link.to.kind === 'entry' ? { kind: 'entry', resourceId: link.to.resourceId }
        : { kind: 'file', name: link.to.name, contentType: link.to.contentType, size: link.to.content.byteLength },
      remark: link.remark ?? '', rel: link.rel ?? null, createdAt: this.#clock.now(), createdBy: link.createdBy,
    };
    state.links.set(stored.id, { link: stored, ...(link.to.kind === 'file' && { content: new Uint8Array(link.to.content) }) });
    return stored;
  }
  async get(id: LinkId) {
    return this.#state().links.get(id)?.link;
  }
  async listFor(resource: ResourceId) {
    return [...this.#state().links.values()].map((l) => l.link)
      .filter((l) => l.from === resource || (l.to.kind === 'entry' && l.to.resourceId === resource))
      .sort((a, b) => b.id - a.id);
  }
  async fileContent(id: LinkId) {
    const c = this.#state().links.get(id)?.content;
    return c && new Uint8Array(c);
  }
  async delete(id: LinkId) {
    if (!this.#state().links.delete(id)) throw new NotFoundError('link', 'link/not-found', { id });
  }
}
