import { defaultCollections, type Group, type User } from '@almanac/domain-kernel';
import { InMemoryDeadPropertyRepository, InMemoryKernelStore } from '@almanac/domain-kernel/testing';
import { jsonErrorHandler, type RequestContext, setContext, silentLogger } from '@almanac/http-kit';
import express from 'express';
import request from 'supertest';
import { createDavRouter } from '../src/dav-router.js';
import type { DavApps } from '../src/dav/dav-app.js';
import { textDavApp } from '../src/testing/text-dav-app.js';

/** The DAV router over an in-memory store with users alice and bob (group team), authenticated by `X-User`. */
export async function davHarness(options: { apps?: DavApps; basePath?: string } = {}) {
  const store = new InMemoryKernelStore();
  const { repos } = store;
  const deadProperties = new InMemoryDeadPropertyRepository(repos.collections);
  const users: Record<string, User> = {};
  for (const [login, fullName, email] of [['alice', 'Alice Liddell', 'alice@example.org'], ['bob', 'Bob Builder', 'bob@example.org']] as const) {
    const user = await repos.users.create({ login, fullName, email, isAdmin: false, passwordHash: null });
    for (const draft of defaultCollections(user.id, 'user', fullName)) await repos.collections.create(draft);
    users[login] = user;
  }
  const team: Group = await repos.groups.create('team');
  await repos.groups.addMember(team.id, users.alice!.id);
  for (const draft of defaultCollections(team.id, 'group', 'Team')) await repos.collections.create(draft);
  const apps = options.apps ?? { calendar: textDavApp('calendar'), infolog: textDavApp('infolog'), addressbook: textDavApp('addressbook') };
  const basePath = options.basePath ?? '/';
  const app = express();
  app.set('etag', false);
  const api = express.Router();
  api.use(async (req, res, next) => {
    const user = users[String(req.headers['x-user'] ?? 'alice')]!;
    const groupIds = await repos.groups.groupsOf(user.id);
    const auth = { user, groupIds, scopes: 'all', method: 'password' } as RequestContext['auth'];
    setContext(res, { auth, actor: { userId: user.id, groupIds } });
    next();
  });
  api.use(createDavRouter({ repos, deadProperties, apps, basePath, maxBodyBytes: 1024 * 1024 }));
  app.use(basePath, api);
  app.use(jsonErrorHandler(silentLogger));
  const dav = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    let r = request(app)[method.toLowerCase() as 'get'](path).set(headers);
    if (body !== undefined) r = r.set('Content-Type', headers['Content-Type'] ?? 'application/xml; charset=utf-8').send(body);
    const res = await r.buffer(true).parse((stream, cb) => {
      let text = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => { text += chunk; });
      stream.on('end', () => cb(null, text));
    });
    return { status: res.status, headers: res.headers as Record<string, string>, text: String(res.body ?? '') };
  };
  return { app, store, repos, deadProperties, users, team, dav };
}
