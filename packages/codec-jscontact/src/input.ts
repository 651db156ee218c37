import { applyPatch } from '@almanac/codec-patchobject';
import { egroupwareToRfc } from './profiles/egroupware-to-rfc.js';
import { rfcToEgroupware } from './profiles/rfc-to-egroupware.js';
import { validateJSContact } from './schema/validate.js';
import type { Card, Issue, JsonObject, Parsed, Profile } from './types.js';

/** Options of {@link parseJSContactInput}. */
export interface ParseJSContactOptions {
  /**
   * `true` for the strict media type `application/jscontact+json` (egroupware-behaviour.md §2.2):
   * the body must be valid in its profile as it stands (see `validateJSContact`), flat `a/b` keys
   * are refused, nothing is filled in. `false` (default, `application/json`): either profile or a
   * mix, older draft names, `fullName` as `{value}`, scalars for objects, flat keys as a patch,
   * a missing uid generated.
   */
  strict?: boolean;
  /** The profile a strict body must follow; by default told from the body's shape. */
  profile?: Profile;
  /** Makes the uid of a lenient body that has none (default: a random `urn:uuid:`). */
  generateUid?: () => string;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The single entry point for a JSContact request body of the REST API: takes the JSON text or the
 * parsed value, in the `egroupware` or `rfc` profile, and returns the Card in the canonical `rfc`
 * profile (RFC 9553), ready to store or to convert to vCard. Problems come back as issues with
 * JSON pointers into the body; never throws.
 *
 * @example
 * parseJSContactInput('{"name/personal": "First", "name/surname": "Tester", "emails/work": "t@example.org"}', { generateUid: () => 'urn:uuid:1' })
 * // { ok: true, value: { '@type': 'Card', version: '1.0', uid: 'urn:uuid:1',
 * //   name: { components: [{ kind: 'given', value: 'First' }, { kind: 'surname', value: 'Tester' }] },
 * //   emails: { work: { address: 't@example.org' } } }, warnings: [...] }
 */
export function parseJSContactInput(input: unknown, options: ParseJSContactOptions = {}): Parsed<Card> {
  const strict = options.strict === true;
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (err) {
      return { ok: false, errors: [{ code: 'jscontact/invalid-json', path: '', message: `not JSON: ${err instanceof Error ? err.message : String(err)}` }] };
    }
  }
  if (!isObject(value)) return { ok: false, errors: [{ code: 'jscontact/not-object', path: '', message: 'a Card must be a JSON object' }] };
  const warnings: Issue[] = [];
  // "__proto__" members (JSON.parse keeps them as own members) cannot be copied like others.
  const proto: string[] = [];
  const cleaned = withoutProtoKeys(value, '', proto) as JsonObject;
  if (proto.length > 0) {
    const issues = proto.map((path) => ({ code: 'jscontact/forbidden-key', path, message: '"__proto__" is not accepted as a member name' }));
    if (strict) return { ok: false, errors: issues };
    warnings.push(...issues.map((i) => ({ ...i, message: i.message + '; left out' })));
  }
  let body: JsonObject = cleaned;

  const flat = Object.keys(body).filter((k) => k.includes('/'));
  if (flat.length > 0) {
    if (strict) {
      return { ok: false, errors: flat.map((k) => ({ code: 'jscontact/flat-key', path: '/' + k.replace(/~/g, '~0').replace(/\//g, '~1'), message: 'flat "a/b" keys are only read from application/json bodies' })) };
    }
    // DECISIONS.md: flat "a/b/c" keys of a lenient body are a PatchObject over the other members.
    const base: JsonObject = {};
    const patch: JsonObject = {};
    for (const key of Object.keys(body)) (key.includes('/') ? patch : base)[key] = body[key];
    const applied = applyPatch(base, patch, { mode: 'relaxed', arrays: 'replace-members' });
    if (!applied.ok) return { ok: false, errors: applied.errors };
    warnings.push(...applied.warnings.filter((w) => w.code !== 'patch/created-parent'));
    body = applied.value;
  }

  const profile = options.profile ?? detectProfile(body);
  if (strict) {
    const errors = validateJSContact(body, { profile, strict: true });
    if (errors.length > 0) return { ok: false, errors };
  }
  const card = profile === 'rfc' && strict ? { ...body } : egroupwareToRfc(body, warnings);
  if (card['@type'] === undefined) card['@type'] = 'Card';
  if (card['version'] === undefined) card['version'] = '1.0';
  if (card['uid'] === undefined || card['uid'] === '') {
    card['uid'] = (options.generateUid ?? randomUid)();
    warnings.push({ code: 'jscontact/generated-uid', path: '/uid', message: `no uid; ${String(card['uid'])} was generated` });
  } else if (profile === 'egroupware' && typeof card['uid'] === 'string' && card['uid'].length < 12) {
    // egroupware-behaviour.md §2.2: the reference replaces such uids; the caller decides.
    warnings.push({ code: 'jscontact/short-uid', path: '/uid', message: 'uid shorter than 12 characters' });
  }
  const errors = validateJSContact(orderCard(card), { profile: 'rfc', strict: false });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: orderCard(card) as Card, warnings };
}

/** `value` without `__proto__` members (their JSON pointers added to `found`); shared when none. */
function withoutProtoKeys(value: unknown, path: string, found: string[]): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const clean = withoutProtoKeys(item, `${path}/${i}`, found);
      if (clean !== item) (copy ??= value.slice())[i] = clean;
    });
    return copy ?? value;
  }
  if (!isObject(value)) return value;
  let copy: JsonObject | undefined;
  for (const key of Object.keys(value)) {
    const pointer = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === '__proto__') {
      found.push(pointer);
      copy ??= copyOwn(value);
      delete copy[key];
      continue;
    }
    const clean = withoutProtoKeys(value[key], pointer, found);
    if (clean !== value[key]) (copy ??= copyOwn(value))[key] = clean;
  }
  return copy ?? value;
}

