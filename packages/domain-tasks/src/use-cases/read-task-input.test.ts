import { describe, expect, it } from '@jest/globals';
import { type CustomFieldDefinition, principalId, ValidationError } from '@almanac/domain-kernel';
import type { TaskData } from '../model/task.js';
import { InMemoryTaskLookups } from '../testing/in-memory-task-lookups.js';
import { TASK_LOOKUPS_FIXTURE } from '../testing/task-lookups-contract.js';
import { prepareTaskBody } from './prepare-task-body.js';
import { readTaskInput, type TaskInputContext } from './read-task-input.js';

const select: CustomFieldDefinition = { app: 'infolog', name: 'contact', type: 'select', label: 'Kontakt', values: { Internet: 'Internet', Presse: 'Presse' }, multiple: false };
const ctx: TaskInputContext = {
  mode: 'create', ownerId: principalId(5), customFields: [select], lookups: new InMemoryTaskLookups(TASK_LOOKUPS_FIXTURE),
  generateUid: () => 'generated-uid-0001',
};
const read = (input: unknown, over: Partial<TaskInputContext> = {}) => readTaskInput(input, { ...ctx, ...over });
const issuesOf = async (input: unknown, over: Partial<TaskInputContext> = {}) => {
  const err = await read(input, over).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).issues;
};
const owner = { '@type': 'Participant', name: 'Ralf Becker', email: 'ralf@example.org', sendTo: { imip: 'mailto:ralf@example.org' }, kind: 'individual', roles: { owner: true } };

describe('readTaskInput: check 14 of behaviour §8 and the rules of §5.4', () => {
  it('reads check 14’s task: progress in-progress is status ongoing, the owner is a participant', async () => {
    const t = await read({
      '@type': 'Task', title: 'Task', start: '2024-05-10T10:00:00', timeZone: 'Europe/Berlin', due: '2024-06-01T00:00:00',
      progress: 'in-progress', percentComplete: 10, 'egroupware.org:type': 'task',
    });
    expect(t).toEqual({
      '@type': 'Task', uid: 'generated-uid-0001', timeZone: 'Europe/Berlin', start: '2024-05-10T10:00:00', due: '2024-06-01T00:00:00',
      title: 'Task', percentComplete: 10, priority: 5, privacy: 'public', 'egroupware.org:type': 'task', 'egroupware.org:status': 'ongoing',
      progress: 'in-process', participants: { 5: owner }, replyTo: { imip: 'mailto:ralf@example.org' }, sequence: 0,
    });
  });

  it('stores an unknown progress as not-started and refuses an unknown type, listing the allowed ones', async () => {
    expect((await read({ title: 'x', progress: 'egroupware.org:bogus' }))['egroupware.org:status']).toBe('not-started');
    expect(await issuesOf({ title: 'x', 'egroupware.org:type': 'nope' }))
      .toEqual([{ path: '/egroupware.org:type', message: 'invalid InfoLog type "nope"; allowed: task, phone, note, email' }]);
  });

  it('validates egroupware.org:status per type, and starts each type with its default', async () => {
    expect((await read({ 'egroupware.org:type': 'phone', 'egroupware.org:status': 'billed' }))).toMatchObject({ 'egroupware.org:status': 'billed', progress: 'egroupware.org:billed' });
    expect(await issuesOf({ 'egroupware.org:type': 'note', 'egroupware.org:status': 'offer' }))
      .toEqual([{ path: '/egroupware.org:status', message: 'invalid status "offer" for type \'note\'; allowed: ongoing, done' }]);
    expect((await read({ 'egroupware.org:type': 'note' }))['egroupware.org:status']).toBe('done');
    expect((await read({}))['egroupware.org:status']).toBe('not-started');
  });

  it('checks percentComplete, priority, privacy and the single category', async () => {
    const issues = await issuesOf({ percentComplete: 10.5, priority: 12, privacy: 'confidential', keywords: { a: true, b: true } });
    expect(issues.map((i) => i.path)).toEqual(['/percentComplete', '/priority', '/privacy', '/keywords']);
    expect(await issuesOf({ percentComplete: 101 })).toEqual([{ path: '/percentComplete', message: 'must be an integer from 0 to 100' }]);
    expect(await read({ priority: 8, privacy: 'private', keywords: { Work: true } })).toMatchObject({ priority: 9, privacy: 'private', keywords: { Work: true } });
  });

  it('refuses unknown time zones and malformed date-times', async () => {
    expect((await issuesOf({ timeZone: 'Mars/Base', start: '2024-05-10 10:00', 'egroupware.org:completed': 'yesterday' })).map((i) => i.path))
      .toEqual(['/timeZone', '/start', '/egroupware.org:completed']);
  });

  it('shows a task starting at midnight without time unless told otherwise', async () => {
    expect((await read({ start: '2020-08-08T00:00:00' })).showWithoutTime).toBe(true);
    expect((await read({ start: '2020-08-08T00:00:00', showWithoutTime: false })).showWithoutTime).toBeUndefined();
    expect((await read({ start: '2020-08-08T10:00:00' })).showWithoutTime).toBeUndefined();
  });

  it('derives replyTo from the owner, whatever the input says', async () => {
    expect((await read({ replyTo: { imip: 'mailto:someone@example.com' } })).replyTo).toEqual({ imip: 'mailto:ralf@example.org' });
    expect((await read({}, { ownerId: principalId(7) })).replyTo).toBeUndefined();
  });

  it('keeps time spent, planned time, price and unknown members; ignores read-only ones', async () => {
    const t = await read({ duration: 'PT1H', estimatedDuration: 'PT2H', 'egroupware.org:price': '12.5', 'example.com:x': { y: 1 }, locations: { 1: { '@type': 'Location', name: 'Office' } } });
    expect(t).toMatchObject({ duration: 'PT1H', estimatedDuration: 'PT2H', 'egroupware.org:price': 12.5, 'example.com:x': { y: 1 }, locations: { 1: { name: 'Office' } } });
    expect(await issuesOf({ duration: '1 hour' })).toEqual([{ path: '/duration', message: 'must be an RFC 8984 duration such as PT1H30M' }]);
  });
});

