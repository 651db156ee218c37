import { type CollectionId, resourceMatches, type StoredResource, ValidationError } from '@almanac/domain-kernel';
import { type CollectionView, HttpError } from '@almanac/http-kit';
import { absoluteUrl, type RestCall, renderContext } from './context.js';
import { readFilters } from './filters.js';
import { JsonListingWriter } from './json-listing-writer.js';
import { mayView } from './locate.js';
import { propsEntry, requestedProps } from './props.js';
import type { RestApp } from './rest-app.js';
import { formatTokenValue, parseToken } from './sync-token.js';

const PAGE = 500;

/** The query string as the client sent it: `props[]` repeated, `filters[a][b]` kept literally. */
const queryOf = (call: RestCall) => new URLSearchParams(call.req.originalUrl.includes('?') ? call.req.originalUrl.slice(call.req.originalUrl.indexOf('?') + 1) : '');

function readLimit(params: URLSearchParams): number | undefined {
  const raw = params.get('nresults');
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw new ValidationError(`nresults must be a positive integer, not '${raw}'`, [{ path: '/nresults', message: 'positive integer' }], 'listing/invalid-nresults');
  }
  return Number(raw);
}

/**
 * `GET <collection>/` in REST mode (behaviour §3.1): every resource as JSON, or the requested
 * properties; with `sync-token` the changes since that token (deletions as null) in change order,
 * paged by `nresults`. Streams the response.
 */
export async function listCollection(call: RestCall, view: CollectionView, app: RestApp): Promise<void> {
  const params = queryOf(call);
  const propParams = [...params.getAll('props[]'), ...params.getAll('props')];
  const props = propParams.length ? requestedProps(propParams) : undefined;
  const syncLevel = params.get('sync-level');
  if (syncLevel !== null && syncLevel !== '' && syncLevel !== '1') throw new HttpError(400, 'only sync-level 1 is supported');
  const limit = readLimit(params);
  const filters = readFilters(params, app);
  // Behaviour §3.1: a listing that is no sync and has no time filter covers the app's window.
  const window = !params.has('sync-token') && !filters.timeRange ? app.listingWindow?.() : undefined;
  const query = window ? { ...filters, timeRange: window } : filters;
  const ctx = renderContext(call, view);
  const render = await app.renderer(ctx);
  const valueOf = async (r: StoredResource) => {
    let rendered: Promise<unknown> | undefined;
    const body = () => (rendered ??= Promise.resolve(render(r)));
    return props ? propsEntry(props, r, app, body, ctx) : body();
  };
  const readable = (r: StoredResource) => mayView(call, view, app, r);
  const writer = new JsonListingWriter(call.res, call.flavor.pretty);

  if (!params.has('sync-token')) {
    for (const c of view.collections) {
      for (let afterId: StoredResource['id'] | undefined, done = false; !done;) {
        const page = await call.deps.repos.resources.listPage(c.id, { afterId, limit: PAGE, query });
        for (const r of page) if (readable(r)) await writer.entry(view.href + app.segment(r), await valueOf(r));
        done = page.length < PAGE;
        afterId = page.at(-1)?.id;
      }
    }
    return writer.end();
  }

  const token = params.get('sync-token') ?? '';
  const since = token === '' ? new Map<CollectionId, number>() : parseToken(token, view.href, view.union, view.collections[0]?.id);
  const filtered = Boolean(query.text || query.equals || query.timeRange);
  const next = new Map<CollectionId, number>();
  let remaining = limit ?? Infinity;
  let more = false;
  for (const c of view.collections) {
    const from = since.get(c.id) ?? null;
    if (remaining <= 0) {
      more = true;
      if (from !== null) next.set(c.id, from);
      continue;
    }
    const set = await call.deps.repos.resources.changesSince(c.id, from, { limit: Number.isFinite(remaining) ? remaining : undefined });
    for (const change of set.changes) {
      if (change.deleted) await writer.entry(view.href + app.segment(change), null);
      else if (!readable(change.resource) || (filtered && !resourceMatches(change.resource, query))) {
        // Visible before but not now (a private flag, a filter): the client must drop it.
        if (from !== null) await writer.entry(view.href + app.segment(change.resource), null);
      } else await writer.entry(view.href + app.segment(change.resource), await valueOf(change.resource));
    }
    remaining -= set.changes.length;
    next.set(c.id, set.token);
    more ||= set.more;
  }
  const tokenUrl = absoluteUrl(call, view.href) + formatTokenValue(next, view.union);
  return writer.end(more ? { 'more-results': true, 'sync-token': tokenUrl } : { 'sync-token': tokenUrl });
}
