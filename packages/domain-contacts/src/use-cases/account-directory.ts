import type { Card } from '@almanac/codec-jscontact';
import {
  type Collection, type CollectionId, type KernelRepositories, NotFoundError, type ResourceDraft, ResourceNameTakenError,
  type ResourceId, RevisionMismatchError, type StoredResource, UidConflictError, type User,
} from '@almanac/domain-kernel';
import type { ContactData } from '../model/contact.js';
import { readContact } from './read-contact.js';

/** Directory cards are named after the account: `almanac-account-<id>` (at least 12 characters, as uids should be). */
export const accountUid = (user: Pick<User, 'id'>): string => `almanac-account-${user.id}`;

/**
 * The card of one account in the accounts directory (behaviour §1.2 `addressbook-accounts`): the
 * account's full name (split into name parts like any display name), its email as the work
 * address, and the account id as the `account_id` lookup column.
 */
export async function accountCardDraft(user: User): Promise<ResourceDraft<ContactData>> {
  const card: Card = {
    '@type': 'Card', version: '1.0', uid: accountUid(user), kind: 'individual',
    name: { full: user.fullName || user.login },
    ...(user.email && { emails: { work: { address: user.email } } }),
  };
  return readContact(card, {
    uidGiven: true, strict: false, customFields: [], findByUid: async () => undefined, columns: { account_id: String(user.id) },
  });
}

/** JSON with members sorted, so that a stored value (jsonb reorders members) compares equal to a fresh one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Failures that mean another reconciler got there first: its result is as good as ours. */
const lostRace = (err: unknown) =>
  err instanceof NotFoundError || err instanceof RevisionMismatchError || err instanceof UidConflictError || err instanceof ResourceNameTakenError;

export type DirectoryRepositories = Pick<KernelRepositories, 'users' | 'resources' | 'collections'>;

/**
 * Makes the directory collection hold exactly one card per account, as `accountCardDraft` makes
 * them: creates the missing, replaces the changed, deletes the cards of removed accounts. Every
 * change goes through the resource repository, so it gets a change number and deletions leave
 * tombstones: the directory syncs like any collection. Safe to run concurrently (a lost race is
 * skipped). Returns what it changed.
 */
export async function reconcileAccountDirectory(
  repos: DirectoryRepositories, collectionId: CollectionId, users?: readonly User[],
): Promise<{ created: number; updated: number; deleted: number }> {
  const wanted = new Map<string, ResourceDraft<ContactData>>();
  for (const user of users ?? (await repos.users.list())) {
    const draft = await accountCardDraft(user);
    wanted.set(draft.uid, draft);
  }
  const have: StoredResource[] = [];
  for (let afterId: ResourceId | undefined, done = false; !done;) {
    const page = await repos.resources.listPage(collectionId, { afterId, limit: 500 });
    have.push(...page);
    done = page.length < 500;
    afterId = page.at(-1)?.id;
  }
  const counts = { created: 0, updated: 0, deleted: 0 };
  const attempt = async (write: () => Promise<unknown>, counter: keyof typeof counts) => {
    try {
      await write();
      counts[counter] += 1;
    } catch (err) {
      if (!lostRace(err)) throw err;
    }
  };
  for (const r of have) {
    const draft = wanted.get(r.uid);
    wanted.delete(r.uid);
    if (!draft) await attempt(() => repos.resources.delete(collectionId, r.id, { ifRevision: r.revision }), 'deleted');
    else if (canonical(r.data) !== canonical(draft.data)) {
      await attempt(() => repos.resources.replace(collectionId, r.id, { ...draft, name: r.name }, { ifRevision: r.revision }), 'updated');
    }
  }
  for (const draft of wanted.values()) await attempt(() => repos.resources.create(collectionId, draft), 'created');
  return counts;
}

/**
 * Keeps accounts directories in step with the accounts, cheaply: a refresh reconciles only when
 * the accounts or the collection changed since this process last reconciled it (one query for
 * the accounts, one for the collection's change counter otherwise). Refreshes of one collection
 * run one after the other.
 *
 * Why a stored collection rather than a view computed from the accounts: a sync client must learn
 * of removed accounts, which needs tombstones and change numbers, and the resource store already
 * gives both to every collection. Why reconcile on access rather than in the account use cases:
 * accounts change through several paths (admin commands, the repositories, other nodes), and a
 * reconcile before each read sees every one of them; its cost is one account listing per request.
 */
export class AccountDirectory {
  readonly #repos: DirectoryRepositories;
  readonly #memo = new Map<CollectionId, { fingerprint: string; changeNumber: number }>();
  readonly #running = new Map<CollectionId, Promise<void>>();

  constructor(repos: DirectoryRepositories) {
    this.#repos = repos;
  }

  /** Brings the directory collection up to date with the accounts. */
  async refresh(collection: Pick<Collection, 'id'>): Promise<void> {
    const before = this.#running.get(collection.id) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.#refresh(collection.id));
    this.#running.set(collection.id, run);
    try {
      await run;
    } finally {
      if (this.#running.get(collection.id) === run) this.#running.delete(collection.id);
    }
  }

  async #refresh(id: CollectionId): Promise<void> {
    const users = await this.#repos.users.list();
    const fingerprint = JSON.stringify(users.map((u) => [u.id, u.login, u.fullName, u.email]));
    const current = (await this.#repos.collections.get(id))?.changeNumber;
    if (current === undefined) return;
    const memo = this.#memo.get(id);
    if (memo && memo.fingerprint === fingerprint && memo.changeNumber === current) return;
    await reconcileAccountDirectory(this.#repos, id, users);
    const after = (await this.#repos.collections.get(id))?.changeNumber ?? current;
    this.#memo.set(id, { fingerprint, changeNumber: after });
  }
}
