const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URN = /^urn:uuid:/i;

/**
 * Behaviour §5 (common rules): UUID-shaped UIDs are written with a `urn:uuid:` prefix in the
 * reference's JSON and stored without it (as iCalendar UIDs are). Other UIDs pass unchanged.
 * @example storedUid('urn:uuid:3933d565-187f-4bad-a44e-82588ef64c88') // '3933d565-187f-4bad-a44e-82588ef64c88'
 */
export function storedUid(uid: string): string {
  const bare = uid.replace(URN, '');
  return UUID.test(bare) ? bare : uid;
}

/** The UID as the `egroupware` profile shows it: `urn:uuid:<uuid>` for UUIDs, else unchanged. */
export const egroupwareUid = (uid: string): string => (UUID.test(uid) ? `urn:uuid:${uid}` : uid);

/** A DAV resource name for a UID: `<uid>.ics`, with characters unsafe in a URL segment replaced. */
export const davNameOfUid = (uid: string): string => `${uid.replace(/[^A-Za-z0-9._~@+-]/g, '-').slice(0, 200)}.ics`;
