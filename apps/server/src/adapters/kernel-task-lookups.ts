import {
  type Actor, appOfResourceKind, type Collection, CUSTOM_FIELDS_MEMBER, groupId, type KernelRepositories, may, resourceId,
  type StoredResource, type User, userId,
} from '@almanac/domain-kernel';
import {
  type AccountSummary, type LinkTarget, parentUidOf, type PrimaryLinkRef, type TaskData, type TaskLookups, taskFacts,
} from '@almanac/domain-tasks';
import { type CollectionView, resolvePath } from '@almanac/http-kit';

const PAGE = 200;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An account as a participant shows it: a user's full name (else login), a group's name. */
export async function accountSummary(repos: Pick<KernelRepositories, 'users' | 'groups'>, id: number): Promise<AccountSummary | undefined> {
  const user = await repos.users.get(userId(id));
  if (user) return { id: user.id, kind: 'individual', name: user.fullName || user.login, email: user.email };
  const group = await repos.groups.get(groupId(id));
  return group && { id: group.id, kind: 'group', name: group.name, email: null };
}

/** The emails of a stored contact, in the rfc (`address`) or egroupware (`email`) shape. */
function contactEmails(data: unknown): string[] {
  const emails = isObject(data) && isObject(data.emails) ? Object.values(data.emails) : [];
  return emails.flatMap((e) => (isObject(e) ? [e.address, e.email] : [e])).filter((x): x is string => typeof x === 'string');
}

function customFieldMatches(data: unknown, name: string, value: string): boolean {
  const v = isObject(data) && isObject(data[CUSTOM_FIELDS_MEMBER]) ? data[CUSTOM_FIELDS_MEMBER][name] : undefined;
  return Array.isArray(v) ? v.map(String).includes(value) : v !== undefined && v !== null && String(v) === value;
}

/**
 * TaskLookups over the kernel's repositories, seen by one writer: tasks and link targets are found
 * only in collections the writer may read (the `/infolog/` and `/addressbook/` unions), private
 * tasks only with the PRIVATE right. Made per request; caches the unions it resolves.
 */
export class KernelTaskLookups implements TaskLookups {
  readonly #repos: KernelRepositories;
  readonly #actor: Actor;
  readonly #me: User;
  readonly #views = new Map<string, Promise<CollectionView | undefined>>();

  constructor(repos: KernelRepositories, actor: Actor, me: User) {
    this.#repos = repos;
    this.#actor = actor;
    this.#me = me;
  }

  accountById(id: number) {
    return accountSummary(this.#repos, id);
  }

  async accountByEmail(email: string) {
    const user = await this.#repos.users.getByEmail(email);
    return user && accountSummary(this.#repos, user.id);
  }

  async taskByUid(uid: string) {
    const view = await this.#readable('infolog');
    for (const c of view?.collections ?? []) {
      const found = await this.#repos.resources.getByUid<TaskData>(c.id, uid);
      if (found && found.kind === 'task' && this.#mayRead(view!, c, found)) return { uid: found.uid, parentUid: parentUidOf(found.data) ?? null };
    }
    return undefined;
  }

  async linkTarget(ref: PrimaryLinkRef): Promise<LinkTarget | { problem: string }> {
    if ('id' in ref) {
      const found = await this.#repos.resources.findById(resourceId(ref.id));
      const readable = found && appOfResourceKind(found.kind) === ref.app && (await this.#mayReadAnywhere(found));
      return readable ? { app: ref.app, id: found.id } : { problem: `there is no ${ref.app} entry ${ref.id}` };
    }
    const cf = ref.field.startsWith(`${CUSTOM_FIELDS_MEMBER}/`) ? ref.field.slice(CUSTOM_FIELDS_MEMBER.length + 1) : undefined;
    if (ref.field !== 'email' && cf === undefined) return { problem: `contacts cannot be found by ${ref.field}` };
    const matches = new Set<number>();
    const view = await this.#readable('addressbook');
    for (const c of view?.collections ?? []) {
      for (let afterId: StoredResource['id'] | undefined, done = false; !done && matches.size < 2;) {
        const page = await this.#repos.resources.listPage(c.id, { afterId, limit: PAGE, query: { text: ref.value, kinds: ['card'] } });
        for (const r of page) {
          const hit = cf === undefined
            ? contactEmails(r.data).some((e) => e.toLowerCase() === ref.value.toLowerCase())
            : customFieldMatches(r.data, cf, ref.value);
          if (hit) matches.add(r.id);
        }
        done = page.length < PAGE;
        afterId = page.at(-1)?.id;
      }
    }
    if (matches.size === 1) return { app: 'addressbook', id: [...matches][0]! };
    return { problem: matches.size ? `several contacts match ${ref.field} '${ref.value}'` : `no contact matches ${ref.field} '${ref.value}'` };
  }

  /** The union of the writer's readable collections of `infolog` or `addressbook` (behaviour §1.2). */
  #readable(app: 'infolog' | 'addressbook'): Promise<CollectionView | undefined> {
    let view = this.#views.get(app);
    if (!view) {
      view = resolvePath({ repos: this.#repos }, this.#actor, this.#me, [app])
        .then((t) => (t.kind === 'collection' ? t.view : undefined));
      this.#views.set(app, view);
    }
    return view;
  }

  /** Whether the writer may read a resource of any collection (as the links sub-collection decides). */
  async #mayReadAnywhere(r: StoredResource): Promise<boolean> {
    const collection = await this.#repos.collections.get(r.collectionId);
    return collection !== undefined && this.#mayRead({ grants: await this.#repos.grants.listByOwner(collection.ownerId) }, collection, r);
  }

  #mayRead(view: Pick<CollectionView, 'grants'>, collection: Collection, r: StoredResource): boolean {
    const resource = r.kind === 'task' ? taskFacts(r.data as TaskData) : undefined;
    return may(this.#actor, 'read', { collection, resource }, view.grants);
  }
}
