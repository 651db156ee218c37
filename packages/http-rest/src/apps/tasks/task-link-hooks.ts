import {
  appOfResourceKind, type KernelRepositories, type ResourceId, resourceId, RevisionMismatchError, type StoredLink, type StoredResource, type User,
} from '@almanac/domain-kernel';
import { type LinkTarget, PRIMARY_RELATION, primaryLinkOf, type TaskData, taskDraft, withPrimaryLink } from '@almanac/domain-tasks';

const asTask = (r: StoredResource) => r as StoredResource<TaskData>;
const ATTEMPTS = 3;

const connects = (l: StoredLink, a: ResourceId, b: number) =>
  l.to.kind === 'entry' && ((l.from === a && l.to.resourceId === b) || (l.to.resourceId === a && l.from === b));

/**
 * Keeps a task's primary link (`relatedTo` relation `egroupware.org-primary`, behaviour §5.4) and
 * its links sub-collection (§3.13) in step: the task's data names the primary target, and a link
 * between the two entries exists while it does.
 */
export class TaskLinkHooks {
  readonly #repos: KernelRepositories;
  constructor(repos: KernelRepositories) {
    this.#repos = repos;
  }

  /** After a write that names a primary target: link the two entries if they are not linked yet. */
  async afterWrite(r: StoredResource, me: User): Promise<void> {
    const target = primaryLinkOf(asTask(r).data);
    if (!target || (await this.#repos.links.listFor(r.id)).some((l) => connects(l, r.id, target.id))) return;
    await this.#repos.links.create({ from: r.id, to: { kind: 'entry', resourceId: resourceId(target.id) }, rel: PRIMARY_RELATION, remark: '', createdBy: me.id })
      .catch(() => undefined); // The target went away meanwhile: the task still names it, nothing to link.
  }

  /** A link posted to the task with rel `egroupware.org-primary` makes its target the primary link. */
  async linkAdded(task: StoredResource, link: StoredLink): Promise<void> {
    if (link.rel !== PRIMARY_RELATION || link.to.kind !== 'entry' || link.from !== task.id) return;
    const other = await this.#repos.resources.findById(link.to.resourceId);
    if (other) await this.#setPrimary(task, { app: appOfResourceKind(other.kind), id: other.id });
  }

  /** Removing the last link to the primary target removes the primary link from the task. */
  async linkRemoved(task: StoredResource, link: StoredLink): Promise<void> {
    if (link.to.kind !== 'entry') return;
    const other = link.from === task.id ? link.to.resourceId : link.from;
    if (primaryLinkOf(asTask(task).data)?.id !== other) return;
    if ((await this.#repos.links.listFor(task.id)).some((l) => connects(l, task.id, other))) return;
    await this.#setPrimary(task, undefined);
  }

  /** Writes the task with a new primary link (a write like any other: new sequence and ETag). */
  async #setPrimary(task: StoredResource, target: LinkTarget | undefined): Promise<void> {
    let current: StoredResource<TaskData> | undefined = asTask(task);
    for (let attempt = 0; current && attempt < ATTEMPTS; attempt++) {
      const wanted = primaryLinkOf(current.data);
      if (wanted?.app === target?.app && wanted?.id === target?.id) return;
      const data = { ...withPrimaryLink(current.data, target), sequence: (current.data.sequence ?? 0) + 1 } as TaskData;
      try {
        await this.#repos.resources.replace(current.collectionId, current.id, taskDraft(data), { ifRevision: current.revision });
        return;
      } catch (err) {
        // Another writer came first: apply the change to what it wrote.
        if (!(err instanceof RevisionMismatchError)) throw err;
        current = await this.#repos.resources.get<TaskData>(current.collectionId, current.id);
      }
    }
  }
}
