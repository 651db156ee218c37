import type { Actor, User } from '@almanac/domain-kernel';
import { authenticate, bodyLimit, jsonErrorHandler, type Logger, requestLog, sendError, webdavStatusHeader } from '@almanac/http-kit';
import { readFileSync } from 'node:fs';
import { buildOpenApi, calendarRestApp, contactsRestApp, createRestRouter, type RestApp, tasksRestApp, timesheetRestApp } from '@almanac/http-rest';
import { calendarDavApp, contactsDavApp, createDavRouter, DAV_COMPLIANCE, DAV_METHODS, type DavApps, tasksDavApp } from '@almanac/http-dav';
import express, { type Express, type Request, type Response, Router } from 'express';
import { CodecEventTimes } from './adapters/codec-event-times.js';
import { KernelTaskLookups } from './adapters/kernel-task-lookups.js';
import type { ServerConfig } from './config.js';
import type { Services } from './services.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The methods served (REST and DAV); OPTIONS advertises exactly these. */
const ALLOWED_METHODS = `OPTIONS, GET, HEAD, POST, PUT, PATCH, DELETE, ${DAV_METHODS.join(', ')}`;

/** Where `/.well-known/*dav` and the bare base path point: the base, absolute behind a proxy. */
function baseUrl(config: Pick<ServerConfig, 'basePath' | 'publicUrl'>): string {
  const path = config.basePath === '/' ? '/' : `${config.basePath}/`;
  if (!config.publicUrl) return path;
  return new URL(path.replace(/^\//, ''), config.publicUrl.href.endsWith('/') ? config.publicUrl : `${config.publicUrl.href}/`).href;
}

/**
 * The Express application: the composition of the HTTP adapters over the services. Everything
 * below the base path needs authentication except OPTIONS.
 */
export function createApp(services: Services, config: ServerConfig, logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('etag', false);
  app.use(requestLog(logger));
  app.use(webdavStatusHeader);

  // RFC 6764 §5: service discovery redirects to the context path.
  const redirectToBase = (_req: Request, res: Response) => res.redirect(301, baseUrl(config));
  app.all('/.well-known/caldav', redirectToBase);
  app.all('/.well-known/carddav', redirectToBase);
  if (config.basePath !== '/') app.all(config.basePath, redirectToBase);

  const api = Router({ strict: true });
  api.use((req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Allow', ALLOWED_METHODS);
    // Behaviour §6.1–6.2: the DAV compliance classes, and the header Microsoft clients look for.
    res.setHeader('DAV', DAV_COMPLIANCE);
    res.setHeader('MS-Author-Via', 'DAV');
    res.status(200).end();
  });
  const { repos, timesheetStatuses } = services.store;
  // One EventTimes and one way to look up what tasks refer to, shared by REST and DAV, so that
  // both interfaces store the same ranges and resolve participants and links alike.
  const times = new CodecEventTimes();
  const lookupsFor = (actor: Actor, me: User) => new KernelTaskLookups(repos, actor, me);
  const apps: Record<string, RestApp> = {
    addressbook: contactsRestApp({ repos }),
    timesheet: timesheetRestApp({ repos, statuses: timesheetStatuses }),
    infolog: tasksRestApp({ repos, lookupsFor }),
    calendar: calendarRestApp({ repos, uow: services.store.uow, times, clock: services.clock }),
  };
  // Behaviour §1.1: the API description is public; it is built once from the apps' own schemas.
  const openapi = JSON.stringify(buildOpenApi(Object.values(apps), { basePath: config.basePath, version: VERSION }));
  api.get('/openapi.json', (_req, res) => { res.type('application/json; charset=utf-8').send(openapi); });
  api.use(bodyLimit(config.maxBodyBytes));
  api.use(authenticate(services.authenticator));
  api.use(createRestRouter({ repos, basePath: config.basePath, publicUrl: config.publicUrl, maxBodyBytes: config.maxBodyBytes, apps }));
  // What the REST router passed on is DAV (behaviour §2.1): the same tree as CalDAV/CardDAV. The
  // apps' DAV forms (iCalendar/vCard conversion) are registered here; tests add theirs through ServiceOptions.
  const davApps: DavApps = {
    calendar: calendarDavApp({ repos, uow: services.store.uow, times, clock: services.clock }),
    infolog: tasksDavApp({ repos, lookupsFor }),
    addressbook: contactsDavApp({ repos }),
    ...services.davApps,
  };
  api.use(createDavRouter({
    repos, deadProperties: services.store.deadProperties, apps: davApps, basePath: config.basePath, publicUrl: config.publicUrl,
    maxBodyBytes: config.maxBodyBytes, logger,
  }));
  app.use(config.basePath, api);
  app.use((req, res) => sendError(res, 404, `'${req.path}' not found`));
  app.use(jsonErrorHandler(logger));
  return app;
}
