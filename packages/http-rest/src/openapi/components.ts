/** Shared OpenAPI components: errors, listings, links, security, common parameters. */
export const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'integer', description: 'the HTTP status' },
    message: { type: 'string' },
    code: { type: 'string', description: 'a stable machine-readable code, e.g. auth/token-scope' },
    details: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string', description: 'JSON pointer into the request body' }, message: { type: 'string' } } } },
  },
} as const;

export const LISTING_SCHEMA = {
  type: 'object',
  required: ['responses'],
  properties: {
    responses: { type: 'object', description: 'request path of each resource → its JSON, the requested properties (a bare value when one), or null for a deletion in a sync', additionalProperties: true },
    'more-results': { const: true, description: 'only when nresults truncated the answer' },
    'sync-token': { type: 'string', format: 'uri', description: 'only in sync mode; pass it as sync-token next time' },
  },
} as const;

export const LINK_SCHEMA = {
  type: 'object',
  properties: {
    '@type': { const: 'Link' }, href: { type: 'string', format: 'uri' }, contentType: { type: 'string' }, title: { type: 'string' },
    size: { type: 'integer' }, 'egroupware.org-app': { type: 'string' }, 'egroupware.org-id': { type: 'string' }, 'egroupware.org-remark': { type: 'string' },
  },
} as const;

export const LINK_INPUT_SCHEMA = {
  type: 'object',
  required: ['toApp', 'toId'],
  properties: {
    toApp: { enum: ['addressbook', 'calendar', 'infolog', 'timesheet'] }, toId: { type: ['integer', 'string'] },
    remark: { type: 'string' }, rel: { type: 'string', examples: ['egroupware.org-primary'] },
  },
} as const;

export const PATCH_SCHEMA = {
  type: 'object',
  description: 'A PatchObject (RFC 8984 §1.4.9): keys are paths (leading / optional, ~0/~1 escapes), values replace, null removes',
  additionalProperties: true,
} as const;

const header = (name: string, description: string, required = false) => ({ name, in: 'header', required, description, schema: { type: 'string' } });

export const PARAMETERS = {
  props: { name: 'props[]', in: 'query', style: 'form', explode: true, description: 'DAV properties to return (getetag, displayname, getlastmodified, getcontenttype, getcontentlength, address-data, calendar-data, data, schedule-tag); one property gives bare values', schema: { type: 'array', items: { type: 'string' } } },
  syncToken: { name: 'sync-token', in: 'query', description: 'present (even empty) for a sync: changes since that token, deletions as null, oldest first', schema: { type: 'string' } },
  nresults: { name: 'nresults', in: 'query', description: 'with sync-token: at most this many responses, then more-results', schema: { type: 'integer', minimum: 1 } },
  filters: { name: 'filters', in: 'query', style: 'deepObject', explode: true, description: 'filters[search], filters[search][#<custom field>], filters[start], filters[end], filters[<column>]', schema: { type: 'object', additionalProperties: true } },
  ifMatch: header('If-Match', 'the ETag the write expects (412 otherwise)'),
  ifNoneMatch: header('If-None-Match', '`*` to create only; on GET a matching ETag gives 304'),
  prefer: header('Prefer', '`return=representation` returns the resource after a write'),
  accept: header('Accept', '`application/json`, `application/pretty+json`, or `…;profile=rfc` for RFC 9553/8984 shapes'),
} as const;

export const SECURITY_SCHEMES = {
  basic: { type: 'http', scheme: 'basic', description: 'login and password, or login and an app token' },
  bearer: { type: 'http', scheme: 'bearer', description: 'an app token (token<id>_<secret>)' },
} as const;
