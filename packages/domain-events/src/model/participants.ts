import type { Participant } from '@almanac/codec-jscalendar';
import { type PrincipalId, principalId } from '@almanac/domain-kernel';
import type { EventData } from './event.js';

/**
 * Participants of this server are keyed by account, as the reference keys them (behaviour §5.3):
 * a user by its id (`"5"`), a group by its id with a minus sign (`"-3"`). Both are valid RFC 8984
 * Ids, so the keys are the same in both profiles. Other participants keep the client's key when it
 * is a valid Id, else get one made from their email address (see {@link externalKey}).
 */
export interface AccountRef {
  readonly id: PrincipalId;
  readonly kind: 'user' | 'group';
}

/** The key of an account participant. @example accountKey({ id: 3, kind: 'group' }) // '-3' */
export const accountKey = (a: AccountRef): string => (a.kind === 'group' ? `-${a.id}` : String(a.id));

/** The account a key names, or undefined for any other key. @example parseAccountKey('-3') // { id: 3, kind: 'group' } */
export function parseAccountKey(key: string): AccountRef | undefined {
  const m = /^(-?)([1-9]\d{0,14})$/.exec(key);
  if (!m) return undefined;
  return { id: principalId(Number(m[2])), kind: m[1] ? 'group' : 'user' };
}

/** RFC 8984 §1.4.1 Id: 1-255 characters of `A-Za-z0-9-_`. */
export const isValidId = (key: string) => /^[A-Za-z0-9_-]{1,255}$/.test(key);

/**
 * A key for a participant without an account, made from its email so that the same person keeps
 * the same key across writes: `e-` and the address with every other character than `a-z0-9` as `-`.
 * `taken` keys get a numeric suffix.
 */
export function externalKey(email: string, taken: ReadonlySet<string>): string {
  const base = `e-${email.trim().toLowerCase().replace(/[^a-z0-9]/g, '-')}`.slice(0, 240);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The participants map, without entries that are not objects. */
export function participantsOf(event: Pick<EventData, 'participants'>): Record<string, Participant> {
  const map = event.participants;
  if (!isObject(map)) return {};
  return Object.fromEntries(Object.entries(map).filter(([, p]) => isObject(p))) as Record<string, Participant>;
}

export const hasRole = (p: Participant, role: string) => isObject(p.roles) && p.roles[role] === true;

/**
 * The key of the organizer: the participant with the `owner` role (RFC 8984 §4.4.6; it becomes
 * the iCalendar ORGANIZER), or undefined when there is none.
 */
export function organizerKeyOf(event: Pick<EventData, 'participants'>): string | undefined {
  return Object.entries(participantsOf(event)).find(([, p]) => hasRole(p, 'owner'))?.[0];
}

/** The account participants of an event with their keys, in key order of the event. */
export function accountParticipants(event: Pick<EventData, 'participants'>): (AccountRef & { key: string; participant: Participant })[] {
  const out: (AccountRef & { key: string; participant: Participant })[] = [];
  for (const [key, participant] of Object.entries(participantsOf(event))) {
    const ref = parseAccountKey(key);
    if (ref) out.push({ ...ref, key, participant });
  }
  return out;
}

/** The accounts taking part, for the access policy (participants may read their events, behaviour §4.3). */
export const participantIdsOf = (event: Pick<EventData, 'participants'>): PrincipalId[] => accountParticipants(event).map((a) => a.id);

/** RFC 8984 §4.4.6 participationStatus, `needs-action` when absent. */
export const statusOf = (p: Participant | undefined): string =>
  (typeof p?.participationStatus === 'string' && p.participationStatus) || 'needs-action';

/**
 * The key a participant has in the `egroupware` profile (behaviour §5.3): accounts and contacts
 * (`c<id>`) as stored, everyone else as `e<email>` (or `e<name> <email>`), as the reference keys
 * external participants.
 */
export function egroupwareKey(key: string, p: Participant): string {
  if (parseAccountKey(key) || /^c\d+$/.test(key) || typeof p.email !== 'string' || p.email === '') return key;
  return `e${p.email}`;
}

/**
 * What an `egroupware` profile key says about a participant without an account: the email and
 * name in `e<email>` / `e<Name> <email>`; undefined for other keys.
 */
export function readEgroupwareKey(key: string): { email: string; name?: string } | undefined {
  if (!key.startsWith('e') || !key.includes('@')) return undefined;
  const body = key.slice(1).trim();
  const named = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(body);
  if (named) return named[1] ? { email: named[2]!, name: named[1] } : { email: named[2]! };
  return /^[^\s@]+@[^\s@]+$/.test(body) ? { email: body } : undefined;
}
