import type { KernelRepositories, StoredResource } from '@almanac/domain-kernel';
import {
  readTimesheetInput, renderTimesheet, type TimesheetData, timesheetDraft, timesheetEtag, timesheetInputSchema, timesheetSchema,
  type TimesheetStatusRepository,
} from '@almanac/domain-timesheets';
import { validateAgainst } from '../schema-validation.js';
import type { RestApp } from '../rest-app.js';
import { AccountLabels } from './account-labels.js';

const asTimesheet = (r: StoredResource) => r as StoredResource<TimesheetData>;

/** Timesheets over REST: their own JSON (behaviour §5.5), `data` as the listing property. */
export function timesheetRestApp(deps: { repos: KernelRepositories; statuses: TimesheetStatusRepository }): RestApp {
  const { repos } = deps;
  return {
    app: 'timesheet',
    dataProperty: 'data',
    flatPost: false,
    // Behaviour §3.2: timesheet filters name JSON attributes (the reference maps them to ts_<attr>).
    filterColumns: {
      title: ['title'], description: ['description'], project: ['project'], category: ['category'], status: ['status'],
      pricelist: ['pricelist'], quantity: ['quantity'], unitprice: ['unitprice'], duration: ['duration'],
    },
    segment: (r) => String(r.id),
    etag: timesheetEtag,
    contentType: () => 'application/json',
    displayName: (r) => asTimesheet(r).data.title,
    facts: (r) => ({ readerIds: asTimesheet(r).data.readable as never }),
    async renderer(ctx) {
      const customFields = await repos.customFields.list('timesheet');
      const labels = new AccountLabels(repos.users);
      return async (r) => {
        const t = asTimesheet(r);
        const ownerId = ctx.collectionOf(r).ownerId;
        await labels.load([ownerId, t.data.modifier, ...(t.data.readable ?? [])]);
        return renderTimesheet(t, { ownerId, customFields, accountLabel: labels.label });
      };
    },
    schemas: { input: timesheetInputSchema, resource: timesheetSchema, mediaType: 'application/json' },
    async read(body, ctx) {
      validateAgainst(timesheetInputSchema, body, 'JsTimesheet');
      const data = await readTimesheetInput(body, {
        mode: ctx.existing ? 'replace' : 'create',
        previous: ctx.existing && asTimesheet(ctx.existing).data,
        statuses: await deps.statuses.list(),
        customFields: await repos.customFields.list('timesheet'),
        resolveAccount: (ref) => AccountLabels.resolve(repos.users, ref),
        actorId: ctx.me.id,
      });
      return timesheetDraft(data, ctx.existing?.uid ?? ctx.segment ?? globalThis.crypto.randomUUID());
    },
  };
}
