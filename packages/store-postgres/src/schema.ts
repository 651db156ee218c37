import type { ColumnType, Generated } from 'kysely';

/**
 * The only description of Almanac's tables (STYLE §3). Rows are mapped to domain types in the
 * `rows.ts` next to each repository, so these shapes never leave this package.
 */
export interface Database {
  principal: PrincipalTable;
  group_member: GroupMemberTable;
  collection: CollectionTable;
  access_grant: AccessGrantTable;
  app_token: AppTokenTable;
  resource: ResourceTable;
  login_throttle: LoginThrottleTable;
  custom_field: CustomFieldTable;
  link: LinkTable;
  timesheet_status: TimesheetStatusTable;
  dav_property: DavPropertyTable;
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** jsonb: read as a parsed value, written as JSON text (pg would send JS arrays as SQL arrays). */
type Json<T = unknown> = ColumnType<T, string, string>;

/** Users and groups in one id space, as accounts are in the reference server. */
export interface PrincipalTable {
  id: Generated<number>;
  kind: 'user' | 'group';
  name: string;
  full_name: Generated<string>;
  email: string | null;
  is_admin: Generated<boolean>;
  password_hash: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GroupMemberTable {
  group_id: number;
  member_id: number;
}

export interface CollectionTable {
  id: Generated<number>;
  owner_id: number;
  kind: string;
  name: string;
  display_name: Generated<string>;
  description: Generated<string>;
  color: string | null;
  /** The last change number handed out; writers lock this row to take the next one. */
  change_number: ColumnType<number, never, number>;
  /** Tokens below this number may have missed purged tombstones and are refused. */
  sync_floor: ColumnType<number, never, number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccessGrantTable {
  owner_id: number;
  grantee_id: number;
  app: string;
  rights: number;
}

export interface AppTokenTable {
  id: Generated<number>;
  /** null: an admin-made token valid for every user. */
  user_id: number | null;
  created_by: number | null;
  scopes: Json<string[]>;
  label: Generated<string>;
  secret_hash: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface ResourceTable {
  /** The numeric REST id, unique across collections. */
  id: Generated<number>;
  collection_id: number;
  uid: string;
  /** The DAV name, the last URL segment (`<uid>.ics`). */
  name: string;
  kind: string;
  /** Canonical JSON: JSCalendar, JSContact or the timesheet object. */
  data: Json;
  /** The iCalendar/vCard text as last written over DAV, else null. */
  raw_text: string | null;
  revision: number;
  change_number: number;
  starts_at: Date | null;
  ends_at: Date | null;
  time_zone: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Soft delete: a tombstone keeps id, uid, name and change number for syncs. */
  deleted_at: Date | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
}

export interface CustomFieldTable {
  id: Generated<number>;
  app: string;
  name: string;
  type: string;
  label: string;
  options: Json<Record<string, string>>;
  multiple: boolean;
}

export interface LinkTable {
  id: Generated<number>;
  from_resource_id: number;
  to_resource_id: number | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_content: Uint8Array | null;
  remark: Generated<string>;
  rel: string | null;
  created_at: CreatedAt;
  created_by: number | null;
}

export interface TimesheetStatusTable {
  id: Generated<number>;
  label: string;
}

/** A dead property of a collection (RFC 4918 §4.2): the client's element, serialised. */
export interface DavPropertyTable {
  collection_id: number;
  namespace: string;
  name: string;
  xml: string;
}
