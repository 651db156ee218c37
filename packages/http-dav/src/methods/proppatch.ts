import { type DavCall, hrefOf } from '../dav/context.js';
import { SettingsPlan } from '../dav/collection-settings.js';
import { DavPreconditionError } from '../dav/errors.js';
import { mayOnCollection } from '../dav/locate.js';
import type { DavNode } from '../dav/nodes.js';
import { deadPropertyOwner } from '../properties/propstats.js';
import { dav } from '../xml/names.js';
import { readProppatch } from '../xml/requests/proppatch.js';
import type { Propstat } from '../xml/write/multistatus.js';
import { preconditions } from '../xml/write/preconditions.js';
import { xmlBody } from './body.js';
import { startMultistatus } from './multistatus.js';

/** Groups per-property statuses into propstats: one per failure (its own error), one per other status. */
export function propstatsOf(statuses: ReturnType<SettingsPlan['statuses']>): Propstat[] {
  const out: Propstat[] = [];
  const plain = new Map<number, Propstat & { props: { name: (typeof statuses)[number]['name'] }[] }>();
  for (const s of statuses) {
    if (s.error || s.message) {
      out.push({ status: s.status, props: [{ name: s.name }], ...(s.error && { error: s.error }), ...(s.message && { description: s.message }) });
      continue;
    }
    let group = plain.get(s.status);
    if (!group) plain.set(s.status, (group = { status: s.status, props: [] }));
    group.props.push({ name: s.name });
  }
  return [...plain.values(), ...out];
}

/**
 * PROPPATCH (RFC 4918 §9.2, behaviour §6.8) on a calendar, task list or address book: display
 * name, descriptions and color change the collection; calendar-order, time zones, default alarms
 * and any property in a foreign namespace are stored as sent. All or nothing: a protected (403)
 * or invalid (409) property fails the others with 424. Other nodes take no properties (403 each).
 */
export async function proppatch(call: DavCall, node: DavNode): Promise<void> {
  const updates = readProppatch(xmlBody(call));
  const collection = deadPropertyOwner(node);
  const href = hrefOf(call, node.path);
  const plan = new SettingsPlan('update');
  if (!collection) {
    for (const u of updates) plan.failures.push({ name: u.name, status: 403, error: preconditions.cannotModifyProtectedProperty(), message: 'only calendars and address books take properties' });
    for (const u of updates) if (!plan.names.some((n) => n.ns === u.name.ns && n.local === u.name.local)) plan.names.push(u.name);
  } else {
    const { view } = node as Extract<DavNode, { type: 'collection' }>;
    if (!mayOnCollection(call, collection, 'edit', view.grants)) {
      throw new DavPreconditionError(403, preconditions.needPrivileges([{ href, privilege: dav('write-properties') }]), `you may not change the properties of ${view.href}`);
    }
    for (const u of updates) {
      if (u.op === 'set') plan.set({ name: u.name, element: u.element });
      else plan.remove(u.name, collection);
    }
    if (plan.failures.length === 0) {
      if (Object.keys(plan.patch).length > 0) await call.deps.repos.collections.update(collection.id, plan.patch);
      const set = plan.deadSet;
      const remove = plan.deadRemove;
      if (set.length > 0 || remove.length > 0) await call.deps.deadProperties.apply(collection.id, { set, remove });
    }
  }
  const writer = startMultistatus(call);
  await writer.write({ href, propstats: propstatsOf(plan.statuses()) });
  await writer.end();
}
