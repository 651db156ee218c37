import { type Collection, type CollectionKind, collectionId, principalId } from '@almanac/domain-kernel';
import type { Selectable } from 'kysely';
import type { CollectionTable } from '../schema.js';

export const toCollection = (r: Selectable<CollectionTable>): Collection => ({
  id: collectionId(r.id), ownerId: principalId(r.owner_id), kind: r.kind as CollectionKind, name: r.name,
  displayName: r.display_name, description: r.description, color: r.color, changeNumber: r.change_number,
  createdAt: r.created_at,
});
