import { type CollectionId, InvalidSyncTokenError } from '@almanac/domain-kernel';

/**
 * Sync tokens, shared by REST (`?sync-token=`) and DAV (`DAV:sync-token`) so that a token one
 * interface hands out works on the other (DECISIONS.md "Sync tokens"): the absolute URL
 * `<origin><base><collection-path><value>`, where the value is the collection's change number, or
 * for a union view (`/addressbook/`, `/infolog/`) `id:n` pairs joined by commas.
 */

/** Positions per collection: the change number a client has seen. */
export type SyncPosition = ReadonlyMap<CollectionId, number>;

/**
 * Formats the value part of a token: the change number for a single collection; for a union
 * view `id:n` pairs joined by commas, since each collection counts its own changes.
 * @example formatTokenValue(new Map([[collectionId(7), 12]]), false) // '12'
 */
export function formatTokenValue(position: SyncPosition, union: boolean): string {
  if (!union) return String([...position.values()][0] ?? 0);
  return [...position.entries()].sort((a, b) => a[0] - b[0]).map(([id, n]) => `${id}:${n}`).join(',');
}

/**
 * Reads a client's token: a full URL (as handed out), a path, or the bare value. Only the last
 * segment counts, and the rest must name this collection (`viewPath`, e.g. `/alice/calendar/`);
 * a token of another collection is an error, never a silent full listing.
 * @throws InvalidSyncTokenError when the token is malformed or was issued for another collection
 * @example parseToken('https://h/alice/calendar/12', '/alice/calendar/', false, collectionId(7)) // Map { 7 => 12 }
 */
export function parseToken(token: string, viewPath: string, union: boolean, single?: CollectionId): Map<CollectionId, number> {
  const slash = token.lastIndexOf('/');
  const value = token.slice(slash + 1);
  if (slash >= 0) {
    let path: string;
    try {
      path = decodeURI(/^https?:\/\//i.test(token) ? new URL(token).pathname : token.slice(0, slash + 1));
    } catch {
      throw new InvalidSyncTokenError(token, 'malformed');
    }
    const prefix = path.slice(0, path.lastIndexOf('/') + 1);
    if (!prefix.endsWith(viewPath)) throw new InvalidSyncTokenError(token, 'issued for another collection');
  }
  const out = new Map<CollectionId, number>();
  if (!union) {
    if (!/^\d{1,15}$/.test(value) || single === undefined) throw new InvalidSyncTokenError(token, 'malformed');
    out.set(single, Number(value));
    return out;
  }
  if (value === '') return out;
  for (const pair of value.split(',')) {
    const m = /^(\d{1,10}):(\d{1,15})$/.exec(pair);
    if (!m) throw new InvalidSyncTokenError(token, 'malformed');
    out.set(Number(m[1]) as CollectionId, Number(m[2]));
  }
  return out;
}
