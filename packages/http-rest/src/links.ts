import {
  type App, appOfResourceKind, ForbiddenError, isApp, type LinkId, linkId, MAX_ATTACHMENT_BYTES, may, NotFoundError,
  resourceId, type StoredLink, type StoredResource, ValidationError,
} from '@almanac/domain-kernel';
import { HttpError, sendJson } from '@almanac/http-kit';
import { absoluteUrl, type RestCall } from './context.js';

/** `(/<login>)?/<app>/<id>/links(/<rest>)?` below the base (behaviour §3.13). */
export const LINKS_PATH = /^(?:\/([^/]+))?\/(addressbook|calendar|infolog|timesheet)\/(\d{1,9})\/links(?:\/(.*))?$/;

interface Entry { readonly resource: StoredResource; readonly app: App }

/** The entry by its numeric id, checked to be of `app` and readable; else 404 like a missing one. */
async function entryFor(call: RestCall, app: App, id: number): Promise<Entry> {
  const resource = await call.deps.repos.resources.findById(resourceId(id));
  if (!resource || appOfResourceKind(resource.kind) !== app || !(await mayOn(call, resource, 'read'))) {
    throw new NotFoundError(`${app} entry ${id}`);
  }
  return { resource, app };
}

async function mayOn(call: RestCall, resource: StoredResource, action: 'read' | 'edit'): Promise<boolean> {
  const collection = await call.deps.repos.collections.get(resource.collectionId);
  if (!collection) return false;
  const restApp = call.deps.apps[appOfResourceKind(resource.kind)];
  return may(call.actor, action, { collection, resource: restApp?.facts(resource) }, await call.deps.repos.grants.listByOwner(collection.ownerId));
}

/** The Link object of behaviour §3.13, seen from `entry`. */
async function linkJson(call: RestCall, entry: Entry, link: StoredLink, collectionPath: string): Promise<Record<string, unknown> | undefined> {
  if (link.to.kind === 'file') {
    return {
      '@type': 'Link', href: absoluteUrl(call, `${collectionPath}${link.id}`), contentType: link.to.contentType,
      title: link.to.name, size: link.to.size, ...(link.remark && { 'egroupware.org-remark': link.remark }),
    };
  }
  const otherId = link.from === entry.resource.id ? link.to.resourceId : link.from;
  const other = await call.deps.repos.resources.findById(otherId);
  // A link to an entry that was deleted, or that the caller may not read, is not shown.
  if (!other || !(await mayOn(call, other, 'read'))) return undefined;
  const app = appOfResourceKind(other.kind);
  const restApp = call.deps.apps[app];
  return {
    '@type': 'Link', href: absoluteUrl(call, `/${call.me.login}/${app}/${restApp ? restApp.segment(other) : other.id}`),
    contentType: 'application/json', title: restApp?.displayName(other) ?? '', 'egroupware.org-app': app,
    'egroupware.org-id': String(other.id), ...(link.remark && { 'egroupware.org-remark': link.remark }),
    ...(link.rel && { rel: link.rel }),
  };
}

/** Tells the apps of both ends that a link went away (e.g. an InfoLog entry loses its primary link). */
async function linkRemoved(call: RestCall, link: StoredLink): Promise<void> {
  const ends = link.to.kind === 'entry' ? [link.from, link.to.resourceId] : [link.from];
  for (const id of ends) {
    const resource = await call.deps.repos.resources.findById(id);
    if (resource) await call.deps.apps[appOfResourceKind(resource.kind)]?.linkRemoved?.(resource, link, { actor: call.actor, me: call.me });
  }
}

async function linkOfEntry(call: RestCall, entry: Entry, segment: string): Promise<StoredLink> {
  const link = /^\d{1,9}$/.test(segment) ? await call.deps.repos.links.get(linkId(Number(segment)) as LinkId) : undefined;
  const belongs = link && (link.from === entry.resource.id || (link.to.kind === 'entry' && link.to.resourceId === entry.resource.id));
  if (!link || !belongs) throw new NotFoundError(`link ${segment}`);
  return link;
}

/**
 * The links sub-collection of any entry (behaviour §3.13): list (READ), link to another entry or
 * attach a file (EDIT), fetch a file, remove a link (EDIT).
 */
