import { isJSCalendarId, isObject, type JsonObject } from '../model/json.js';
import { PRIMARY_RELATION, READ_ONLY_MEMBERS } from '../model/task.js';

/** A request body made ready for the JSCalendar codec, and what it asked to clear. */
export interface PreparedTaskBody {
  readonly body: unknown;
  /** Top-level members the body set to null (canonical names), which a PUT must not keep. */
  readonly cleared: ReadonlySet<string>;
}

// Synonyms across the two profiles: clearing one clears both.
const SAME_MEMBER: Readonly<Record<string, string>> = { categories: 'keywords', keywords: 'categories' };
const MAPS = ['relatedTo', 'participants', 'keywords', 'categories'];
const FLAT_PRIMARY = `${PRIMARY_RELATION}:`;

/**
 * Readies a task request body (either profile) for the JSCalendar codec, applying the InfoLog
 * input rules that come before any schema (behaviour §3.5, §5.4):
 * - read-only members (`prodId`, `created`, `updated`, `sequence`, `status`, the pricelist) are
 *   dropped, so a GET body can be sent back under the strict media type too;
 * - `null` removes: top-level nulls are dropped and reported in `cleared`, nulls inside
 *   `relatedTo`, `participants`, `keywords` and `categories` are dropped;
 * - the flat primary-link form `"relatedTo/egroupware.org-primary:addressbook[:<field>]": "<value>"`
 *   becomes the relation `"addressbook:<value>[:<field>]"`, and a relation given as a bare string
 *   becomes a Relation;
 * - participants given as a list, or keyed by something that is not an RFC 8984 Id (an email),
 *   get Ids: the key carries no meaning on input, accounts are found by id or email.
 * Anything that is not an object is returned unchanged for the codec to refuse. Pure.
 */
export function prepareTaskBody(input: unknown): PreparedTaskBody {
  const cleared = new Set<string>();
  if (!isObject(input)) return { body: input, cleared };
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(input)) {
    if (READ_ONLY_MEMBERS.has(key)) continue;
    if (value === null) {
      cleared.add(key);
      if (SAME_MEMBER[key]) cleared.add(SAME_MEMBER[key]);
      continue;
    }
    body[key] = MAPS.includes(key) && isObject(value) ? withoutNulls(value) : value;
  }
  if (isObject(body.relatedTo)) body.relatedTo = flatPrimaryLinks(body.relatedTo);
  if (Array.isArray(body.participants) || isObject(body.participants)) body.participants = participantIds(body.participants);
  return { body, cleared };
}

const withoutNulls = (map: JsonObject): JsonObject => Object.fromEntries(Object.entries(map).filter(([, v]) => v !== null));

function flatPrimaryLinks(relatedTo: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(relatedTo)) {
    if (key.startsWith(FLAT_PRIMARY) && !isObject(value)) {
      // "egroupware.org-primary:<app>[:<field>]": "<value>" → "<app>:<value>[:<field>]"
      const [app = '', ...field] = key.slice(FLAT_PRIMARY.length).split(':');
      out[field.length ? `${app}:${String(value)}:${field.join(':')}` : `${app}:${String(value)}`] = { '@type': 'Relation', relation: { [PRIMARY_RELATION]: true } };
    } else if (key.startsWith(FLAT_PRIMARY) && isObject(value) && key.endsWith(':egroupware.org:customfields')) {
      // The flat key's `/` in "…:egroupware.org:customfields/<name>" was read as a path step.
      const [app = ''] = key.slice(FLAT_PRIMARY.length).split(':');
      for (const [cf, v] of Object.entries(value)) {
        out[`${app}:${String(v)}:egroupware.org:customfields/${cf}`] = { '@type': 'Relation', relation: { [PRIMARY_RELATION]: true } };
      }
    } else if (typeof value === 'string') {
      out[key] = { '@type': 'Relation', relation: { [value]: true } };
    } else {
      out[key] = value;
    }
  }
  return out;
}

function participantIds(participants: unknown[] | JsonObject): JsonObject {
  const entries: [string, unknown][] = Array.isArray(participants) ? participants.map((p, i) => [`p${i + 1}`, p]) : Object.entries(participants);
  const out: JsonObject = {};
  entries.forEach(([key, p], i) => {
    if (p === null) return;
    const value = typeof p === 'string' ? { email: p } : p;
    let id = isJSCalendarId(key) ? key : `p${i + 1}`;
    while (id in out) id = `${id}-${i + 1}`;
    out[id] = value;
  });
  return out;
}
