import { ForbiddenError } from '@almanac/domain-kernel';
import { HttpError } from '@almanac/http-kit';
import { readableResources } from '../dav/children.js';
import type { DavCall } from '../dav/context.js';
import { mayOnCollection, renderContextOf } from '../dav/locate.js';
import type { CollectionNode } from '../dav/nodes.js';
import { currentSyncToken } from '../dav/sync.js';
import { evaluateConditions } from '../headers/conditional.js';
import { bundleICalendar, bundleVCards } from './bundle.js';

/**
 * `GET <collection>/?download` (behaviour §1.5): the whole collection as one `.ics` or `.vcf`,
 * with `ETag` = the collection's ctag, and `304` when `If-None-Match` carries it. A resource the
 * app cannot render is left out (and logged) rather than failing the download.
 */
export async function download(call: DavCall, node: CollectionNode): Promise<void> {
  const { view, app } = node;
  if (!app) throw new HttpError(404, `${view.href} has no iCalendar or vCard form`);
  if (!view.union && view.target && !mayOnCollection(call, view.target, 'read', view.grants)) {
    throw new ForbiddenError(`you may not read ${view.href}`, 'access/no-read');
  }
  const etag = `"${currentSyncToken(call, view)}"`;
  call.res.setHeader('ETag', etag);
  const outcome = evaluateConditions(call.req.method, { ifNoneMatch: call.req.headers['if-none-match'] }, { etag });
  if (!outcome.ok) return void call.res.status(304).end();

  const ctx = renderContextOf(call, view);
  const texts: string[] = [];
  for await (const r of readableResources(call, node)) {
    try {
      texts.push(await app.toText(r, { ctx }));
    } catch (err) {
      call.deps.logger?.warn('a resource was left out of a download', { collection: view.href, id: r.id, err });
    }
  }
  const calendar = app.dataProperty === 'calendar-data';
  const body = app.bundle ? app.bundle(texts) : calendar ? bundleICalendar(texts) : bundleVCards(texts);
  const base = (view.target?.name ?? view.app).replace(/[^A-Za-z0-9._-]/g, '_');
  call.res.setHeader('Content-Disposition', `attachment; filename="${base}.${calendar ? 'ics' : 'vcf'}"`);
  call.res.status(200).type(`${app.mediaTypes[0]?.contentType ?? (calendar ? 'text/calendar' : 'text/vcard')}; charset=utf-8`).send(body);
}