function copyOwn(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: value[key], enumerable: true, writable: true, configurable: true });
  return out;
}

/** `@type`, `version` and `uid` first, as RFC 9553's examples write them. */
function orderCard(card: JsonObject): JsonObject {
  const { '@type': type, version, uid, ...rest } = card;
  return { '@type': type, version, uid, ...rest };
}

function randomUid(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return 'urn:uuid:' + crypto.randomUUID();
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * Which profile a body is written in: `egroupware` when it uses a shape only that profile has
 * (a NameComponent array, `fullName`, `CardGroup`, `online`, `photos`, `categories`, a notes
 * array, `email`/`phone` members), else `rfc`.
 */
export function detectProfile(value: JsonObject): Profile {
  if (value['@type'] === 'CardGroup' || Array.isArray(value['name']) || typeof value['name'] === 'string') return 'egroupware';
  if (['fullName', 'online', 'photos', 'categories'].some((k) => value[k] !== undefined) || Array.isArray(value['notes'])) return 'egroupware';
  for (const [map, member] of [['emails', 'email'], ['phones', 'phone'], ['titles', 'title'], ['addresses', 'street']] as const) {
    const m = value[map];
    if (isObject(m) && Object.values(m).some((e) => isObject(e) && e[member] !== undefined)) return 'egroupware';
  }
  return 'rfc';
}

/** Options of {@link formatJSContact}. */
export interface FormatJSContactOptions {
  /** `egroupware` (default: the REST API's default shape) or `rfc` (RFC 9553 as is). */
  profile?: Profile;
}

/**
 * Writes a Card (rfc profile, as `parseJSContactInput` returns) in the requested profile for a
 * REST response: `rfc` returns it unchanged (a copy), `egroupware` maps it with
 * `rfcToEgroupware`. Pure; never throws.
 *
 * @example
 * formatJSContact(card, { profile: 'egroupware' }) // { '@type': 'Card', uid: …, name: [{ '@type': 'NameComponent', type: 'personal', … }], fullName: … }
 */
export function formatJSContact(card: Card | JsonObject, options: FormatJSContactOptions = {}): JsonObject {
  if (!isObject(card)) return {};
  return options.profile === 'rfc' ? { ...card } : rfcToEgroupware(card);
}

/** Options of {@link patchJSContact}. */
export interface PatchJSContactOptions {
  /** Strict media type: RFC 8984 PatchObject rules exactly and a strictly valid result. */
  strict?: boolean;
  /** The shape the patch paths refer to: `egroupware` (default, the REST API's) or `rfc`. */
  profile?: Profile;
}

/**
 * Applies a REST `PATCH` body (a PatchObject, DECISIONS.md "ETags, conditional requests,
 * writes") to a stored Card: the paths refer to the card in the given profile (`emails/work/email`
 * in the egroupware profile, `emails/work/address` in rfc); the patched card is read back like a
 * request body. Lenient by default: missing parents are created. Never throws.
 *
 * @example
 * patchJSContact(card, { 'organizations/org/name': 'ACME', 'emails/work/email': 'new@example.org' })
 */
export function patchJSContact(card: Card | JsonObject, patch: unknown, options: PatchJSContactOptions = {}): Parsed<Card> {
  if (!isObject(patch)) return { ok: false, errors: [{ code: 'jscontact/not-object', path: '', message: 'a PatchObject must be a JSON object' }] };
  const profile = options.profile ?? 'egroupware';
  const base = formatJSContact(card, { profile });
  const applied = applyPatch(base, patch, { mode: options.strict ? 'strict' : 'relaxed', arrays: 'replace-members' });
  if (!applied.ok) return applied;
  const parsed = parseJSContactInput(applied.value, { strict: options.strict === true, profile });
  if (!parsed.ok) return parsed;
  return { ok: true, value: parsed.value, warnings: [...applied.warnings.filter((w) => w.code !== 'patch/created-parent'), ...parsed.warnings] };
}
