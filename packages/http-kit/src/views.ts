import {
  type Actor, type App, appOfCollectionKind, type Collection, type CollectionKind, type Grant, type KernelRepositories, may,
  type Principal, principalId, Right,
} from '@almanac/domain-kernel';
import { findPrincipal } from './tree.js';

/**
 * What a collection URL shows: one stored collection, or (for `/addressbook/` and `/infolog/`)
 * the union of every collection of that app the caller may read (behaviour §1.2, §3.1).
 */
export interface CollectionView {
  /** The request's collection path below the base, with trailing slash: keys of listings start with it. */
  readonly href: string;
  readonly app: App;
  /** The stored collections behind the view, in id order. One for a plain collection. */
  readonly collections: readonly Collection[];
  /** Where POST creates, and whose grants govern writes. Undefined for read-only views. */
  readonly target: Collection | undefined;
  readonly union: boolean;
  /** The grants of every owner in the view, for `may`. */
  readonly grants: readonly Grant[];
}

export type PathTarget =
  | { readonly kind: 'root' }
  | { readonly kind: 'home'; readonly owner: Principal; readonly href: string }
  | { readonly kind: 'collection'; readonly view: CollectionView; readonly rest: readonly string[] }
  | { readonly kind: 'not-found' };

/** The default collection name of each app in a home (see defaultCollections). */
export const DEFAULT_COLLECTION: Record<App, string> = {
  addressbook: 'addressbook', calendar: 'calendar', infolog: 'infolog', timesheet: 'timesheet',
};

const KIND_OF_APP: Record<App, CollectionKind> = {
  addressbook: 'addressbook', calendar: 'calendar', infolog: 'tasks', timesheet: 'timesheet',
};

/**
 * The accounts directory (behaviour §1.2 `addressbook-accounts`): the collection of the system
 * principal 0 (the reference's owner 0), which every user may read and nobody may write through
 * the API ("accounts can't be created or deleted through DAV/REST", behaviour §4.3).
 */
export const ACCOUNT_DIRECTORY = { ownerId: principalId(0), name: 'addressbook-accounts' } as const;

/** Whether a collection is the accounts directory. */
export const isAccountDirectory = (c: Pick<Collection, 'ownerId' | 'name'>): boolean =>
  c.ownerId === ACCOUNT_DIRECTORY.ownerId && c.name === ACCOUNT_DIRECTORY.name;

/** Everyone's right on the accounts directory: READ, as a grant so that `may` applies it like any other. */
const directoryGrant = (actor: Actor): Grant => ({ ownerId: ACCOUNT_DIRECTORY.ownerId, granteeId: actor.userId, app: 'addressbook', rights: Right.READ });

/** `/addressbook/` and `/infolog/` are unions; `/calendar/` and `/timesheet/` are the caller's own. */
const UNION_APPS: ReadonlySet<App> = new Set(['addressbook', 'infolog']);

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

export interface ResolveDeps {
  readonly repos: Pick<KernelRepositories, 'users' | 'groups' | 'collections' | 'grants'>;
}

async function single(deps: ResolveDeps, collection: Collection, href: string): Promise<CollectionView> {
  return {
    href, app: appOfCollectionKind(collection.kind), collections: [collection], target: collection, union: false,
    grants: await deps.repos.grants.listByOwner(collection.ownerId),
  };
}

/** Every collection of `app` the actor may read: its own first, then those granted to it. */
async function readableUnion(deps: ResolveDeps, actor: Actor, me: Principal, app: App, href: string): Promise<CollectionView> {
  const kind = KIND_OF_APP[app];
  const grants = (await deps.repos.grants.listByGrantees([actor.userId, ...actor.groupIds])).filter((g) => g.app === app);
  const owners = [...new Set([me.id, ...grants.map((g) => g.ownerId)])];
  const ownerGrants = (await Promise.all(owners.map((o) => deps.repos.grants.listByOwner(o)))).flat();
  const collections: Collection[] = [];
  for (const owner of owners) {
    for (const c of await deps.repos.collections.listByOwner(owner)) {
      if (c.kind === kind && may(actor, 'read', { collection: c }, ownerGrants)) collections.push(c);
    }
  }
  // Behaviour §1.2: `/addressbook/` is every address book the user may read, the accounts too.
  const directory = app === 'addressbook' ? await deps.repos.collections.getByName(ACCOUNT_DIRECTORY.ownerId, ACCOUNT_DIRECTORY.name) : undefined;
  if (directory) collections.push(directory);
  collections.sort((a, b) => a.id - b.id);
  const target = await deps.repos.collections.getByName(me.id, DEFAULT_COLLECTION[app]);
  return { href, app, collections, target, union: true, grants: directory ? [...ownerGrants, directoryGrant(actor)] : ownerGrants };
}

