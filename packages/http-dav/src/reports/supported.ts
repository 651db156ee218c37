import type { DavNode } from '../dav/nodes.js';
import type { ReportKind } from '../xml/requests/report.js';

const PRINCIPAL_REPORTS: readonly ReportKind[] = ['principal-property-search', 'principal-search-property-set', 'expand-property'];

/**
 * The REPORTs a node answers (its `DAV:supported-report-set`, RFC 3253 §3.1.5). Collection reports
 * depend on the app: sync-collection and multiget need only the generic layer; calendar-query,
 * addressbook-query and free-busy-query need the app's hooks.
 */
export function supportedReports(node: DavNode): ReportKind[] {
  switch (node.type) {
    case 'principals':
    case 'principal-list':
    case 'principal':
      return [...PRINCIPAL_REPORTS];
    case 'root':
    case 'home':
    case 'resource':
      return ['expand-property'];
    case 'collection': {
      const { app, view } = node;
      if (!app) return [];
      const kind = view.collections[0]?.kind ?? view.target?.kind;
      const out: ReportKind[] = [];
      if (app.dataProperty === 'calendar-data') {
        if (app.calendarQuery) out.push('calendar-query');
        out.push('calendar-multiget');
        if (app.freeBusy && kind === 'calendar') out.push('free-busy-query');
      } else {
        if (app.addressbookQuery) out.push('addressbook-query');
        out.push('addressbook-multiget');
      }
      // Behaviour §6.3: no sync-collection on the scheduling outbox.
      if (kind !== 'outbox') out.push('sync-collection');
      out.push('expand-property');
      return out;
    }
  }
}
