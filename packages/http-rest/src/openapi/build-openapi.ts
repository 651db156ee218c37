import type { App } from '@almanac/domain-kernel';
import type { RestApp } from '../rest-app.js';
import { ERROR_SCHEMA, LINK_INPUT_SCHEMA, LINK_SCHEMA, LISTING_SCHEMA, PARAMETERS, PATCH_SCHEMA, SECURITY_SCHEMES } from './components.js';

const TITLE: Record<App, string> = { addressbook: 'Contact', calendar: 'Event', infolog: 'Task', timesheet: 'Timesheet' };

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/Error${s}` }]));
const REASONS: Record<number, string> = {
  304: 'Not Modified', 401: 'authentication required or failed', 403: 'no right, or a token outside its apps', 404: 'not found, or not readable',
  405: 'method not allowed', 412: 'a precondition failed', 413: 'body too large', 422: 'invalid input', 429: 'too many failed logins',
};

/**
 * The OpenAPI 3.1 document of the REST API, made from the same JSON Schema objects the apps
 * validate request bodies with (`RestApp.schemas`), so documentation and validation cannot drift.
 */
export function buildOpenApi(apps: readonly RestApp[], options: { basePath: string; version: string }): Record<string, unknown> {
  const schemas: Record<string, unknown> = { Error: ERROR_SCHEMA, Listing: LISTING_SCHEMA, Link: LINK_SCHEMA, LinkInput: LINK_INPUT_SCHEMA, PatchObject: PATCH_SCHEMA };
  const paths: Record<string, unknown> = {};
  for (const app of apps) {
    const name = TITLE[app.app];
    const media = app.schemas?.mediaType ?? 'application/json';
    if (app.schemas) {
      schemas[`${name}Input`] = app.schemas.input;
      schemas[name] = app.schemas.resource;
    }
    const body = app.schemas ? ref(`${name}Input`) : { type: 'object' };
    const resource = app.schemas ? ref(name) : { type: 'object' };
    const writeHeaders = { Location: { schema: { type: 'string' }, description: 'the resource path' }, ETag: { schema: { type: 'string' } } };
    const collection = {
      get: {
        operationId: `list${name}s`, tags: [app.app], summary: `${name}s of a collection, or their changes since a sync token`,
        parameters: [PARAMETERS.props, PARAMETERS.syncToken, PARAMETERS.nresults, PARAMETERS.filters, PARAMETERS.accept],
        responses: { 200: { description: 'the listing', content: { 'application/json': { schema: ref('Listing') } } }, ...errors(401, 403, 404, 422) },
      },
      post: {
        operationId: `create${name}`, tags: [app.app], summary: `create a ${name.toLowerCase()}${app.flatPost ? ' (flat "a/b/c" keys allowed)' : ''}`,
        parameters: [PARAMETERS.prefer],
        requestBody: { required: true, content: { 'application/json': { schema: body } } },
        responses: {
          201: { description: 'created', headers: writeHeaders, content: { [media]: { schema: resource } } },
          ...errors(401, 403, 404, 413, 422),
        },
      },
    };
    const item = {
      parameters: [{ name: 'id', in: 'path', required: true, description: 'the numeric id, the DAV name or the UID', schema: { type: 'string' } }],
      get: { operationId: `get${name}`, tags: [app.app], parameters: [PARAMETERS.ifNoneMatch, PARAMETERS.accept], responses: { 200: { description: 'the resource', headers: { ETag: { schema: { type: 'string' } } }, content: { [media]: { schema: resource } } }, ...errors(304, 401, 404) } },
      put: { operationId: `replace${name}`, tags: [app.app], summary: 'replace, or create under this UID', parameters: [PARAMETERS.ifMatch, PARAMETERS.ifNoneMatch, PARAMETERS.prefer], requestBody: { required: true, content: { 'application/json': { schema: body } } }, responses: { 200: { description: 'replaced (Prefer)', content: { [media]: { schema: resource } } }, 201: { description: 'created', headers: writeHeaders }, 204: { description: 'replaced', headers: { ETag: { schema: { type: 'string' } } } }, ...errors(401, 403, 404, 412, 422) } },
      patch: { operationId: `patch${name}`, tags: [app.app], parameters: [PARAMETERS.ifMatch, PARAMETERS.prefer], requestBody: { required: true, content: { 'application/json': { schema: ref('PatchObject') } } }, responses: { 200: { description: 'patched (Prefer)', content: { [media]: { schema: resource } } }, 204: { description: 'patched' }, ...errors(401, 403, 404, 412, 422) } },
      delete: { operationId: `delete${name}`, tags: [app.app], parameters: [PARAMETERS.ifMatch], responses: { 204: { description: 'deleted' }, ...errors(401, 403, 404, 412) } },
    };
    const login = { name: 'login', in: 'path', required: true, description: 'a user or group', schema: { type: 'string' } };
    paths[`/{login}/${app.app}/`] = { parameters: [login], ...collection };
    paths[`/${app.app}/`] = collection;
    paths[`/{login}/${app.app}/{id}`] = { ...item, parameters: [login, ...item.parameters] };
    paths[`/${app.app}/{id}/links/`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: { operationId: `list${name}Links`, tags: [app.app, 'links'], responses: { 200: { description: 'links, newest first', content: { 'application/json': { schema: ref('Listing') } } }, ...errors(401, 404) } },
      post: { operationId: `link${name}`, tags: [app.app, 'links'], requestBody: { required: true, content: { 'application/json': { schema: ref('LinkInput') } } }, responses: { 201: { description: 'linked', headers: { Location: { schema: { type: 'string' } } } }, ...errors(401, 403, 404, 422) } },
    };
  }
  const responses = Object.fromEntries(Object.entries(REASONS).map(([status, description]) => [
    `Error${status}`, { description, ...(status !== '304' && { content: { 'application/json': { schema: ref('Error') } } }) },
  ]));
  return {
    openapi: '3.1.0',
    info: { title: 'Almanac REST API', version: options.version, description: 'Contacts (JSContact), events and tasks (JSCalendar) and timesheets over JSON, compatible with EGroupware’s REST API.' },
    servers: [{ url: options.basePath }],
    security: [{ basic: [] }, { bearer: [] }],
    paths,
    components: { schemas, responses, securitySchemes: SECURITY_SCHEMES },
  };
}
