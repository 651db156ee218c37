import type { CollectionId } from '@almanac/domain-kernel';
import { type CollectionView, formatTokenValue, type SyncPosition } from '@almanac/http-kit';
import { absoluteUrl, type DavCall } from './context.js';

/**
 * The sync token of a view at `position` (DECISIONS.md "Sync tokens"): the absolute URL of the
 * collection followed by its change number, the same token the REST API hands out.
 */
export function syncTokenAt(call: DavCall, view: CollectionView, position: SyncPosition): string {
  return absoluteUrl(call, view.href) + formatTokenValue(position, view.union);
}

/** The view's current token: its `DAV:sync-token` and (as Apple's ctag) `CS:getctag`. */
export function currentSyncToken(call: DavCall, view: CollectionView): string {
  return syncTokenAt(call, view, new Map<CollectionId, number>(view.collections.map((c) => [c.id, c.changeNumber])));
}
