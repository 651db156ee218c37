import type { Principal } from '@almanac/domain-kernel';
import { type DavCall, hrefOf } from '../dav/context.js';
import type { DavNode } from '../dav/nodes.js';
import { principalDisplayName, principalName, principalPath } from '../dav/paths.js';
import { startMultistatus } from '../methods/multistatus.js';
import { nodeResponse } from '../properties/propstats.js';
import { caldav, calendarserver, clark, dav, type QName } from '../xml/names.js';
import type { PrincipalPropertySearchReport } from '../xml/requests/principal-reports.js';
import { textMatches } from '../xml/requests/text-match.js';
import { serializeElement } from '../xml/serialize.js';
import { el } from '../xml/tree.js';
import { MULTISTATUS_CONTENT_TYPE } from '../xml/write/content-types.js';

/** The searchable properties (behaviour §6.4) and the texts each one matches against. */
const SEARCHABLE: readonly { name: QName; description: string; values: (call: DavCall, p: Principal) => string[] }[] = [
  { name: dav('displayname'), description: 'Display name', values: (_c, p) => [principalDisplayName(p), principalName(p)] },
  { name: calendarserver('email-address-set'), description: 'Email addresses', values: (_c, p) => (p.kind === 'user' && p.email ? [p.email] : []) },
  { name: calendarserver('first-name'), description: 'First name', values: (_c, p) => (p.kind === 'user' ? p.fullName.split(/\s+/).slice(0, 1) : []) },
  { name: calendarserver('last-name'), description: 'Last name', values: (_c, p) => (p.kind === 'user' ? p.fullName.split(/\s+/).slice(-1) : []) },
  { name: caldav('calendar-user-type'), description: 'Calendar user type', values: (_c, p) => [p.kind === 'user' ? 'INDIVIDUAL' : 'GROUP'] },
  {
    name: caldav('calendar-user-address-set'), description: 'Calendar user addresses',
    values: (c, p) => [...(p.kind === 'user' && p.email ? [`mailto:${p.email}`] : []), hrefOf(c, principalPath(p))],
  },
  { name: caldav('calendar-home-set'), description: 'Calendar home', values: (c, p) => [hrefOf(c, `/${principalName(p)}/`)] },
];
const BY_NAME = new Map(SEARCHABLE.map((s) => [clark(s.name), s]));

/** Which principals a search covers: by the node it was sent to and the CalendarServer `type`. */
function scopeOf(node: DavNode, report: PrincipalPropertySearchReport): { users: boolean; groups: boolean } {
  let users = true;
  let groups = true;
  if (node.type === 'principal-list' && !report.applyToPrincipalCollectionSet) {
    users = node.of === 'users';
    groups = node.of === 'groups';
  }
  if (report.type === 'INDIVIDUAL') groups = false;
  else if (report.type === 'GROUP') users = false;
  else if (report.type !== undefined) return { users: false, groups: false }; // ROOM, RESOURCE: none here
  return { users, groups };
}

/**
 * REPORT principal-property-search (RFC 3744 §9.4 with CalendarServer's `test`, `type` and
 * `match-type`, behaviour §6.4): the principals whose properties match, case-insensitively
 * (`contains` by default), every search (`allof`) or any (`anyof`). iOS uses it to find invitees.
 */
export async function principalPropertySearch(call: DavCall, node: DavNode, report: PrincipalPropertySearchReport): Promise<void> {
  const scope = scopeOf(node, report);
  const candidates: Principal[] = [
    ...(scope.users ? await call.deps.repos.users.list() : []),
    ...(scope.groups ? await call.deps.repos.groups.list() : []),
  ];
  const matchesSearch = (p: Principal, search: PrincipalPropertySearchReport['searches'][number]) =>
    search.props.some((name) => (BY_NAME.get(clark(name))?.values(call, p) ?? [])
      .some((value) => textMatches(value, { value: search.match, collation: 'i;unicode-casemap', matchType: search.matchType, negate: false })));
  const writer = startMultistatus(call);
  for (const p of candidates) {
    if (writer.closed) return;
    const results = report.searches.map((s) => matchesSearch(p, s));
    if (report.test === 'anyof' ? !results.some(Boolean) : !results.every(Boolean)) continue;
    await writer.write(await nodeResponse(call, { type: 'principal', principal: p, path: principalPath(p) }, report.select));
  }
  await writer.end();
}

/** REPORT principal-search-property-set (RFC 3744 §9.5): the properties principal-property-search matches on. */
export function principalSearchPropertySet(call: DavCall): void {
  const body = el(dav('principal-search-property-set'), SEARCHABLE.map((s) => el(dav('principal-search-property'),
    el(dav('prop'), el(s.name)), el(dav('description'), { '{http://www.w3.org/XML/1998/namespace}lang': 'en' }, s.description))));
  call.res.status(200).type(MULTISTATUS_CONTENT_TYPE).send(`<?xml version="1.0" encoding="utf-8"?>\n${serializeElement(body)}\n`);
}