describe('readTaskInput: UIDs', () => {
  it('generates a UID for a missing or short one in relaxed mode, strips urn:uuid:, and takes the URL’s on PUT', async () => {
    expect((await read({ uid: 'short' })).uid).toBe('generated-uid-0001');
    expect((await read({ uid: 'urn:uuid:3933d565-187f-4bad-a44e-82588ef64c88' })).uid).toBe('3933d565-187f-4bad-a44e-82588ef64c88');
    expect((await read({}, { uidFromUrl: 'my-own-id-000001' })).uid).toBe('my-own-id-000001');
  });

  it('requires a UID of 12 characters under the strict media type', async () => {
    expect(await issuesOf({ title: 'x' }, { strict: true })).toEqual([{ path: '/uid', message: 'required under the strict media type, at least 12 characters' }]);
  });

  it('keeps the stored UID when a write omits it and refuses a different one', async () => {
    const previous = await read({ uid: 'task-uid-00000001', title: 'a' });
    expect((await read({ title: 'b' }, { mode: 'replace', previous })).uid).toBe('task-uid-00000001');
    expect(await issuesOf({ uid: 'other-uid-0000001' }, { mode: 'replace', previous })).toEqual([{ path: '/uid', message: 'must not change the UID of an existing task' }]);
  });
});

describe('readTaskInput: participants', () => {
  it('makes accounts found by id or email responsible and other emails CC, never the owner-only participant', async () => {
    const t = await read({
      participants: {
        5: { roles: { owner: true } },
        44: { email: 'birgit@example.org', roles: { attendee: true } },
        p2: { email: 'RALF@example.org' },
        7: { kind: 'group' },
        p4: { name: 'Jane', email: 'jane@example.com', roles: { informational: true } },
      },
    });
    expect(t.participants).toEqual({
      5: { ...owner, roles: { owner: true, attendee: true } },
      44: { '@type': 'Participant', name: 'Birgit Becker', email: 'birgit@example.org', sendTo: { imip: 'mailto:birgit@example.org' }, kind: 'individual', roles: { attendee: true } },
      7: { '@type': 'Participant', name: 'sales', kind: 'group', roles: { attendee: true } },
      'cc-jane-example-com': { '@type': 'Participant', name: 'Jane', email: 'jane@example.com', sendTo: { imip: 'mailto:jane@example.com' }, kind: 'individual', roles: { informational: true } },
    });
  });

  it('trusts the email over a key naming another account, and refuses participants without a way to reach them', async () => {
    const t = await read({ participants: { 44: { email: 'jane@example.com' } } });
    expect(Object.keys(t.participants!)).toEqual(['5', 'cc-jane-example-com']);
    expect(await issuesOf({ participants: { x1: { name: 'Nobody' }, x2: { email: 'not an address' } } })).toEqual([
      { path: '/participants/x1', message: 'needs an account id or an email address' },
      { path: '/participants/x2', message: "invalid email address 'not an address'" },
    ]);
  });
});

