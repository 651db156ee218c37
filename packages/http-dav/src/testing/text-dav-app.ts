import {
  type App, type CollectionKind, type ResourceDraft, type ResourceKind, type StoredResource, ValidationError,
} from '@almanac/domain-kernel';
import type { DavApp } from '../dav/dav-app.js';
import { DavPreconditionError } from '../dav/errors.js';
import type { CompFilter } from '../xml/requests/calendar-query.js';
import { textMatches } from '../xml/requests/text-match.js';
import { preconditions } from '../xml/write/preconditions.js';

/** What the text app stores as a resource's canonical JSON: the text itself and its summary. */
export interface TextData {
  readonly text: string;
  readonly summary: string;
}

const KINDS: Record<Exclude<App, 'timesheet'>, readonly CollectionKind[]> = {
  calendar: ['calendar', 'inbox', 'outbox'], infolog: ['tasks'], addressbook: ['addressbook'],
};
const RESOURCE_KIND: Record<Exclude<App, 'timesheet'>, ResourceKind> = { calendar: 'event', infolog: 'task', addressbook: 'card' };

const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, '');
/** The value of the first content line called `name` (parameters skipped), unfolded. */
export function propertyOf(text: string, name: string): string | undefined {
  const m = new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'mi').exec(unfold(text));
  return m?.[1]?.trim();
}

const componentOf = (kind: CollectionKind) => (kind === 'tasks' ? 'VTODO' : 'VEVENT');

/** Whether a text satisfies a comp-filter, reading only component names and summaries (enough to test the layer). */
function compMatches(text: string, filter: CompFilter): boolean {
  const present = new RegExp(`^BEGIN:${filter.name}\\s*$`, 'mi').test(text);
  if (filter.isNotDefined) return !present;
  if (!present) return false;
  for (const prop of filter.propFilters) {
    const value = propertyOf(text, prop.name);
    if (prop.isNotDefined ? value !== undefined : value === undefined) return false;
    if (prop.textMatch && value !== undefined && !textMatches(value, prop.textMatch)) return false;
  }
  return filter.compFilters.every((child) => compMatches(text, child));
}

/**
 * A test-only DavApp that stores any iCalendar or vCard text as it comes (canonical JSON: the text
 * and its SUMMARY/FN), so the generic DAV layer can be tested before the real apps exist. A
 * resource whose JSON has no `text` (written by other means) cannot be rendered: it stands for a
 * malformed resource. Its query hooks understand component names and text matches on properties.
 *
 * @example createDavRouter({ …, apps: { calendar: textDavApp('calendar'), addressbook: textDavApp('addressbook') } })
 */
export function textDavApp(app: Exclude<App, 'timesheet'>): DavApp {
  const calendar = app !== 'addressbook';
  const data = (r: StoredResource) => r.data as Partial<TextData> | null;
  return {
    app,
    kinds: KINDS[app],
    dataProperty: calendar ? 'calendar-data' : 'address-data',
    mediaTypes: calendar ? [{ contentType: 'text/calendar', version: '2.0' }] : [{ contentType: 'text/vcard', version: '3.0' }, { contentType: 'text/vcard', version: '4.0' }],
    components: (c) => [componentOf(c.kind)],
    etag: (r) => `${r.id}:${r.revision}`,
    contentType: (r) => (calendar ? `text/calendar; charset=utf-8; component=${r.kind === 'task' ? 'VTODO' : 'VEVENT'}` : 'text/vcard; charset=utf-8'),
    displayName: (r) => data(r)?.summary ?? r.uid,
    facts: (r) => ({ isPrivate: (r.data as { private?: boolean } | null)?.private === true }),
    toText(r) {
      if (r.rawText !== null) return r.rawText;
      const text = data(r)?.text;
      if (typeof text !== 'string') throw new Error(`resource ${r.id} has no text to render`);
      return text;
    },
    async fromText(text, ctx): Promise<ResourceDraft> {
      const root = calendar ? 'VCALENDAR' : 'VCARD';
      if (!new RegExp(`^BEGIN:${root}\\s*$`, 'mi').test(text)) throw new ValidationError(`not a ${root}`, [{ path: '', message: `BEGIN:${root} missing` }]);
      if (calendar) {
        const wanted = componentOf(ctx.collection.kind);
        if (!new RegExp(`^BEGIN:${wanted}\\s*$`, 'mi').test(text)) {
          throw new DavPreconditionError(403, preconditions.caldav.supportedCalendarComponent(), `this collection takes ${wanted}`);
        }
      }
      const uid = propertyOf(text, 'UID');
      if (!uid) throw new ValidationError('UID missing', [{ path: '/uid', message: 'required' }]);
      const summary = propertyOf(text, calendar ? 'SUMMARY' : 'FN') ?? '';
      return { uid, name: ctx.name, kind: calendar && ctx.collection.kind === 'tasks' ? 'task' : RESOURCE_KIND[app], data: { text, summary } satisfies TextData };
    },
    calendarQuery: (r, report) => compMatches(String(r.rawText ?? data(r)?.text ?? ''), report.filter),
    addressbookQuery(r, report) {
      const text = String(r.rawText ?? data(r)?.text ?? '');
      const results = report.filter.propFilters.map((f) => {
        const value = propertyOf(text, f.name);
        if (f.isNotDefined) return value === undefined;
        if (value === undefined) return false;
        const tests = f.textMatches.map((m) => textMatches(value, m));
        return tests.length === 0 || (f.test === 'allof' ? tests.every(Boolean) : tests.some(Boolean));
      });
      return report.filter.test === 'allof' ? results.every(Boolean) : results.some(Boolean);
    },
  };
}
