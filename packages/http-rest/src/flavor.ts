import type { Request } from 'express';

export type Profile = 'egroupware' | 'rfc';

/** How one request wants JSON treated (behaviour §2.1–2.3, DECISIONS.md "JSON shapes"). */
export interface Flavor {
  /** REST (JSON) rather than DAV. */
  readonly rest: boolean;
  /** `application/pretty+json`: indented output. */
  readonly pretty: boolean;
  /** `application/jscontact+json`, `application/jscalendar+json` or another `+json`: strict input. */
  readonly strict: boolean;
  /** `profile=rfc` on Accept selects RFC 9553/8984 shapes; the default is the reference's. */
  readonly profile: Profile;
}

const JSON_TYPE = /^application\/(?:([a-z0-9.-]+)\+)?json\b/i;
const BODY_METHODS = new Set(['PUT', 'POST', 'PATCH', 'PROPPATCH']);
const ALWAYS_DAV = new Set(['PROPFIND', 'PROPPATCH', 'REPORT', 'MKCOL', 'MKCALENDAR', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'ACL']);
// Behaviour §2.1 rule 4: these apps have no DAV form.
const REST_ONLY_PATH = /^(?:\/[^/]+)?\/(rag|mail|invoices|timesheet|smallpart|projectmanager)\//;

const mediaTypes = (header: string | undefined) => (header ?? '').split(',').map((t) => t.trim()).filter(Boolean);

/** Classifies a request as the reference does (behaviour §2.1); `path` is below the base. */
export function flavorOf(req: Request, path: string): Flavor {
  const accept = mediaTypes(req.headers.accept);
  const contentType = req.headers['content-type'] ?? '';
  const acceptJson = accept.map((t) => JSON_TYPE.exec(t)).find(Boolean);
  const bodyJson = JSON_TYPE.exec(contentType);
  const profile: Profile = accept.some((t) => /;\s*profile="?rfc"?/i.test(t)) || /;\s*profile="?rfc"?/i.test(contentType) ? 'rfc' : 'egroupware';
  const pretty = accept.some((t) => /^application\/pretty\+json/i.test(t));

  let rest: boolean;
  if (ALWAYS_DAV.has(req.method) || /^(application|text)\/xml\b/i.test(contentType)) rest = false;
  else if (REST_ONLY_PATH.test(path)) rest = true;
  else if (BODY_METHODS.has(req.method)) rest = Boolean(bodyJson) || (!contentType && /^\/[a-z]+\/\d+\/links\//.test(path));
  // Behaviour §2.1 rule 3: generic clients that send Accept: */* with a JSON Content-Type.
  else rest = Boolean(acceptJson) || (accept.length === 1 && accept[0] === '*/*' && Boolean(bodyJson));

  const sub = (BODY_METHODS.has(req.method) ? bodyJson?.[1] : undefined)?.toLowerCase();
  return { rest, pretty, strict: Boolean(sub && sub !== 'pretty'), profile };
}
