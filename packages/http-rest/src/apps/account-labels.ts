import type { UserRepository } from '@almanac/domain-kernel';
import { userId } from '@almanac/domain-kernel';

/**
 * Shows accounts as the reference does: email, else login, else the numeric id (behaviour §5.5).
 * Caches lookups for one request, since a listing names the same few accounts many times.
 */
export class AccountLabels {
  readonly #users: UserRepository;
  readonly #labels = new Map<number, string | number>();
  constructor(users: UserRepository) {
    this.#users = users;
  }

  async load(ids: Iterable<number | undefined>): Promise<void> {
    for (const id of ids) {
      if (id === undefined || this.#labels.has(id)) continue;
      const user = await this.#users.get(userId(id));
      this.#labels.set(id, user ? (user.email ?? user.login) : id);
    }
  }

  /** The label of an account loaded before. */
  label = (id: number): string | number => this.#labels.get(id) ?? id;

  /** Resolves an email, login or numeric id to a user id. */
  static async resolve(users: UserRepository, ref: string): Promise<number | undefined> {
    if (/^\d+$/.test(ref)) return (await users.get(userId(Number(ref))))?.id;
    return ((ref.includes('@') ? await users.getByEmail(ref) : undefined) ?? (await users.getByLogin(ref)))?.id;
  }
}
