import { type DavCall, hrefOf } from '../dav/context.js';
import type { ResourceNode } from '../dav/nodes.js';
import { principalPath } from '../dav/paths.js';
import { principalById } from '../dav/principal-lookup.js';
import { renderContextOf } from '../dav/locate.js';
import { resourcePrivileges } from '../dav/privileges.js';
import { supportedReports } from '../reports/supported.js';
import type { AddressDataRequest } from '../xml/requests/address-data.js';
import type { CalendarDataRequest } from '../xml/requests/calendar-data.js';
import { caldav, carddav, dav } from '../xml/names.js';
import { creationDate, hrefElement, httpDate } from '../xml/write/values.js';
import { addCommon } from './common.js';
import { LiveProperties, once } from './live.js';

/** How a REPORT asked for the data property (`calendar-data` / `address-data` with its options). */
export type DataRequest = CalendarDataRequest | AddressDataRequest;

/** The text of a resource as a data property asks for it: partial through the app, else whole. */
export async function resourceText(call: DavCall, node: ResourceNode, request?: DataRequest): Promise<string> {
  const ctx = renderContextOf(call, node.view);
  const partial = request && ('allProps' in request ? !request.allProps
    : Boolean(request.comp || request.expand || request.limitRecurrenceSet || request.limitFreebusySet));
  if (request && partial && node.app.partialText) return node.app.partialText(node.resource, request, ctx);
  return node.app.toText(node.resource, { ctx, ...(request && { version: request.version }) });
}

/**
 * An event, task or card (behaviour §6.3 "Entry props"): ETag, type, length and dates from the
 * app; `calendar-data` / `address-data` only when asked for (RFC 4791 §9.6: not in allprop).
 */
export function resourceProperties(call: DavCall, node: ResourceNode, data?: DataRequest): LiveProperties {
  const { app, resource: r } = node;
  const text = once(() => resourceText(call, node, data));
  const whole = data ? once(() => resourceText(call, node)) : text;
  const props = new LiveProperties()
    .add(dav('resourcetype'), () => '')
    .add(dav('getetag'), () => `"${app.etag(r)}"`)
    .add(dav('getcontenttype'), () => app.contentType(r))
    .add(dav('getcontentlength'), async () => Buffer.byteLength(await whole(), 'utf8'))
    .add(dav('getlastmodified'), () => httpDate(r.updatedAt))
    .add(dav('creationdate'), () => creationDate(r.createdAt))
    .add(dav('displayname'), () => app.displayName(r))
    .add(dav('owner'), async () => {
      const owner = await principalById(call, node.collection.ownerId);
      return owner ? hrefElement(hrefOf(call, principalPath(owner))) : undefined;
    })
    .add(app.dataProperty === 'calendar-data' ? caldav('calendar-data') : carddav('address-data'), text, { allprop: false });
  if (app.scheduleTag) props.add(caldav('schedule-tag'), () => `"${app.scheduleTag!(r)}"`, { allprop: false });
  return addCommon(props, call, () => resourcePrivileges(call, node.view, app, r), supportedReports(node));
}
