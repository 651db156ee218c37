import { invalidBody } from '../errors.js';
import { dav } from '../names.js';
import { childNamed, type XmlElement } from '../tree.js';
import { expectRoot, readNresults, trimmedText } from './common.js';
import { readReportProps, type ReportProps } from './report-props.js';

/** A `sync-collection` REPORT (RFC 6578 §3.2, §6.1). Send it with `Depth: 0` (§3.3; else 400). */
export interface SyncCollectionReport extends ReportProps {
  readonly kind: 'sync-collection';
  /** The token from the last sync, `''` for an initial sync (empty `<D:sync-token/>`). */
  readonly syncToken: string;
  /** `1` (members only) or `infinite`; a missing element (pre-RFC drafts) is read as `1`. */
  readonly syncLevel: '1' | 'infinite';
  /** `DAV:limit/DAV:nresults` (§3.6): page size asked by the client (DAVx5 sends it). */
  readonly limit?: number;
}

/**
 * Reads a `sync-collection` body. `prop` is required by the RFC but tolerated missing (an empty
 * selection: hrefs and statuses only).
 * @throws XmlError `unexpected-root`, `invalid-body` (no sync-token, bad sync-level or limit).
 * @example readSyncCollection(parseDavBody(body)).syncToken // '' on the first sync
 */
export function readSyncCollection(root: XmlElement | undefined): SyncCollectionReport {
  const report = expectRoot(root, dav('sync-collection'));
  const token = childNamed(report, dav('sync-token'));
  if (token === undefined) throw invalidBody('<sync-collection> needs a <sync-token> (empty for the initial sync)');
  const levelElement = childNamed(report, dav('sync-level'));
  const level = levelElement === undefined ? '1' : trimmedText(levelElement).toLowerCase();
  if (level !== '1' && level !== 'infinite' && level !== 'infinity') throw invalidBody('<sync-level> must be 1 or infinite');
  const limit = readNresults(childNamed(report, dav('limit')), dav('nresults'));
  return {
    kind: 'sync-collection',
    ...readReportProps(report, { kind: 'prop', props: [] }),
    syncToken: trimmedText(token),
    syncLevel: level === '1' ? '1' : 'infinite',
    ...(limit !== undefined && { limit }),
  };
}