export async function linksRequest(call: RestCall, match: RegExpExecArray): Promise<void> {
  const [, , appName, id, rest = ''] = match;
  if (!isApp(appName!)) throw new NotFoundError('app');
  const entry = await entryFor(call, appName, Number(id));
  const collectionPath = call.req.path.slice(0, call.req.path.indexOf('/links') + '/links/'.length);
  const { req, res } = call;
  const links = call.deps.repos.links;

  if (rest === '') {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const responses: Record<string, unknown> = {};
      for (const link of await links.listFor(entry.resource.id)) {
        const json = await linkJson(call, entry, link, collectionPath);
        if (json) responses[`${collectionPath}${link.id}`] = json;
      }
      return sendJson(req, res, 200, { responses });
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method not allowed here', { Allow: 'GET, HEAD, POST' });
    if (!(await mayOn(call, entry.resource, 'edit'))) throw new ForbiddenError('you may not link this entry', 'access/no-edit');
    const body = req.body as Record<string, unknown> | undefined;
    const toApp = body?.toApp ?? body?.app;
    const toId = body?.toId ?? body?.id;
    if (typeof toApp !== 'string' || !isApp(toApp) || !/^\d{1,9}$/.test(String(toId ?? ''))) {
      throw new ValidationError('a link needs toApp (addressbook, calendar, infolog or timesheet) and a numeric toId',
        [{ path: '/toApp', message: 'required' }, { path: '/toId', message: 'required' }], 'link/invalid');
    }
    const target = await call.deps.repos.resources.findById(resourceId(Number(toId)));
    if (!target || appOfResourceKind(target.kind) !== toApp || !(await mayOn(call, target, 'read'))) {
      throw new ValidationError(`there is no ${toApp} entry ${toId}`, [{ path: '/toId', message: 'not found' }], 'link/invalid-target');
    }
    const link = await links.create({
      from: entry.resource.id, to: { kind: 'entry', resourceId: target.id },
      remark: typeof body?.remark === 'string' ? body.remark : '', rel: typeof body?.rel === 'string' ? body.rel : null, createdBy: call.me.id,
    });
    // e.g. rel "egroupware.org-primary" makes the link an InfoLog entry's primary link (behaviour §3.13).
    await call.deps.apps[entry.app]?.linkAdded?.(entry.resource, link, { actor: call.actor, me: call.me });
    res.setHeader('Location', absoluteUrl(call, `${collectionPath}${link.id}`));
    return void res.status(201).end();
  }

  if (req.method === 'POST' || req.method === 'PUT') {
    // `POST …/links/<filename>`: the raw body is the file (curl --data-binary).
    if (!(await mayOn(call, entry.resource, 'edit'))) throw new ForbiddenError('you may not attach files to this entry', 'access/no-edit');
    const content: unknown = req.body;
    if (!(content instanceof Uint8Array) || content.byteLength === 0) throw new ValidationError('the file is empty', [{ path: '', message: 'empty body' }], 'link/empty-file');
    if (content.byteLength > MAX_ATTACHMENT_BYTES) throw new HttpError(413, `attachments are limited to ${MAX_ATTACHMENT_BYTES} bytes`);
    const name = decodeURIComponent(rest);
    const link = await links.create({
      from: entry.resource.id, createdBy: call.me.id,
      to: { kind: 'file', name, contentType: req.headers['content-type']?.split(';')[0]?.trim() || 'application/octet-stream', content },
    });
    res.setHeader('Location', absoluteUrl(call, `${collectionPath}${link.id}`));
    return void res.status(201).end();
  }

  const link = await linkOfEntry(call, entry, rest);
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (link.to.kind !== 'file') return sendJson(req, res, 200, await linkJson(call, entry, link, collectionPath) ?? null);
    const bytes = await links.fileContent(link.id);
    res.status(200).type(link.to.contentType).setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(link.to.name)}`);
    return void res.end(Buffer.from(bytes ?? new Uint8Array()));
  }
  if (req.method === 'DELETE') {
    if (!(await mayOn(call, entry.resource, 'edit'))) throw new ForbiddenError('you may not remove links of this entry', 'access/no-edit');
    await links.delete(link.id);
    await linkRemoved(call, link);
    return void res.status(204).end();
  }
  throw new HttpError(405, 'method not allowed here', { Allow: 'GET, HEAD, DELETE' });
}
