import { describe, expect, it } from '@jest/globals';
import { collectionId, type CustomFieldDefinition, principalId, resourceId, type StoredResource } from '@almanac/domain-kernel';
import type { TaskData } from '../model/task.js';
import { TASK_LOOKUPS_FIXTURE } from '../testing/task-lookups-contract.js';
import { prepareTaskBody } from './prepare-task-body.js';
import { egroupwareTaskShape, renderTask, type RenderTaskContext } from './render-task.js';
import { taskDraft, taskEtag, taskFacts, taskTimeRange } from './task-draft.js';

const select: CustomFieldDefinition = { app: 'infolog', name: 'contact', type: 'select', label: 'Kontakt', values: { Internet: 'Internet' }, multiple: false };
const ctx: RenderTaskContext = {
  ownerId: 5, customFields: [select], prodId: 'Almanac InfoLog',
  account: (id) => TASK_LOOKUPS_FIXTURE.accounts.find((a) => a.id === id),
};
const stored = (data: Partial<TaskData>, revision = 1): StoredResource<TaskData> => ({
  id: resourceId(1192), collectionId: collectionId(1), uid: 'u', name: 'u.ics', kind: 'task', rawText: null, timeRange: null, timeZone: null,
  revision, changeNumber: 3, createdAt: new Date('2024-05-06T14:25:14.250Z'), updatedAt: new Date('2024-05-06T14:26:00Z'),
  data: { '@type': 'Task', uid: '3933d565-187f-4bad-a44e-82588ef64c88', 'egroupware.org:type': 'task', 'egroupware.org:status': 'not-started', ...data } as TaskData,
});

describe('renderTask', () => {
  it('adds the server’s members, current account names, custom fields, and omits empty values, in the reference’s order', () => {
    const out = renderTask(stored({
      title: 'T', sequence: 0, percentComplete: 0, progress: 'needs-action', priority: 9, privacy: 'public',
      participants: { 5: { '@type': 'Participant', name: 'Old Name', kind: 'individual', roles: { owner: true } } },
      'egroupware.org:customfields': { contact: ['Internet'] }, 'example.com:kept': 1,
    }), ctx);
    expect(out).toEqual({
      '@type': 'Task', prodId: 'Almanac InfoLog', uid: '3933d565-187f-4bad-a44e-82588ef64c88', created: '2024-05-06T14:25:14Z', updated: '2024-05-06T14:26:00Z',
      title: 'T', participants: { 5: { '@type': 'Participant', name: 'Ralf Becker', email: 'ralf@example.org', sendTo: { imip: 'mailto:ralf@example.org' }, kind: 'individual', roles: { owner: true } } },
      progress: 'needs-action', priority: 9, privacy: 'public', 'egroupware.org:type': 'task', 'egroupware.org:status': 'not-started',
      'egroupware.org:customfields': { contact: { value: ['Internet'], type: 'select', label: 'Kontakt', values: { Internet: 'Internet' } } },
      'example.com:kept': 1,
    });
    expect(Object.keys(out).slice(0, 6)).toEqual(['@type', 'prodId', 'uid', 'created', 'updated', 'title']);
  });

  it('adds the owner when the stored task has no owner participant (written over DAV)', () => {
    expect(renderTask(stored({}), ctx).participants).toEqual({ 5: expect.objectContaining({ name: 'Ralf Becker', roles: { owner: true } }) });
  });

  it('shapes UIDs and CC keys for the egroupware profile', () => {
    const shaped = egroupwareTaskShape({
      uid: '3933d565-187f-4bad-a44e-82588ef64c88',
      relatedTo: { '56f7094e-e962-904d-b74a-cf139f9eecb0': { relation: 'parent' }, 'addressbook:1': { relation: 'egroupware.org-primary' } },
      participants: { 5: { roles: { owner: true } }, 'cc-jane-example-com': { email: 'jane@example.com', roles: { informational: true } } },
    });
    expect(shaped).toEqual({
      uid: 'urn:uuid:3933d565-187f-4bad-a44e-82588ef64c88',
      relatedTo: { '56f7094e-e962-904d-b74a-cf139f9eecb0': { relation: 'parent' }, 'addressbook:1': { relation: 'egroupware.org-primary' } },
      participants: { 5: { roles: { owner: true } }, 'jane@example.com': { email: 'jane@example.com', roles: { informational: true } } },
    });
  });
});

