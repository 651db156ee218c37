import type { Participant, PatchObject } from '@almanac/codec-jscalendar';
import {
  type Actor, type GroupRepository, type PrincipalId, groupId, type UserRepository, userId, ValidationError, type ValidationIssue,
} from '@almanac/domain-kernel';
import type { EventData } from '../model/event.js';
import {
  type AccountRef, accountKey, externalKey, hasRole, isValidId, parseAccountKey, participantsOf, readEgroupwareKey,
} from '../model/participants.js';

/** What resolving participants needs to know. */
export interface ParticipantContext {
  readonly users: Pick<UserRepository, 'get' | 'getByEmail'>;
  readonly groups: Pick<GroupRepository, 'get' | 'getByName'>;
  /** The owner of the collection written to. */
  readonly owner: AccountRef;
  /** Who writes: the default status of a participant who is the writer is `accepted`. */
  readonly actor: Actor;
  /** The stored event a replace starts from: its statuses are kept where the input has none. */
  readonly previous?: EventData;
}

/** An account as a participant shows it: name, email and kind are the account's (behaviour §5.3). */
export interface AccountCard {
  readonly ref: AccountRef;
  readonly name: string;
  readonly email?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
const pointer = (key: string) => `/participants/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** The email of a participant: `email`, else an `imip` `mailto:` in `sendTo` (RFC 8984 §4.4.6). */
function emailOf(p: Participant, key: string): string | undefined {
  if (typeof p.email === 'string' && p.email.includes('@')) return p.email.trim();
  const imip = isObject(p.sendTo) ? p.sendTo.imip : undefined;
  if (typeof imip === 'string' && /^mailto:/i.test(imip)) return decodeURIComponent(imip.slice(7)).trim();
  return readEgroupwareKey(key)?.email;
}

/** Looks up an account as a participant shows it. */
export async function accountCard(ctx: Pick<ParticipantContext, 'users' | 'groups'>, ref: AccountRef): Promise<AccountCard | undefined> {
  if (ref.kind === 'user') {
    const u = await ctx.users.get(userId(ref.id));
    return u && { ref, name: u.fullName || u.login, ...(u.email && { email: u.email }) };
  }
  const g = await ctx.groups.get(groupId(ref.id));
  return g && { ref, name: g.name };
}

/**
 * The participant object of an account: the input's members with the account's name, email and
 * kind, and its address as the `imip` method of `sendTo` (RFC 8984 §4.4.6, where scheduling
 * messages go; the egroupware profile leaves it out when it only repeats the email).
 */
export function accountParticipant(card: AccountCard, input: Participant = {}): Participant {
  const { name: _n, email: _e, kind: _k, '@type': _t, sendTo, ...rest } = input;
  const methods = { ...(isObject(sendTo) ? sendTo : {}), ...(card.email && { imip: `mailto:${card.email}` }) };
  return {
    '@type': 'Participant', name: card.name, ...(card.email && { email: card.email }),
    kind: card.ref.kind === 'group' ? 'group' : 'individual', ...(Object.keys(methods).length && { sendTo: methods }), ...rest,
  };
}

/**
 * Resolves the participants of an incoming event to this server's accounts (behaviour §5.3): an
 * account key (`"5"`, `"-3"`) is kept when the account exists and its kind and (when given) email
 * or name match; otherwise a group is found by name, a user by email, and anyone else stays an
 * external participant keyed by a valid Id. Name, email and kind of accounts come from the
 * account. Missing roles default to `chair` for the collection owner and `attendee` for others;
 * a missing status is the stored one, else `accepted` for the writer and `needs-action` for others.
 * References between participants (`invitedBy`, `delegatedTo`, `memberOf`, override paths) follow
 * the new keys. `null` participants are skipped.
 *
 * @throws ValidationError pointing at each participant that names no account and has no email
 */
export async function resolveParticipants(event: EventData, ctx: ParticipantContext): Promise<EventData> {
  if (event.participants === undefined || event.participants === null) return event;
  if (!isObject(event.participants)) {
    throw new ValidationError("Error parsing JsCalendar Event attribute 'participants': must be an object", [{ path: '/participants', message: 'must be an object' }], 'event/invalid-participants');
  }
  const issues: ValidationIssue[] = [];
  const out: Record<string, Participant> = {};
  const renamed = new Map<string, string>();
  const previous = ctx.previous ? participantsOf(ctx.previous) : {};
  const ownerKey = accountKey(ctx.owner);

  for (const [key, raw] of Object.entries(event.participants)) {
    if (raw === null || raw === undefined) continue;
    if (!isObject(raw)) {
      issues.push({ path: pointer(key), message: 'must be a Participant object' });
      continue;
    }
    const p = raw as Participant;
    const resolved = await resolveOne(key, p, ctx);
    if (!resolved) {
      issues.push({ path: `${pointer(key)}/email`, message: 'a participant needs an account id or an email address' });
      continue;
    }
    const newKey = resolved.key ?? externalKey(resolved.email!, new Set([...Object.keys(out), ...Object.keys(event.participants)]));
    renamed.set(key, newKey);
    // The same account or address given twice: the first entry wins.
    if (out[newKey]) continue;
    const entry: Record<string, unknown> = { ...resolved.participant };
    if (!isObject(entry.roles) || Object.keys(entry.roles).length === 0) entry.roles = newKey === ownerKey ? { chair: true } : { attendee: true };
    if (typeof entry.participationStatus !== 'string' || entry.participationStatus === '') {
      const before = previous[newKey]?.participationStatus;
      entry.participationStatus = typeof before === 'string' && before ? before : newKey === String(ctx.actor.userId) ? 'accepted' : 'needs-action';
    }
    out[newKey] = entry as Participant;
  }
  if (issues.length) {
    throw new ValidationError(`Error parsing JsCalendar Event attribute 'participants': ${issues[0]!.message}`, issues, 'event/invalid-participant');
  }
  return rekeyReferences({ ...event, participants: out }, renamed);
}

interface Resolved {
  /** Undefined for an external participant whose key must be made from `email`. */
  readonly key: string | undefined;
  readonly email?: string;
  readonly participant: Participant;
}

async function resolveOne(key: string, p: Participant, ctx: ParticipantContext): Promise<Resolved | undefined> {
  const email = emailOf(p, key);
  const name = typeof p.name === 'string' && p.name ? p.name : readEgroupwareKey(key)?.name;
  const ref = parseAccountKey(key);
  if (ref) {
    const card = await accountCard(ctx, ref);
    const kindOk = p.kind === undefined || (ref.kind === 'group' ? p.kind === 'group' : p.kind === 'individual');
    const identityOk = (email === undefined && name === undefined) || same(email, card?.email) || same(name, card?.name);
    if (card && kindOk && identityOk) return { key, participant: accountParticipant(card, p) };
  }
  if (p.kind === 'group' && (name ?? email)) {
    const g = await ctx.groups.getByName((name ?? email!.split('@')[0]!).trim().toLowerCase());
    if (g) return { key: accountKey({ id: g.id, kind: 'group' }), participant: accountParticipant({ ref: { id: g.id, kind: 'group' }, name: g.name }, p) };
  }
  if (!email) return undefined;
  const user = await ctx.users.getByEmail(email);
  if (user) {
    const card: AccountCard = { ref: { id: user.id as PrincipalId, kind: 'user' }, name: user.fullName || user.login, ...(user.email && { email: user.email }) };
    return { key: accountKey(card.ref), participant: accountParticipant(card, p) };
  }
  const keep = isValidId(key) && !parseAccountKey(key);
  const { '@type': _t, ...rest } = p;
  return {
    key: keep ? key : undefined, email,
    participant: { '@type': 'Participant', ...rest, ...(name && { name }), email, kind: typeof p.kind === 'string' ? p.kind : 'individual' },
  };
}

const mapKeys = (set: unknown, renamed: ReadonlyMap<string, string>) =>
  isObject(set) ? Object.fromEntries(Object.entries(set).map(([k, v]) => [renamed.get(k) ?? k, v])) : set;

/** Points participant references and override paths at the new keys. */
function rekeyReferences(event: EventData, renamed: ReadonlyMap<string, string>): EventData {
  if (![...renamed].some(([a, b]) => a !== b)) return event;
  const participants = Object.fromEntries(Object.entries(participantsOf(event)).map(([k, p]) => {
    const q: Record<string, unknown> = { ...p };
    if (typeof p.invitedBy === 'string') q.invitedBy = renamed.get(p.invitedBy) ?? p.invitedBy;
    for (const member of ['delegatedTo', 'delegatedFrom', 'memberOf'] as const) if (p[member] !== undefined) q[member] = mapKeys(p[member], renamed);
    return [k, q as Participant];
  }));
  const out: EventData = { ...event, participants };
  if (isObject(event.recurrenceOverrides)) {
    out.recurrenceOverrides = Object.fromEntries(Object.entries(event.recurrenceOverrides).map(([rid, patch]) => [rid, isObject(patch) ? rekeyPatch(patch, renamed) : patch]));
  }
  return out;
}

function rekeyPatch(patch: PatchObject, renamed: ReadonlyMap<string, string>): PatchObject {
  const out: PatchObject = {};
  for (const [path, value] of Object.entries(patch)) {
    const m = /^(\/?participants\/)([^/]+)(.*)$/.exec(path);
    if (m) out[`${m[1]}${renamed.get(m[2]!) ?? m[2]}${m[3]}`] = value;
    else if (path.replace(/^\//, '') === 'participants' && isObject(value)) out[path] = mapKeys(value, renamed);
    else out[path] = value;
  }
  return out;
}


