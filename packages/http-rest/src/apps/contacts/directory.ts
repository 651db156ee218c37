import { AccountDirectory } from '@almanac/domain-contacts';
import type { KernelRepositories } from '@almanac/domain-kernel';
import { type CollectionView, isAccountDirectory } from '@almanac/http-kit';

/**
 * Brings the accounts directory up to date before a request reads it, whenever the view the URL
 * names holds it (`/addressbook-accounts/`, `/<me>/addressbook-accounts/`, the `/addressbook/`
 * union). Why a reconciled collection and not a computed view: see `AccountDirectory`.
 */
export function directoryPreparer(repos: Pick<KernelRepositories, 'users' | 'resources' | 'collections'>): (view: CollectionView) => Promise<void> {
  const directory = new AccountDirectory(repos);
  return async (view) => {
    for (const c of view.collections) if (isAccountDirectory(c)) await directory.refresh(c);
  };
}
