import { ValidationError } from '../errors.js';
import type { PrincipalId } from '../ids.js';
import type { App } from './apps.js';

/**
 * Grant bits, with the reference server's values (behaviour §4.3) so that numbers seen
 * in its documentation and exports mean the same here.
 */
export const Right = {
  READ: 1,
  ADD: 2,
  EDIT: 4,
  DELETE: 8,
  PRIVATE: 16,
  FREEBUSY: 128,
  INVITE: 256,
} as const;
export type RightName = keyof typeof Right;

/** A bit set of `Right` values. */
export type Rights = number;

export const NO_RIGHTS: Rights = 0;
export const ALL_RIGHTS: Rights = Object.values(Right).reduce((all, bit) => all | bit, 0);

/** An owner (user or group) lets a grantee (user or group) act on its collections of one app. */
export interface Grant {
  readonly ownerId: PrincipalId;
  readonly granteeId: PrincipalId;
  readonly app: App;
  readonly rights: Rights;
}

export const hasRight = (rights: Rights, right: RightName): boolean => (rights & Right[right]) !== 0;

/**
 * Parses right names as typed on the command line or in an API (`read`, `ADD`, `freebusy`,
 * `free-busy`, `all`) into a bit set.
 * @throws ValidationError naming the first unknown right.
 */
export function parseRights(names: readonly string[]): Rights {
  let rights = NO_RIGHTS;
  for (const raw of names) {
    const name = raw.trim().toUpperCase().replace(/[-_]/g, '');
    if (name === 'ALL') {
      rights |= ALL_RIGHTS;
      continue;
    }
    if (name === 'NONE') continue;
    if (!(name in Right)) {
      throw new ValidationError(
        `unknown right '${raw}' (known: ${Object.keys(Right).map((r) => r.toLowerCase()).join(', ')}, all, none)`,
        [{ path: '/rights', message: `unknown right ${raw}` }],
        'grant/unknown-right',
      );
    }
    rights |= Right[name as RightName];
  }
  return rights;
}

/** The lower-case names of the rights in a bit set, in bit order. */
export function rightNames(rights: Rights): string[] {
  return (Object.keys(Right) as RightName[]).filter((r) => hasRight(rights, r)).map((r) => r.toLowerCase());
}
