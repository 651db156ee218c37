import { type CustomFieldDefinition, CUSTOM_FIELDS_MEMBER, renderCustomFields, type StoredResource } from '@almanac/domain-kernel';
import { formatUtc } from '../model/instants.js';
import { KNOWN_MEMBERS, type TimesheetData } from '../model/timesheet.js';

export interface RenderTimesheetContext {
  /** How accounts are shown: email, else login, else numeric id (behaviour §5.5). */
  readonly accountLabel: (id: number) => string | number;
  readonly ownerId: number;
  readonly customFields: readonly CustomFieldDefinition[];
}

/** The ETag value of a timesheet, without quotes: `<id>:<revision>` (DECISIONS.md "ETags"). */
export const timesheetEtag = (r: Pick<StoredResource, 'id' | 'revision'>) => `${r.id}:${r.revision}`;

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== 0;

/** The JSON of behaviour §5.5, in the reference's member order; empty and zero values omitted. */
export function renderTimesheet(r: StoredResource<TimesheetData>, ctx: RenderTimesheetContext): Record<string, unknown> {
  const d = r.data;
  const out: Record<string, unknown> = { '@type': 'timesheet', id: r.id, title: d.title };
  for (const member of ['description', 'start', 'duration', 'paused', 'quantity', 'unitprice', 'project', 'pricelist'] as const) {
    if (present(d[member])) out[member] = d[member];
  }
  if (d.category) out.category = { [d.category]: true };
  out.owner = ctx.accountLabel(ctx.ownerId);
  out.created = formatUtc(r.createdAt);
  out.modified = formatUtc(r.updatedAt);
  if (d.modifier !== undefined) out.modifier = ctx.accountLabel(d.modifier);
  if (d.status) out.status = d.status;
  if (d.readable?.length) out.readable = Object.fromEntries(d.readable.map((id) => [String(ctx.accountLabel(id)), true]));
  const cf = renderCustomFields(ctx.customFields, d[CUSTOM_FIELDS_MEMBER]);
  if (cf) out[CUSTOM_FIELDS_MEMBER] = cf;
  for (const [key, value] of Object.entries(d)) {
    if (!KNOWN_MEMBERS.has(key) && key !== '@type' && key !== 'modifier' && !(key in out)) out[key] = value;
  }
  out.etag = timesheetEtag(r);
  return out;
}

/** What listings show as `displayname`. */
export const timesheetTitle = (d: TimesheetData) => d.title;
