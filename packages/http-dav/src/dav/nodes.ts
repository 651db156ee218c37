import type { Collection, Principal, StoredResource } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import type { DavApp } from './dav-app.js';

/**
 * The resources of the DAV tree. `path` is the node's path below the base, percent-encoded, with
 * the trailing slash collections carry (RFC 4918 §5.2); hrefs are `hrefOf(call, path)`.
 */
export type DavNode =
  | { readonly type: 'root'; readonly path: string }
  /** `/principals/`: the principal collection of RFC 3744 §5.8. */
  | { readonly type: 'principals'; readonly path: string }
  /** `/principals/users/` or `/principals/groups/`. */
  | { readonly type: 'principal-list'; readonly of: 'users' | 'groups'; readonly path: string }
  | { readonly type: 'principal'; readonly principal: Principal; readonly path: string }
  /** `/<login>/`: a user's or group's home (calendar-home-set and addressbook-home-set). */
  | { readonly type: 'home'; readonly owner: Principal; readonly path: string }
  | CollectionNode
  | ResourceNode;

/** A collection URL: one stored collection, or a union view (`/addressbook/`, `/infolog/`). */
export interface CollectionNode {
  readonly type: 'collection';
  readonly view: CollectionView;
  /** The app that renders its resources; undefined when none is registered (then it lists no members). */
  readonly app: DavApp | undefined;
  readonly path: string;
}

/** One resource (an event, a task, a card) inside a collection view. */
export interface ResourceNode {
  readonly type: 'resource';
  readonly view: CollectionView;
  readonly collection: Collection;
  readonly app: DavApp;
  readonly resource: StoredResource;
  readonly path: string;
}

/** What a request URL names. */
export type Target =
  | { readonly kind: 'node'; readonly node: DavNode }
  /** A member URL of an existing collection where nothing is stored yet (PUT creates it). */
  | { readonly kind: 'new-resource'; readonly parent: CollectionNode; readonly app: DavApp; readonly segment: string }
  /** A URL one level below an existing home (MKCOL / MKCALENDAR create it). */
  | { readonly kind: 'new-collection'; readonly home: Extract<DavNode, { type: 'home' }>; readonly name: string }
  | { readonly kind: 'none' };