/** The accounts directory as a read-only view at `href`; not found when the store has none. */
async function directoryView(deps: ResolveDeps, actor: Actor, href: string, rest: readonly string[]): Promise<PathTarget> {
  const directory = await deps.repos.collections.getByName(ACCOUNT_DIRECTORY.ownerId, ACCOUNT_DIRECTORY.name);
  if (!directory) return { kind: 'not-found' };
  return {
    kind: 'collection', rest,
    view: { href, app: 'addressbook', collections: [directory], target: directory, union: false, grants: [directoryGrant(actor)] },
  };
}

/**
 * Resolves the path below the base (split on `/`, trailing empty segment dropped) into what it
 * names, following behaviour §1.3. Access is not checked here, except that unions only contain
 * readable collections; handlers check the right each method needs.
 */
export async function resolvePath(deps: ResolveDeps, actor: Actor, me: Principal, rawSegments: readonly string[]): Promise<PathTarget> {
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const s = decode(raw);
    if (s === undefined || s === '.' || s === '..') return { kind: 'not-found' };
    segments.push(s);
  }
  // Behaviour §1.3 step 2: AI tools that do not substitute the template send it literally.
  if (segments[0] === '{username}') segments.shift();
  if (segments.length === 0) return { kind: 'root' };

  const first = segments[0]!;
  // Behaviour §1.3 step 4: `addressbook-accounts` without an owner is the accounts directory.
  if (first === ACCOUNT_DIRECTORY.name) return directoryView(deps, actor, `/${first}/`, segments.slice(1));
  const owner = await findPrincipal(deps.repos, first);
  if (owner) {
    const home = `/${owner.kind === 'user' ? owner.login : owner.name}/`;
    if (segments.length === 1) return { kind: 'home', owner, href: home };
    const name = segments[1]!;
    // Behaviour §1.3 step 5: `/<me>/addressbook-accounts/` is the accounts directory, not a user `accounts`.
    if (owner.id === me.id && name === ACCOUNT_DIRECTORY.name) return directoryView(deps, actor, `${home}${name}/`, segments.slice(2));
    const collection = await deps.repos.collections.getByName(owner.id, name);
    if (collection) return { kind: 'collection', view: await single(deps, collection, `${home}${name}/`), rest: segments.slice(2) };
    // `/<me>/<app>-<other>/`: another principal's default collection, only under one's own home.
    const dash = name.indexOf('-');
    if (owner.id === me.id && dash > 0) {
      const app = name.slice(0, dash) as App;
      const other = app in DEFAULT_COLLECTION ? await findPrincipal(deps.repos, name.slice(dash + 1)) : undefined;
      const shared = other && (await deps.repos.collections.getByName(other.id, DEFAULT_COLLECTION[app]));
      if (shared) return { kind: 'collection', view: await single(deps, shared, `${home}${name}/`), rest: segments.slice(2) };
    }
    return { kind: 'not-found' };
  }

  if (first in DEFAULT_COLLECTION) {
    const app = first as App;
    const href = `/${app}/`;
    if (UNION_APPS.has(app)) return { kind: 'collection', view: await readableUnion(deps, actor, me, app, href), rest: segments.slice(1) };
    const own = await deps.repos.collections.getByName(me.id, DEFAULT_COLLECTION[app]);
    if (own) return { kind: 'collection', view: await single(deps, own, href), rest: segments.slice(1) };
  }
  return { kind: 'not-found' };
}