describe('task storage', () => {
  it('has the ETag <id>:<sequence>:<revision> (DECISIONS.md)', () => {
    expect(taskEtag(stored({ sequence: 2 }, 3))).toBe('1192:2:3');
    expect(taskEtag(stored({}, 1))).toBe('1192:0:1');
  });

  it('covers start to due in the task’s zone; a start or due alone is a point; neither is unbounded', () => {
    expect(taskTimeRange({ start: '2024-05-10T10:00:00', due: '2024-06-01T00:00:00', timeZone: 'Europe/Berlin' }))
      .toEqual({ start: new Date('2024-05-10T08:00:00Z'), end: new Date('2024-05-31T22:00:00Z') });
    expect(taskTimeRange({ due: '2024-06-01T00:00:00' })).toEqual({ start: new Date('2024-06-01T00:00:00Z'), end: new Date('2024-06-01T00:00:00Z') });
    expect(taskTimeRange({})).toBeNull();
  });

  it('makes a draft named <uid>.ics of kind task', () => {
    const data = stored({ start: '2024-05-10T10:00:00', timeZone: 'Europe/Berlin' }).data;
    expect(taskDraft(data)).toMatchObject({ uid: data.uid, name: `${data.uid}.ics`, kind: 'task', timeZone: 'Europe/Berlin', timeRange: { start: new Date('2024-05-10T08:00:00Z') } });
  });

  it('tells the access policy about privacy and responsible accounts', () => {
    expect(taskFacts(stored({ privacy: 'private', participants: {
      5: { roles: { owner: true } }, 44: { roles: { attendee: true } }, 7: { roles: { attendee: true } }, 'cc-x': { roles: { informational: true } },
    } }).data)).toEqual({ isPrivate: true, participantIds: [7, 44].map(principalId) });
  });
});

describe('prepareTaskBody', () => {
  it('drops read-only members and nulls, reporting top-level nulls as cleared under both profiles’ names', () => {
    const { body, cleared } = prepareTaskBody({
      '@type': 'Task', prodId: 'x', created: 'x', updated: 'x', sequence: '2', status: 'confirmed', 'egroupware.org:pricelist': 3,
      title: 'T', categories: null, relatedTo: { a: null }, participants: { 5: null },
    });
    expect(body).toEqual({ '@type': 'Task', title: 'T', relatedTo: {}, participants: {} });
    expect([...cleared].sort()).toEqual(['categories', 'keywords']);
  });

  it('reads flat primary links, bare relation strings, and gives participants Ids', () => {
    const { body } = prepareTaskBody({
      relatedTo: { 'egroupware.org-primary:addressbook:email': 'jane@example.com', 'egroupware.org-primary:timesheet': '5', 'parent-uid-000001': 'parent' },
      participants: [{ email: 'a@example.com' }, 'b@example.com'],
    });
    expect(body).toEqual({
      relatedTo: {
        'addressbook:jane@example.com:email': { '@type': 'Relation', relation: { 'egroupware.org-primary': true } },
        'timesheet:5': { '@type': 'Relation', relation: { 'egroupware.org-primary': true } },
        'parent-uid-000001': { '@type': 'Relation', relation: { parent: true } },
      },
      participants: { p1: { email: 'a@example.com' }, p2: { email: 'b@example.com' } },
    });
    expect(prepareTaskBody({ participants: { 'jane@example.com': { email: 'jane@example.com' }, 5: {} } }).body)
      .toEqual({ participants: { p2: { email: 'jane@example.com' }, 5: {} } });
  });
});
