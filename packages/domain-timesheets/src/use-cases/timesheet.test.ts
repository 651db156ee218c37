import { describe, expect, it } from '@jest/globals';
import { collectionId, type CustomFieldDefinition, resourceId, type StoredResource, ValidationError } from '@almanac/domain-kernel';
import type { TimesheetData } from '../model/timesheet.js';
import { readTimesheetInput, type TimesheetInputContext } from './read-timesheet-input.js';
import { renderTimesheet } from './render-timesheet.js';

const select: CustomFieldDefinition = { app: 'timesheet', name: 'auswahl', type: 'select', label: 'Auswählen', values: { 3: 'Three', 2: 'Two', 1: 'One' }, multiple: false };
const accounts: Record<string, number> = { 'ralf@example.org': 5, ralf: 5, '5': 5, 'birgit@example.org': 7 };
const ctx: TimesheetInputContext = {
  mode: 'create', statuses: ['open', 'genehmigt'], customFields: [select], actorId: 5,
  resolveAccount: async (ref) => accounts[ref],
};
const read = (input: unknown, over: Partial<TimesheetInputContext> = {}) => readTimesheetInput(input, { ...ctx, ...over });
const issuesOf = async (input: unknown) => {
  const err = await read(input).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).issues;
};

describe('readTimesheetInput', () => {
  it('reads the seed’s POST: ISO duration to minutes, quantity defaulting to hours', async () => {
    const d = await read({ '@type': 'timesheet', title: 'W', start: '2024-02-06T10:00:00Z', duration: 'PT1H30M' });
    expect(d).toEqual({ '@type': 'timesheet', title: 'W', start: '2024-02-06T10:00:00Z', duration: 90, quantity: 1.5, modifier: 5 });
  });

  it('accepts minutes as numbers or strings, offsets and basic ISO dates, converting to UTC', async () => {
    const d = await read({ title: 'x', start: '20240206T110000+0100', duration: '60', paused: 'PT15M', quantity: '2', unitprice: 50 });
    expect(d).toMatchObject({ start: '2024-02-06T10:00:00Z', duration: 60, paused: 15, quantity: 2, unitprice: 50 });
    expect((await read({ title: 'x', start: '2024-02-06T10:00', duration: 1 })).start).toBe('2024-02-06T10:00:00Z');
  });

  it('requires title, start and duration, naming each by pointer', async () => {
    expect((await issuesOf({})).map((i) => i.path)).toEqual(['/title', '/start', '/duration']);
    expect((await issuesOf({ title: 'x', start: '2024-02-30T10:00:00Z', duration: 'an hour' })).map((i) => i.path)).toEqual(['/start', '/duration']);
  });

  it('takes one category and a known status label only', async () => {
    expect((await read({ title: 'x', start: '2024-02-06T10:00:00Z', duration: 1, category: { other: true }, status: 'genehmigt' })))
      .toMatchObject({ category: 'other', status: 'genehmigt' });
    const issues = await issuesOf({ title: 'x', start: '2024-02-06T10:00:00Z', duration: 1, category: { a: true, b: true }, status: 'bogus' });
    expect(issues).toEqual([
      { path: '/category', message: 'only one category is allowed' },
      { path: '/status', message: 'unknown status; allowed: open, genehmigt' },
    ]);
  });

  it('resolves readable accounts by email, login or id and refuses unknown ones', async () => {
    expect((await read({ title: 'x', start: '2024-02-06T10:00:00Z', duration: 1, readable: { 'birgit@example.org': true, ralf: true } })).readable).toEqual([7, 5]);
    expect(await issuesOf({ title: 'x', start: '2024-02-06T10:00:00Z', duration: 1, readable: { nobody: true } }))
      .toEqual([{ path: '/readable', message: "unknown account 'nobody'" }]);
  });

  it('checks custom fields against their definitions and keeps unknown members', async () => {
    const d = await read({ title: 'x', start: '2024-02-06T10:00:00Z', duration: 1, 'egroupware.org:customfields': { auswahl: '3' }, 'example.com:x': { y: 1 } });
    expect(d['egroupware.org:customfields']).toEqual({ auswahl: ['3'] });
    expect(d['example.com:x']).toEqual({ y: 1 });
    expect(await issuesOf({ title: 'x', start: '2024-02-06T10:00:00Z', duration: 1, 'egroupware.org:customfields': { nope: 1 } }))
      .toEqual([{ path: '/egroupware.org:customfields/nope', message: "unknown custom field 'nope'" }]);
  });

  it('ignores read-only members', async () => {
    const d = await read({ id: 9, etag: 'x', owner: 'someone', modified: 'x', title: 'x', start: '2024-02-06T10:00:00Z', duration: 1 });
    expect(Object.keys(d).sort()).toEqual(['@type', 'duration', 'modifier', 'quantity', 'start', 'title']);
  });
});

describe('renderTimesheet', () => {
  const stored = (data: TimesheetData): StoredResource<TimesheetData> => ({
    id: resourceId(140), collectionId: collectionId(1), uid: 'u', name: 'u', kind: 'timesheet', data, rawText: null,
    timeRange: null, timeZone: 'UTC', revision: 3, changeNumber: 9,
    createdAt: new Date('2016-08-22T12:12:00Z'), updatedAt: new Date('2016-08-22T13:13:22.123Z'),
  });

  it('renders the seed’s shape in its member order, with the etag in the body', async () => {
    const data = await read({ title: 'Test Ralf aus PM', start: '2016-08-22T12:12:00Z', duration: 60, 'egroupware.org:customfields': { auswahl: ['3'] } });
    const out = renderTimesheet(stored(data), { ownerId: 5, customFields: [select], accountLabel: (id) => (id === 5 ? 'ralf@boulder.egroupware.org' : id) });
    expect(out).toEqual({
      '@type': 'timesheet', id: 140, title: 'Test Ralf aus PM', start: '2016-08-22T12:12:00Z', duration: 60, quantity: 1,
      owner: 'ralf@boulder.egroupware.org', created: '2016-08-22T12:12:00Z', modified: '2016-08-22T13:13:22Z',
      modifier: 'ralf@boulder.egroupware.org',
      'egroupware.org:customfields': { auswahl: { value: ['3'], type: 'select', label: 'Auswählen', values: { 3: 'Three', 2: 'Two', 1: 'One' } } },
      etag: '140:3',
    });
    expect(Object.keys(out)).toEqual(['@type', 'id', 'title', 'start', 'duration', 'quantity', 'owner', 'created', 'modified', 'modifier', 'egroupware.org:customfields', 'etag']);
  });

  it('reads its own output back to the same data (a GET body can be PUT)', async () => {
    const data = await read({ title: 'x', start: '2024-02-06T10:00:00Z', duration: 95, category: { c: true }, status: 'open', 'egroupware.org:customfields': { auswahl: '2' }, 'x:y': true });
    const out = renderTimesheet(stored(data), { ownerId: 5, customFields: [select], accountLabel: () => 'ralf@example.org' });
    expect(await read(out)).toEqual(data);
  });
});
