import type { Collection, CollectionKind } from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import { type DavCall, hrefOf } from '../dav/context.js';
import type { CollectionNode } from '../dav/nodes.js';
import { principalPath } from '../dav/paths.js';
import { principalById } from '../dav/principal-lookup.js';
import { supportedPrivilegeSet, viewPrivileges } from '../dav/privileges.js';
import { currentSyncToken } from '../dav/sync.js';
import { supportedReports } from '../reports/supported.js';
import {
  appleIcal, caldav, calendarserver, carddav, dav, GROUPDAV_NS, type QName,
} from '../xml/names.js';
import {
  creationDate, hrefElement, resourceType, supportedAddressData, supportedCalendarData, supportedComponentSet,
} from '../xml/write/values.js';
import { addCommon, COLLECTION_CONTENT_TYPE } from './common.js';
import { LiveProperties } from './live.js';

const groupdav = (local: string): QName => ({ ns: GROUPDAV_NS, local });

/** Resource types per kind (behaviour §6.3), GroupDAV types included for the clients that look for them. */
const TYPES: Record<CollectionKind, readonly QName[]> = {
  calendar: [dav('collection'), caldav('calendar'), groupdav('vevent-collection')],
  tasks: [dav('collection'), caldav('calendar'), groupdav('vtodo-collection')],
  addressbook: [dav('collection'), carddav('addressbook'), groupdav('vcard-collection')],
  inbox: [dav('collection'), caldav('schedule-inbox')],
  outbox: [dav('collection'), caldav('schedule-outbox')],
  timesheet: [dav('collection')],
};

/** Components per kind when the app does not say (RFC 4791 §5.2.3, behaviour §6.3). */
const COMPONENTS: Partial<Record<CollectionKind, readonly string[]>> = {
  calendar: ['VEVENT'], tasks: ['VTODO'], inbox: ['VEVENT', 'VTODO'], outbox: ['VEVENT', 'VFREEBUSY'],
};

const UNION_NAMES: Record<string, string> = { addressbook: 'All addressbooks', infolog: 'All tasks' };

const isCalendar = (kind: CollectionKind) => kind === 'calendar' || kind === 'tasks' || kind === 'inbox' || kind === 'outbox';

/** The kind of a view's collections. */
export const kindOfView = (view: CollectionView): CollectionKind => (view.collections[0] ?? view.target)?.kind ?? 'addressbook';

/**
 * A calendar, task list or address book (RFC 4791 §5.2, RFC 6352 §6.2, RFC 6578 §4, behaviour
 * §6.3): types, descriptions, components, data types, ctag and sync token from the change number,
 * privileges from the grants. Settings Almanac does not model (calendar-order, time zones, default
 * alarms) are stored as dead properties and come back from there.
 */
export function collectionProperties(call: DavCall, node: CollectionNode): LiveProperties {
  const { view, app } = node;
  const kind = kindOfView(view);
  const single: Collection | undefined = view.union ? undefined : view.target;
  const types = [...TYPES[kind]];
  if (view.union && kind === 'addressbook') types.push(carddav('directory'));
  if (single && single.ownerId !== call.me.id) types.push(calendarserver('shared'));
  const displayName = single ? single.displayName : UNION_NAMES[view.app] ?? view.app;
  const description = single?.description || displayName;
  const props = new LiveProperties()
    .add(dav('resourcetype'), () => resourceType(...types))
    .add(dav('displayname'), () => displayName)
    .add(dav('getcontenttype'), () => COLLECTION_CONTENT_TYPE)
    .add(calendarserver('getctag'), () => currentSyncToken(call, view))
    .add(dav('sync-token'), () => currentSyncToken(call, view), { allprop: false })
    .add(dav('supported-privilege-set'), () => supportedPrivilegeSet(isCalendar(kind)), { allprop: false });
  if (single) {
    props
      .add(dav('owner'), async () => {
        const owner = await principalById(call, single.ownerId);
        return owner ? hrefElement(hrefOf(call, principalPath(owner))) : undefined;
      })
      .add(dav('creationdate'), () => creationDate(single.createdAt));
  }
  if (isCalendar(kind)) {
    props
      .add(caldav('calendar-description'), () => description)
      .add(caldav('supported-calendar-component-set'), () =>
        supportedComponentSet((single && app?.components?.(single)) ?? COMPONENTS[kind] ?? ['VEVENT']))
      .add(caldav('supported-calendar-data'), () => supportedCalendarData(app?.mediaTypes));
    if (single?.color) props.add(appleIcal('calendar-color'), () => single.color);
  }
  if (kind === 'addressbook') {
    props
      .add(carddav('addressbook-description'), () => description)
      .add(carddav('supported-address-data'), () => supportedAddressData(app?.mediaTypes));
  }
  return addCommon(props, call, () => viewPrivileges(call, view), supportedReports(node));
}
