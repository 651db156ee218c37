import type { Card } from '@almanac/codec-jscontact';
import {
  type CustomFieldDefinition, CUSTOM_FIELDS_MEMBER, readCustomFields, type ResourceDraft, type ResourceKind, ValidationError,
  type ValidationIssue,
} from '@almanac/domain-kernel';
import { contactColumns } from '../model/columns.js';
import { COLUMNS_MEMBER, type ContactData, PRIVATE_MEMBER, SERVER_OWNED_MEMBERS, type StoredContact } from '../model/contact.js';
import { deriveKind, withNameParts } from '../model/names.js';
import { checkPhotos } from '../model/photos.js';
import { bareUid, davNameOf, sameUid, uidSpellings } from '../model/uids.js';
import { withWellKnownKeys } from '../model/well-known-keys.js';

/** A live resource of the same address book, as member checks need it. */
export interface UidMatch {
  readonly uid: string;
  readonly kind: ResourceKind;
}

export interface ContactInputContext {
  /** The stored contact a PUT or PATCH replaces; absent when creating. */
  readonly existing?: StoredContact;
  /** Whether the request named a uid; when it did not, the codec generated `card.uid`. */
  readonly uidGiven: boolean;
  /** The URL segment of a PUT that creates (behaviour §3.5: upsert by UID). */
  readonly segment?: string;
  /** `application/jscontact+json`: a uid of at least 12 characters is required (behaviour §2.2). */
  readonly strict: boolean;
  readonly customFields: readonly CustomFieldDefinition[];
  /** Finds a live card or list of the same address book by its exact stored uid. */
  readonly findByUid: (uid: string) => Promise<UidMatch | undefined>;
  /** Extra lookup columns (the accounts directory adds `account_id`). */
  readonly columns?: Readonly<Record<string, string>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The uid a write ends up with (DECISIONS.md "ETags, conditional requests, writes"). */
function resolveUid(card: Card, ctx: ContactInputContext, issue: (path: string, message: string) => void): string {
  const given = typeof card.uid === 'string' ? card.uid.trim() : '';
  if (ctx.existing) {
    // A PUT without uid keeps the stored one; a different uid is refused.
    if (ctx.uidGiven && !sameUid(given, ctx.existing.uid)) issue('/uid', `must not change the UID (it is ${ctx.existing.uid})`);
    return ctx.existing.uid;
  }
  if (!ctx.uidGiven) {
    if (ctx.segment) return ctx.segment;
    if (ctx.strict) issue('/uid', 'is required');
    return given;
  }
  if (given === '') issue('/uid', 'must not be empty');
  if (ctx.segment && !sameUid(given, ctx.segment)) issue('/uid', `differs from the UID in the URL (${ctx.segment})`);
  if (ctx.strict && given.length < 12) issue('/uid', 'must have at least 12 characters');
  return given;
}

/** Distribution-list members: contacts (not lists) of the same address book, keyed by their stored uid. */
async function readMembers(members: unknown, ctx: ContactInputContext, issue: (path: string, message: string) => void): Promise<Record<string, true>> {
  const out: Record<string, true> = {};
  if (members === undefined) return out;
  if (!isObject(members)) {
    issue('/members', 'must be an object like {"<member uid>": true}');
    return out;
  }
  for (const [key, value] of Object.entries(members)) {
    const path = `/members/${pointer(key)}`;
    if (value !== true) {
      issue(path, 'must be true');
      continue;
    }
    let found: UidMatch | undefined;
    for (const spelling of uidSpellings(key)) if ((found = await ctx.findByUid(spelling))) break;
    // Behaviour §5.2: members are restricted to contacts of the same address book.
    if (!found) issue(path, 'is not a contact of this address book');
    else if (found.kind !== 'card') issue(path, 'a distribution list cannot be a member');
    else out[found.uid] = true;
  }
  return out;
}

/**
 * Reads a card that the codec produced from a request body (`parseJSContactInput`: the `rfc`
 * profile) into a storage draft, applying the address book's rules: the uid rules, server-owned
 * members (`prodId`, `created`, `updated`, `kind` are the server's; the private flag is kept when
 * absent), `kind` derived (behaviour §5.1), name parts split from a display name, contexts and
 * features implied by the reference's well-known keys, photos checked, custom fields checked
 * against their definitions, distribution-list members restricted to contacts of the same
 * address book, and the lookup columns for `filters[…]`. A list stays a list and a contact a contact.
 * @throws ValidationError listing every problem with its JSON pointer (into the `rfc` shape).
 */
export async function readContact(input: Card, ctx: ContactInputContext): Promise<ResourceDraft<ContactData>> {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  const uid = resolveUid(input, ctx, issue);

  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (SERVER_OWNED_MEMBERS.includes(key) || ['@type', 'version', 'uid', 'kind', PRIVATE_MEMBER, CUSTOM_FIELDS_MEMBER].includes(key)) continue;
    // Behaviour §5: empty values are no values (a PATCH that removes the last phone leaves no `phones: {}`).
    if (value === null || (isObject(value) && Object.keys(value).length === 0 && key !== 'members')) continue;
    rest[key] = value;
  }
  // Behaviour §3.5: a list is chosen by its kind (a CardGroup) or, on create, by carrying members.
  const group = input.kind === 'group' || (!ctx.existing && input.members !== undefined && input.kind === undefined);
  if (ctx.existing && group !== (ctx.existing.kind === 'card-group')) {
    issue('/kind', group ? 'a contact cannot become a distribution list' : 'a distribution list cannot become a contact');
  }

  let card: Card = { '@type': 'Card', version: typeof input.version === 'string' ? input.version : '1.0', uid, ...(input.kind !== undefined && { kind: input.kind }), ...rest };
  if (group) {
    card = { ...card, kind: 'group', members: await readMembers(input.members, ctx, issue) };
  } else {
    if (input.members !== undefined) issue('/members', 'only a distribution list has members');
    delete (card as { members?: unknown }).members;
    card = withWellKnownKeys(withNameParts(card));
    const kind = deriveKind(card);
    const { kind: _, '@type': _type, version, uid: _uid, ...body } = card;
    card = { '@type': 'Card', version, uid, ...(kind !== undefined && { kind }), ...body };
  }
  const photos = checkPhotos(card);
  card = photos.card;
  issues.push(...photos.issues);

  let customFields;
  try {
    customFields = readCustomFields(ctx.customFields, input[CUSTOM_FIELDS_MEMBER], ctx.existing?.data[CUSTOM_FIELDS_MEMBER]);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    issues.push(...err.issues);
  }
  const privateValue = input[PRIVATE_MEMBER];
  if (privateValue !== undefined && privateValue !== null && typeof privateValue !== 'boolean') issue(`/${PRIVATE_MEMBER}`, 'must be true or false');
  const isPrivate = privateValue === undefined ? ctx.existing?.data[PRIVATE_MEMBER] === true : privateValue === true;

  if (issues.length) {
    const first = issues[0]!;
    throw new ValidationError(`Error parsing JsContact Card attribute '${first.path.slice(1) || '(root)'}': ${first.message}`, issues, 'contact/invalid');
  }
  const data: ContactData = {
    ...card,
    ...(isPrivate && { [PRIVATE_MEMBER]: true as const }),
    ...(customFields && { [CUSTOM_FIELDS_MEMBER]: customFields }),
    [COLUMNS_MEMBER]: contactColumns(card, ctx.columns),
  };
  return {
    uid, name: ctx.existing?.name ?? davNameOf(bareUid(uid)), kind: group ? 'card-group' : 'card', data, timeRange: null,
  };
}
