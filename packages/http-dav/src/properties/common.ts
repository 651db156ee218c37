import type { DavCall } from '../dav/context.js';
import { hrefOf } from '../dav/context.js';
import { principalPath, PRINCIPALS_PATH } from '../dav/paths.js';
import { dav, type QName } from '../xml/names.js';
import { hrefElement, privilegeSet, supportedReportSet } from '../xml/write/values.js';
import { REPORT_NAMES, type ReportKind } from '../xml/requests/report.js';
import type { LiveProperties } from './live.js';

/**
 * The properties every node has: RFC 5397 current-user-principal, RFC 3744 principal-collection-set,
 * current-user-privilege-set (not in allprop, RFC 3744 §5.4) and supported-report-set (RFC 3253).
 */
export function addCommon(props: LiveProperties, call: DavCall, privileges: () => readonly QName[] | Promise<readonly QName[]>, reports: readonly ReportKind[]): LiveProperties {
  return props
    .add(dav('current-user-principal'), () => hrefElement(hrefOf(call, principalPath(call.me))))
    .add(dav('principal-collection-set'), () => hrefElement(hrefOf(call, PRINCIPALS_PATH)))
    .add(dav('current-user-privilege-set'), async () => privilegeSet(await privileges()), { allprop: false })
    .add(dav('supported-report-set'), () => supportedReportSet(reports.map((r) => REPORT_NAMES[r])), { allprop: false });
}

/** `DAV:getcontenttype` of collections (behaviour §6.3). */
export const COLLECTION_CONTENT_TYPE = 'httpd/unix-directory';
