import { HttpError } from '@almanac/http-kit';
import type { DavCall } from '../dav/context.js';
import type { DavNode } from '../dav/nodes.js';
import { checkDataRequest } from '../reports/data-request.js';
import { expandProperty } from '../reports/expand-property.js';
import { multiget } from '../reports/multiget.js';
import { principalPropertySearch, principalSearchPropertySet } from '../reports/principal-search.js';
import { freeBusyQuery, query } from '../reports/queries.js';
import { supportedReports } from '../reports/supported.js';
import { syncCollection } from '../reports/sync-collection.js';
import { readReport, unsupportedReport, REPORT_NAMES } from '../xml/requests/report.js';
import { xmlBody } from './body.js';

/**
 * REPORT (RFC 3253 §3.6): reads the body against the node's supported-report-set (anything else
 * is 403 `DAV:supported-report`) and hands it to the report's module.
 */
export async function report(call: DavCall, node: DavNode): Promise<void> {
  const supported = supportedReports(node);
  const body = readReport(xmlBody(call), { supported });
  switch (body.kind) {
    case 'sync-collection':
      if (node.type !== 'collection') throw unsupportedReport(REPORT_NAMES[body.kind]);
      checkDataRequest(node.app, body.calendarData ?? body.addressData);
      return syncCollection(call, node, body);
    case 'calendar-multiget':
    case 'addressbook-multiget':
      if (node.type !== 'collection') throw unsupportedReport(REPORT_NAMES[body.kind]);
      checkDataRequest(node.app, body.calendarData ?? body.addressData);
      return multiget(call, node, body);
    case 'calendar-query':
    case 'addressbook-query':
      if (node.type !== 'collection') throw unsupportedReport(REPORT_NAMES[body.kind]);
      checkDataRequest(node.app, body.kind === 'calendar-query' ? body.calendarData : body.addressData);
      return query(call, node, body);
    case 'free-busy-query':
      if (node.type !== 'collection') throw unsupportedReport(REPORT_NAMES[body.kind]);
      return freeBusyQuery(call, node, body);
    case 'principal-property-search':
      return principalPropertySearch(call, node, body);
    case 'principal-search-property-set':
      return principalSearchPropertySet(call);
    case 'expand-property':
      return expandProperty(call, node, body);
    case 'principal-match':
    case 'acl-principal-prop-set':
      // Not in any supported-report-set, so readReport refused them already.
      throw new HttpError(501, `the ${body.kind} report is not implemented`);
  }
}
