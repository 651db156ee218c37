import type { LinkId, NewLink, StoredLink } from '../model/links.js';
import type { ResourceId } from '../ids.js';

/** Stores links between entries and attached files. */
export interface LinkRepository {
  /** @throws NotFoundError when an entry end does not exist */
  create(link: NewLink): Promise<StoredLink>;
  get(id: LinkId): Promise<StoredLink | undefined>;
  /** Every link with the resource at either end, newest first. */
  listFor(resource: ResourceId): Promise<StoredLink[]>;
  /** The bytes of a file link, or undefined for an entry link or a missing one. */
  fileContent(id: LinkId): Promise<Uint8Array | undefined>;
  /** @throws NotFoundError */
  delete(id: LinkId): Promise<void>;
}
