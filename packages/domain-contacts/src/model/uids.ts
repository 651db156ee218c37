const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A uid without its `urn:uuid:` prefix, UUIDs in lower case: the reference stores UUID-shaped
 * uids bare and shows them prefixed (behaviour §5 "Common rules"), so both spellings name the
 * same contact, e.g. in distribution-list members.
 *
 * @example bareUid('urn:uuid:DFA5CAC5-987B-448B-85D7-6C8B529A835C') // 'dfa5cac5-987b-448b-85d7-6c8b529a835c'
 */
export function bareUid(uid: string): string {
  const bare = uid.trim().replace(/^urn:uuid:/i, '');
  return UUID.test(bare) ? bare.toLowerCase() : bare;
}

/** Whether two uids name the same contact (see `bareUid`). */
export const sameUid = (a: string, b: string): boolean => bareUid(a) === bareUid(b);

/** The spellings under which a uid may be stored: as given, bare, and `urn:uuid:`-prefixed. */
export function uidSpellings(uid: string): string[] {
  const bare = bareUid(uid);
  return [...new Set([uid, bare, ...(UUID.test(bare) ? [`urn:uuid:${bare}`] : [])])];
}

/**
 * The DAV name of a contact created over REST: `<uid>.vcf` as CardDAV clients name theirs, with
 * the `urn:uuid:` prefix dropped and characters that are unsafe in a URL segment replaced.
 */
export function davNameOf(uid: string): string {
  return `${bareUid(uid).replace(/[^A-Za-z0-9._~@+-]/g, '_').slice(0, 200)}.vcf`;
}