describe('readTaskInput: relatedTo', () => {
  const rel = (relation: string) => ({ '@type': 'Relation', relation: { [relation]: true } });

  it('takes an existing readable parent and refuses missing, hidden, self and descendant parents', async () => {
    expect((await read({ relatedTo: { 'task-parent-0000001': rel('parent') } })).relatedTo).toEqual({ 'task-parent-0000001': rel('parent') });
    for (const uid of ['no-such-task-000000', 'task-hidden-0000003']) {
      expect(await issuesOf({ relatedTo: { [uid]: rel('parent') } })).toEqual([{ path: `/relatedTo/${uid}`, message: `there is no task with UID '${uid}'` }]);
    }
    expect(await issuesOf({ uid: 'task-parent-0000001', relatedTo: { 'task-parent-0000001': rel('parent') } }))
      .toEqual([{ path: '/relatedTo/task-parent-0000001', message: 'a task cannot be its own parent' }]);
    expect(await issuesOf({ uid: 'task-parent-0000001', relatedTo: { 'task-child-00000002': rel('parent') } }))
      .toEqual([{ path: '/relatedTo/task-child-00000002', message: 'the parent is a descendant of this task' }]);
  });

  it('resolves primary links by id, by a contact’s email or custom field, and the flat form', async () => {
    expect((await read({ relatedTo: { 'addressbook:1': rel('egroupware.org-primary') } })).relatedTo).toEqual({ 'addressbook:1': rel('egroupware.org-primary') });
    expect((await read({ relatedTo: { 'addressbook:jane@example.com:email': rel('egroupware.org-primary') } })).relatedTo).toEqual({ 'addressbook:1': rel('egroupware.org-primary') });
    const flat = prepareTaskBody({ relatedTo: { 'egroupware.org-primary:addressbook:egroupware.org:customfields': { customer: 'C-1' } } }).body;
    expect((await read(flat)).relatedTo).toEqual({ 'addressbook:1': rel('egroupware.org-primary') });
    expect((await issuesOf({ relatedTo: { 'addressbook:twin@example.com:email': rel('egroupware.org-primary') } }))[0]!.message).toMatch(/2 contacts match/);
    expect((await issuesOf({ relatedTo: { 'nonsense': rel('egroupware.org-primary') } }))[0]!.path).toBe('/relatedTo/nonsense');
  });

  it('keeps other relations as given', async () => {
    expect((await read({ relatedTo: { 'some-other-uid-1': rel('next') } })).relatedTo).toEqual({ 'some-other-uid-1': rel('next') });
  });
});

describe('readTaskInput: PUT merges, PATCH replaces (behaviour §3.5)', () => {
  const stored = async (): Promise<TaskData> => read({
    uid: 'task-uid-00000001', title: 'Stored', description: 'keep me', start: '2024-05-10T00:00:00', keywords: { Work: true },
    'egroupware.org:customfields': { contact: 'Internet' }, relatedTo: { 'task-parent-0000001': { '@type': 'Relation', relation: { parent: true } } },
  });

  it('keeps omitted members on a merge, except those cleared with null', async () => {
    const previous = await stored();
    const { body, cleared } = prepareTaskBody({ title: 'New', description: null, relatedTo: null });
    const t = await read(body, { mode: 'merge', previous, cleared });
    expect(t).toMatchObject({ title: 'New', keywords: { Work: true }, start: '2024-05-10T00:00:00', showWithoutTime: true, 'egroupware.org:customfields': { contact: ['Internet'] }, sequence: 1 });
    expect(t.description).toBeUndefined();
    expect(t.relatedTo).toBeUndefined();
  });

  it('judges showWithoutTime afresh when a merge brings a new start', async () => {
    const t = await read({ start: '2024-05-11T09:00:00' }, { mode: 'merge', previous: await stored() });
    expect(t.showWithoutTime).toBeUndefined();
  });

  it('drops what a replace leaves out, and counts the sequence up', async () => {
    const previous = await stored();
    const t = await read({ title: 'Only' }, { mode: 'replace', previous });
    expect(t.description).toBeUndefined();
    expect(t.keywords).toBeUndefined();
    expect(t['egroupware.org:customfields']).toEqual({ contact: ['Internet'] });
    expect(t.sequence).toBe(1);
    expect((await read({ title: 'again' }, { mode: 'replace', previous: t })).sequence).toBe(2);
  });

  it('lets a changed progress win over the unchanged status a PATCH carries, and the reverse', async () => {
    const previous = await read({ progress: 'in-progress' });
    expect((await read({ 'egroupware.org:status': 'ongoing', progress: 'completed' }, { mode: 'replace', previous }))['egroupware.org:status']).toBe('done');
    expect((await read({ 'egroupware.org:status': 'offer', progress: 'in-progress' }, { mode: 'replace', previous }))['egroupware.org:status']).toBe('offer');
    expect((await read({ 'egroupware.org:status': 'ongoing', progress: 'in-progress' }, { mode: 'replace', previous }))['egroupware.org:status']).toBe('ongoing');
  });

  it('resets a kept status the new type does not allow to the type’s default', async () => {
    const previous = await read({ 'egroupware.org:status': 'not-started' });
    const t = await read({ 'egroupware.org:type': 'note', 'egroupware.org:status': 'not-started', progress: 'needs-action' }, { mode: 'replace', previous });
    expect(t['egroupware.org:status']).toBe('done');
  });

  it('does not look up an unchanged parent again', async () => {
    const previous = { ...(await read({ uid: 'task-uid-00000009' })), relatedTo: { 'gone-parent-000001': { '@type': 'Relation' as const, relation: { parent: true as const } } } };
    const t = await read({ relatedTo: previous.relatedTo }, { mode: 'replace', previous });
    expect(t.relatedTo).toEqual(previous.relatedTo);
  });
});
