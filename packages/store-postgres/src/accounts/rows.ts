import { type Group, groupId, type User, userId } from '@almanac/domain-kernel';
import type { Selectable } from 'kysely';
import type { PrincipalTable } from '../schema.js';

type PrincipalRow = Selectable<PrincipalTable>;

export const toUser = (r: Pick<PrincipalRow, (typeof USER_COLUMNS)[number]>): User => ({
  id: userId(r.id), kind: 'user', login: r.name, fullName: r.full_name, email: r.email,
  isAdmin: r.is_admin, createdAt: r.created_at,
});

export const toGroup = (r: PrincipalRow): Group => ({ id: groupId(r.id), kind: 'group', name: r.name, createdAt: r.created_at });

/** Every column but the password hash, so a user row never carries it by accident. */
export const USER_COLUMNS = ['id', 'kind', 'name', 'full_name', 'email', 'is_admin', 'created_at'] as const;
