import { type GroupId, groupId, type Principal, userId } from '@almanac/domain-kernel';
import { type DavCall, hrefOf } from '../dav/context.js';
import { principalById } from '../dav/principal-lookup.js';
import { homePath, principalDisplayName, principalPath } from '../dav/paths.js';
import { READ_ONLY_PRIVILEGES } from '../dav/privileges.js';
import { supportedReports } from '../reports/supported.js';
import { caldav, calendarserver, carddav, dav } from '../xml/names.js';
import { el } from '../xml/tree.js';
import { hrefElement, hrefList, resourceType } from '../xml/write/values.js';
import { addCommon } from './common.js';
import { LiveProperties } from './live.js';

/** The `mailto:` and path addresses of a principal (RFC 6638 §2.4.1 calendar-user-address-set). */
export function calendarUserAddresses(call: DavCall, p: Principal): string[] {
  const out: string[] = [];
  if (p.kind === 'user' && p.email) out.push(`mailto:${p.email}`);
  out.push(hrefOf(call, principalPath(p)));
  return out;
}

/** The members of a group (group-member-set) or the groups of a user (group-membership), as principals. */
export async function relatedPrincipals(call: DavCall, p: Principal): Promise<Principal[]> {
  const { groups } = call.deps.repos;
  const ids = p.kind === 'user' ? await groups.groupsOf(userId(p.id)) : await groups.members(groupId(p.id) as GroupId);
  const out: Principal[] = [];
  for (const id of ids) {
    const found = await principalById(call, id);
    if (found) out.push(found);
  }
  return out;
}

/**
 * A user or group principal (RFC 3744 §4, behaviour §6.3): home sets (RFC 4791 §6.2.1, RFC 6352
 * §7.1.1), scheduling URLs and addresses (RFC 6638 §2), memberships, CalendarServer extras.
 */
export function principalProperties(call: DavCall, p: Principal): LiveProperties {
  const user = p.kind === 'user';
  const home = () => hrefElement(hrefOf(call, homePath(p)));
  const hrefs = async () => hrefList((await relatedPrincipals(call, p)).map((r) => hrefOf(call, principalPath(r))));
  const props = new LiveProperties()
    .add(dav('resourcetype'), () => resourceType(dav('principal')))
    .add(dav('displayname'), () => principalDisplayName(p))
    .add(dav('principal-URL'), () => hrefElement(hrefOf(call, principalPath(p))))
    .add(dav('alternate-URI-set'), () => (user && p.email ? hrefElement(`mailto:${p.email}`) : ''))
    .add(dav('group-membership'), () => (user ? hrefs() : ''))
    .add(dav('group-member-set'), () => (user ? undefined : hrefs()))
    .add(caldav('calendar-home-set'), home)
    .add(carddav('addressbook-home-set'), home)
    .add(caldav('calendar-user-address-set'), () => hrefList(calendarUserAddresses(call, p)))
    .add(caldav('calendar-user-type'), () => (user ? 'INDIVIDUAL' : 'GROUP'))
    .add(calendarserver('email-address-set'), () => (user && p.email ? el(calendarserver('email-address'), p.email) : ''))
    .add(calendarserver('record-type'), () => (user ? 'users' : 'groups'))
    // Almanac has no calendar delegation yet: iOS asks for these with expand-property; empty sets tell it so.
    .add(calendarserver('calendar-proxy-read-for'), () => '', { allprop: false })
    .add(calendarserver('calendar-proxy-write-for'), () => '', { allprop: false });
  if (user) {
    props
      .add(caldav('schedule-inbox-URL'), () => hrefElement(hrefOf(call, `${homePath(p)}inbox/`)))
      .add(caldav('schedule-outbox-URL'), () => hrefElement(hrefOf(call, `${homePath(p)}outbox/`)));
  }
  return addCommon(props, call, () => READ_ONLY_PRIVILEGES, supportedReports({ type: 'principal', principal: p, path: principalPath(p) }));
}
