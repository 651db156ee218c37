import { ForbiddenError, type StoredResource } from '@almanac/domain-kernel';
import { HttpError } from '@almanac/http-kit';
import { readableResources, resourceNodeOf } from '../dav/children.js';
import { type DavCall, hrefOf } from '../dav/context.js';
import { mayOnCollection, renderContextOf } from '../dav/locate.js';
import type { CollectionNode } from '../dav/nodes.js';
import { startMultistatus } from '../methods/multistatus.js';
import { nodeResponse } from '../properties/propstats.js';
import type { AddressbookQueryReport } from '../xml/requests/addressbook-query.js';
import type { CalendarQueryReport } from '../xml/requests/calendar-query.js';
import type { FreeBusyQueryReport } from '../xml/requests/free-busy-query.js';

/**
 * REPORT calendar-query (RFC 4791 §7.8) / addressbook-query (RFC 6352 §8.6): every readable
 * resource of the view the app's filter hook accepts, with the selected properties. The filter is
 * the app's (it knows the model); this layer walks the collection, checks access, writes the
 * multistatus and honours an addressbook-query `limit` with the 507 response of RFC 6352 §8.6.1.
 * A resource the hook throws on is answered alone with 500.
 */
export async function query(call: DavCall, node: CollectionNode, report: CalendarQueryReport | AddressbookQueryReport): Promise<void> {
  const app = node.app!;
  const ctx = renderContextOf(call, node.view);
  const matches = report.kind === 'calendar-query'
    ? (r: StoredResource) => app.calendarQuery!(r, report, ctx)
    : (r: StoredResource) => app.addressbookQuery!(r, report, ctx);
  const limit = report.kind === 'addressbook-query' ? report.limit : undefined;
  const data = report.kind === 'calendar-query' ? report.calendarData : report.addressData;
  const writer = startMultistatus(call);
  let count = 0;
  const prefilter = report.kind === 'calendar-query' ? app.calendarQueryPrefilter?.(report) : undefined;
  for await (const r of readableResources(call, node, prefilter)) {
    if (writer.closed) return;
    const child = resourceNodeOf(node, r);
    let ok: boolean;
    try {
      ok = await matches(r);
    } catch (err) {
      call.deps.logger?.warn('a DAV query filter failed on a resource', { href: hrefOf(call, child.path), err });
      await writer.write({ href: hrefOf(call, child.path), status: 500, description: 'this resource could not be read' });
      continue;
    }
    if (!ok) continue;
    if (limit !== undefined && count >= limit) {
      await writer.truncated(hrefOf(call, node.view.href));
      break;
    }
    count++;
    await writer.write(await nodeResponse(call, child, report.select, data));
  }
  await writer.end();
}

/**
 * REPORT free-busy-query (RFC 4791 §7.10): `200 text/calendar` with a VFREEBUSY built by the app
 * from the resources overlapping the range; needs the read-free-busy right on the collection.
 */
export async function freeBusyQuery(call: DavCall, node: CollectionNode, report: FreeBusyQueryReport): Promise<void> {
  const { view } = node;
  const app = node.app!;
  if (!view.target || !mayOnCollection(call, view.target, 'read-free-busy', view.grants)) {
    throw new ForbiddenError(`you may not read the free/busy time of ${view.href}`, 'access/no-free-busy');
  }
  const resources: StoredResource[] = [];
  for (const c of view.collections) {
    let afterId: StoredResource['id'] | undefined;
    for (;;) {
      const page = await call.deps.repos.resources.listPage(c.id, { afterId, limit: 500, query: { timeRange: report.timeRange } });
      resources.push(...page);
      if (resources.length > 50_000) throw new HttpError(507, 'too many events in the range');
      if (page.length < 500) break;
      afterId = page.at(-1)!.id;
    }
  }
  const text = await app.freeBusy!(resources, report.timeRange, renderContextOf(call, view));
  call.res.status(200).type('text/calendar; charset=utf-8').send(text);
}
