import { ValidationError } from '../errors.js';
import type { GroupId, UserId } from '../ids.js';

/** A person who can log in. The password hash never travels with it (see UserRepository). */
export interface User {
  readonly id: UserId;
  readonly kind: 'user';
  readonly login: string;
  readonly fullName: string;
  readonly email: string | null;
  readonly isAdmin: boolean;
  readonly createdAt: Date;
}

/** A named set of users. Groups own collections and receive grants like users do. */
export interface Group {
  readonly id: GroupId;
  readonly kind: 'group';
  readonly name: string;
  readonly createdAt: Date;
}

export type Principal = User | Group;

/**
 * Path segments that a login or group name may not take, because the URL tree
 * (`/<login>/…`, behaviour §1.2) already uses them at the top level.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'principals', 'addressbook', 'addressbook-accounts', 'calendar', 'infolog', 'timesheet',
  'mail', 'resources', 'locations', 'openapi.json', '.well-known', 'well-known', 'api',
  'static', 'assets', '{username}', 'inbox', 'outbox',
]);

// Lower-case only, so that one person cannot appear under two spellings in URLs.
const NAME_PATTERN = /^[a-z0-9][a-z0-9._@+-]{0,63}$/;

/**
 * Normalises and checks a login or group name: trimmed, lower-cased, 1–64 characters
 * of `a-z 0-9 . _ @ + -`, not a reserved top-level path segment.
 * @throws ValidationError
 */
export function normalizePrincipalName(raw: string, what: 'login' | 'group name' = 'login'): string {
  const name = raw.trim().toLowerCase();
  if (!NAME_PATTERN.test(name)) {
    throw new ValidationError(
      `invalid ${what} '${raw}': use 1-64 characters of a-z, 0-9, '.', '_', '@', '+', '-', starting with a letter or digit`,
      [{ path: '/name', message: 'pattern' }],
      'account/invalid-name',
    );
  }
  if (RESERVED_NAMES.has(name)) {
    throw new ValidationError(`'${name}' is reserved and cannot be used as a ${what}`, [
      { path: '/name', message: 'reserved' },
    ], 'account/reserved-name');
  }
  return name;
}

/** A deliberately loose check: one '@', something on both sides, no spaces. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new ValidationError(`invalid email address '${raw}'`, [{ path: '/email', message: 'format' }], 'account/invalid-email');
  }
  return email;
}
