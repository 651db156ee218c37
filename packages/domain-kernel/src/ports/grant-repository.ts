import type { App } from '../model/apps.js';
import type { Grant } from '../model/grants.js';
import type { PrincipalId } from '../ids.js';

/** Stores grants, one row per (owner, grantee, app). */
export interface GrantRepository {
  /** Sets the rights of one (owner, grantee, app); rights 0 removes the grant. */
  set(grant: Grant): Promise<void>;
  get(ownerId: PrincipalId, granteeId: PrincipalId, app: App): Promise<Grant | undefined>;
  /** Every grant an owner gave, ordered by grantee then app. */
  listByOwner(ownerId: PrincipalId): Promise<Grant[]>;
  /** Every grant given to any of these principals (a user and its groups). */
  listByGrantees(granteeIds: readonly PrincipalId[]): Promise<Grant[]>;
}
