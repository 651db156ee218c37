import type { AppToken } from '../model/app-tokens.js';
import type { Grant } from '../model/grants.js';
import type { Collection } from '../model/collections.js';
import type { CustomFieldDefinition } from '../model/custom-fields.js';
import type { StoredLink } from '../model/links.js';
import type { ResourceKind, TimeRange } from '../model/resources.js';

/** Rows as the in-memory adapters keep them; a unit of work snapshots and restores the whole. */
export interface PrincipalRow {
  id: number;
  kind: 'user' | 'group';
  name: string;
  fullName: string;
  email: string | null;
  isAdmin: boolean;
  passwordHash: string | null;
  createdAt: Date;
}

export type CollectionRow = { -readonly [K in keyof Collection]: Collection[K] } & { syncFloor: number };

export interface ResourceRow {
  id: number;
  collectionId: number;
  uid: string;
  name: string;
  kind: ResourceKind;
  data: unknown;
  rawText: string | null;
  timeRange: TimeRange | null;
  timeZone: string | null;
  revision: number;
  changeNumber: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface InMemoryState {
  seq: { principal: number; collection: number; resource: number; token: number; link: number };
  principals: Map<number, PrincipalRow>;
  /** `${groupId}:${userId}` */
  members: Set<string>;
  collections: Map<number, CollectionRow>;
  /** `${ownerId}:${granteeId}:${app}` */
  grants: Map<string, Grant>;
  tokens: Map<number, { token: AppToken; secretHash: string }>;
  resources: Map<number, ResourceRow>;
  customFields: CustomFieldDefinition[];
  links: Map<number, { link: StoredLink; content?: Uint8Array }>;
}

export const emptyState = (): InMemoryState => ({
  seq: { principal: 0, collection: 0, resource: 0, token: 0, link: 0 },
  principals: new Map(),
  members: new Set(),
  collections: new Map(),
  grants: new Map(),
  tokens: new Map(),
  resources: new Map(),
  customFields: [],
  links: new Map(),
});
