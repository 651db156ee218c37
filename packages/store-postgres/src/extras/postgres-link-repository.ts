import {
  type LinkId, linkId, type LinkRepository, type NewLink, NotFoundError, type ResourceId, resourceId, type StoredLink, userId,
} from '@almanac/domain-kernel';
import type { Kysely, Selectable } from 'kysely';
import { isForeignKeyViolation } from '../pg-errors.js';
import type { Database, LinkTable } from '../schema.js';

const COLUMNS = ['id', 'from_resource_id', 'to_resource_id', 'file_name', 'file_type', 'file_size', 'remark', 'rel', 'created_at', 'created_by'] as const;
type LinkRow = Omit<Selectable<LinkTable>, 'file_content'>;

const toLink = (r: LinkRow): StoredLink => ({
  id: linkId(r.id), from: resourceId(r.from_resource_id),
  to: r.to_resource_id !== null ? { kind: 'entry', resourceId: resourceId(r.to_resource_id) }
    : { kind: 'file', name: r.file_name ?? '', contentType: r.file_type ?? 'application/octet-stream', size: r.file_size ?? 0 },
  remark: r.remark, rel: r.rel, createdAt: r.created_at, createdBy: r.created_by === null ? null : userId(r.created_by),
});

export class PostgresLinkRepository implements LinkRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(link: NewLink) {
    const to = link.to;
    try {
      const row = await this.#db.insertInto('link').values({
        from_resource_id: link.from,
        to_resource_id: to.kind === 'entry' ? to.resourceId : null,
        file_name: to.kind === 'file' ? to.name : null,
        file_type: to.kind === 'file' ? to.contentType : null,
        file_size: to.kind === 'file' ? to.content.byteLength : null,
        file_content: to.kind === 'file' ? to.content : null,
        remark: link.remark ?? '', rel: link.rel ?? null, created_by: link.createdBy,
      }).returning(COLUMNS).executeTakeFirstOrThrow();
      return toLink(row);
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new NotFoundError('linked entry', 'link/entry-not-found');
      throw err;
    }
  }

  async get(id: LinkId) {
    const row = await this.#db.selectFrom('link').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toLink(row);
  }

  async listFor(resource: ResourceId) {
    const rows = await this.#db.selectFrom('link').select(COLUMNS)
      .where((eb) => eb.or([eb('from_resource_id', '=', resource), eb('to_resource_id', '=', resource)]))
      .orderBy('id', 'desc').execute();
    return rows.map(toLink);
  }

  async fileContent(id: LinkId) {
    const row = await this.#db.selectFrom('link').select('file_content').where('id', '=', id).executeTakeFirst();
    return row?.file_content ? new Uint8Array(row.file_content) : undefined;
  }

  async delete(id: LinkId) {
    const r = await this.#db.deleteFrom('link').where('id', '=', id).executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new NotFoundError('link', 'link/not-found', { id });
  }
}
