import type { Participant } from '@almanac/codec-jscalendar';
import type { EventData } from '@almanac/domain-events';
import type { KernelRepositories } from '@almanac/domain-kernel';

const PRINCIPAL = /\/principals\/(users|groups)\/([^/?#]+)\/?$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The address a client gave a participant: RFC 8984 `sendTo.imip`, else JSCalendar 2.0 `calendarAddress`. */
function addressOf(p: Record<string, unknown>): string | undefined {
  const imip = isObject(p.sendTo) ? p.sendTo.imip : undefined;
  if (typeof imip === 'string') return imip;
  return typeof p.calendarAddress === 'string' ? p.calendarAddress : undefined;
}

/**
 * RFC 6638 §2.4.1: clients may address a calendar user by any URI of its
 * `calendar-user-address-set`, which here holds the principal URL beside `mailto:`. Participants
 * addressed so are given their account's email (where the domain resolves participants), or,
 * for an account without one, its key (`"5"`, a group `"-3"`); keys that overrides refer to stay.
 */
export async function withPrincipalAddresses(event: EventData, repos: Pick<KernelRepositories, 'users' | 'groups'>): Promise<EventData> {
  if (!isObject(event.participants)) return event;
  const overrides = JSON.stringify(event.recurrenceOverrides ?? {});
  const out: Record<string, Participant> = {};
  let changed = false;
  for (const [key, raw] of Object.entries(event.participants as Record<string, unknown>)) {
    const p = raw as Participant & Record<string, unknown>;
    const address = isObject(raw) ? addressOf(p) : undefined;
    const match = address && !/^mailto:/i.test(address) ? PRINCIPAL.exec(address) : null;
    if (!match) {
      out[key] = p;
      continue;
    }
    const name = decodeURIComponent(match[2]!);
    const account = match[1] === 'users' ? await repos.users.getByLogin(name) : await repos.groups.getByName(name);
    const accountKey = account && (match[1] === 'users' ? String(account.id) : `-${account.id}`);
    const email = account && 'email' in account ? account.email : null;
    if (email) {
      out[key] = { ...p, sendTo: { ...(isObject(p.sendTo) ? p.sendTo : {}), imip: `mailto:${email}` } };
      changed = true;
    } else if (accountKey && !out[accountKey] && !overrides.includes(`"participants/${key}`)) {
      const { name: _n, email: _e, ...rest } = p;
      out[accountKey] = { ...rest, kind: match[1] === 'users' ? 'individual' : 'group' };
      changed = true;
    } else out[key] = p;
  }
  return changed ? { ...event, participants: out } : event;
}
