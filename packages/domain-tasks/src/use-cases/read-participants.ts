import type { Participant } from '@almanac/codec-jscalendar';
import type { PrincipalId, ValidationIssue } from '@almanac/domain-kernel';
import { isObject, pointerSegment, setMembers } from '../model/json.js';
import type { AccountSummary, TaskLookups } from '../ports/task-lookups.js';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

/** The Id a CC'd address gets in the canonical task (RFC 8984 §1.4.1 allows no `@` or `.`). */
export const ccParticipantId = (email: string): string => `cc-${email.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`.slice(0, 255);

function emailOf(p: Record<string, unknown>): string | undefined {
  if (typeof p.email === 'string' && p.email.trim()) return p.email.trim();
  const imip = isObject(p.sendTo) ? p.sendTo.imip : undefined;
  return typeof imip === 'string' && /^mailto:/i.test(imip) ? decodeURIComponent(imip.slice(7)) : undefined;
}

/** A participant object for an account, with the roles given. */
export function accountParticipant(account: AccountSummary, roles: Record<string, true>): Participant {
  return {
    '@type': 'Participant',
    name: account.name,
    ...(account.email && { email: account.email, sendTo: { imip: `mailto:${account.email}` } }),
    kind: account.kind,
    roles,
  };
}

/**
 * Reads `participants` into InfoLog's owner, responsible accounts and CC'd addresses (behaviour
 * §5.4): a participant is an account when its key is an account id (and its email, if any, is
 * that account's) or its email is a user's; other emails are CC'd. A participant whose only role
 * is `owner` is not made responsible; the owner is always the collection's owner. Returns the
 * canonical participants: the owner keyed by id with role `owner` (plus `attendee` when also
 * responsible), responsible users and groups keyed by id with role `attendee`, CC'd addresses
 * with role `informational`. Problems are added to `issues`.
 */
export async function readParticipants(
  input: unknown, ownerId: PrincipalId, lookups: TaskLookups, issues: ValidationIssue[],
): Promise<Record<string, Participant>> {
  const responsible = new Map<number, AccountSummary>();
  const cc = new Map<string, { email: string; name?: string }>();
  if (input !== undefined && !isObject(input)) {
    issues.push({ path: '/participants', message: 'must be an object of Participants' });
  } else {
    for (const [key, p] of Object.entries(input ?? {})) {
      const path = `/participants/${pointerSegment(key)}`;
      if (!isObject(p)) {
        issues.push({ path, message: 'must be a Participant object' });
        continue;
      }
      const roles = setMembers(p.roles);
      if (roles.length === 1 && roles[0] === 'owner') continue;
      const email = emailOf(p);
      let account = /^\d{1,10}$/.test(key) ? await lookups.accountById(Number(key)) : undefined;
      // A key that names an account whose address differs is not trusted: the email decides.
      if (account && email && account.email && account.email.toLowerCase() !== email.toLowerCase()) account = undefined;
      if (!account && email) account = await lookups.accountByEmail(email);
      if (account) responsible.set(account.id, account);
      else if (email && EMAIL.test(email)) cc.set(email.toLowerCase(), { email, ...(typeof p.name === 'string' && p.name && { name: p.name }) });
      else issues.push({ path, message: email ? `invalid email address '${email}'` : 'needs an account id or an email address' });
    }
  }

  const out: Record<string, Participant> = {};
  const owner = await lookups.accountById(ownerId);
  const ownerRoles: Record<string, true> = responsible.has(ownerId) ? { owner: true, attendee: true } : { owner: true };
  out[String(ownerId)] = owner ? accountParticipant(owner, ownerRoles) : { '@type': 'Participant', kind: 'individual', roles: ownerRoles };
  for (const [id, account] of responsible) if (id !== ownerId) out[String(id)] = accountParticipant(account, { attendee: true });
  for (const { email, name } of cc.values()) {
    out[ccParticipantId(email)] = {
      '@type': 'Participant', ...(name && { name }), email, sendTo: { imip: `mailto:${email}` }, kind: 'individual', roles: { informational: true },
    };
  }
  return out;
}

/** The accounts responsible for a task: participants keyed by id with the `attendee` role. */
export function responsibleIds(participants: Readonly<Record<string, Participant>> | undefined): PrincipalId[] {
  return Object.entries(participants ?? {})
    .filter(([key, p]) => /^\d+$/.test(key) && p.roles?.attendee === true)
    .map(([key]) => Number(key) as PrincipalId);
}
