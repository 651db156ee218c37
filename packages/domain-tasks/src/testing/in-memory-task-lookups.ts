import type { App, PrincipalId } from '@almanac/domain-kernel';
import type { AccountSummary, LinkTarget, PrimaryLinkRef, TaskLookups } from '../ports/task-lookups.js';

/** The world a TaskLookups is asked about, as contract suites and unit tests describe it. */
export interface TaskLookupsFixture {
  readonly accounts: readonly AccountSummary[];
  /** Tasks by UID; `readable: false` ones are in a collection the writer may not read. */
  readonly tasks: readonly { readonly uid: string; readonly parentUid?: string; readonly readable?: boolean }[];
  /** Entries of any app; contacts may carry emails and custom field values to be found by. */
  readonly entries: readonly {
    readonly app: App; readonly id: number; readonly readable?: boolean;
    readonly emails?: readonly string[]; readonly customFields?: Readonly<Record<string, string>>;
  }[];
}

/** TaskLookups over a fixture, for unit tests of the task use cases. */
export class InMemoryTaskLookups implements TaskLookups {
  readonly #f: TaskLookupsFixture;
  constructor(fixture: TaskLookupsFixture) {
    this.#f = fixture;
  }

  async accountById(id: number) {
    return this.#f.accounts.find((a) => a.id === (id as PrincipalId));
  }

  async accountByEmail(email: string) {
    const found = this.#f.accounts.filter((a) => a.kind === 'individual' && a.email?.toLowerCase() === email.toLowerCase());
    return found.length === 1 ? found[0] : undefined;
  }

  async taskByUid(uid: string) {
    const t = this.#f.tasks.find((x) => x.uid === uid && x.readable !== false);
    return t && { uid: t.uid, parentUid: t.parentUid ?? null };
  }

  async linkTarget(ref: PrimaryLinkRef): Promise<LinkTarget | { problem: string }> {
    const readable = this.#f.entries.filter((e) => e.readable !== false);
    if ('id' in ref) {
      const e = readable.find((x) => x.app === ref.app && x.id === ref.id);
      return e ? { app: e.app, id: e.id } : { problem: `there is no ${ref.app} entry ${ref.id}` };
    }
    const cf = ref.field.startsWith('egroupware.org:customfields/') ? ref.field.slice('egroupware.org:customfields/'.length) : undefined;
    const matches = readable.filter((e) => e.app === 'addressbook' && (ref.field === 'email'
      ? e.emails?.some((m) => m.toLowerCase() === ref.value.toLowerCase())
      : cf !== undefined && e.customFields?.[cf] === ref.value));
    if (matches.length === 1) return { app: 'addressbook', id: matches[0]!.id };
    return { problem: matches.length ? `${matches.length} contacts match ${ref.field} '${ref.value}'` : `no contact matches ${ref.field} '${ref.value}'` };
  }
}
