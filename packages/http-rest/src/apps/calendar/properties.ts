import { serverInfo } from '@almanac/domain-events';
import { type KernelRepositories, type StoredResource, userId } from '@almanac/domain-kernel';
import type { RestRenderContext } from '../../rest-app.js';
import { asEvent } from './rendering.js';

/** iCalendar basic UTC form, as CalendarServer writes `dtstamp` in these properties. */
const basicUtc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/**
 * The CalendarServer properties `created-by` and `updated-by` of an event (behaviour §6.3: first
 * and last name, a `mailto:` href, a dtstamp), for `props[]` listings. Undefined for other names,
 * for events without the information, and for callers who see the event blanked.
 */
export async function eventProperty(repos: Pick<KernelRepositories, 'users'>, name: string, r: StoredResource, ctx: RestRenderContext): Promise<unknown> {
  if (name !== 'created-by' && name !== 'updated-by') return undefined;
  if (ctx.may && !ctx.may('read', r)) return undefined;
  const info = serverInfo(asEvent(r).data);
  const id = name === 'created-by' ? info.createdBy : info.updatedBy;
  const user = id === undefined ? undefined : await repos.users.get(userId(id));
  if (!user) return undefined;
  const full = user.fullName.trim();
  const split = full.lastIndexOf(' ');
  return {
    'first-name': split > 0 ? full.slice(0, split) : '',
    'last-name': split > 0 ? full.slice(split + 1) : full || user.login,
    href: user.email ? `mailto:${user.email}` : `/principals/users/${user.login}/`,
    dtstamp: basicUtc(name === 'created-by' ? r.createdAt : r.updatedAt),
  };
}
