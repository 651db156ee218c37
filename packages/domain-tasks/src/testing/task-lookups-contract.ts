import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { principalId } from '@almanac/domain-kernel';
import type { TaskLookups } from '../ports/task-lookups.js';
import type { TaskLookupsFixture } from './in-memory-task-lookups.js';

/**
 * The fixture every TaskLookups adapter is checked against. An adapter's factory builds this
 * world (accounts by id as given, a writer who may read exactly the `readable` entries) and
 * returns lookups seen by that writer. Ids of tasks and entries are the adapter's; the suite asks
 * for entries through `idOf`.
 */
export const TASK_LOOKUPS_FIXTURE: TaskLookupsFixture = {
  accounts: [
    { id: principalId(5), kind: 'individual', name: 'Ralf Becker', email: 'ralf@example.org' },
    { id: principalId(44), kind: 'individual', name: 'Birgit Becker', email: 'birgit@example.org' },
    { id: principalId(7), kind: 'group', name: 'sales', email: null },
  ],
  tasks: [
    { uid: 'task-parent-0000001' },
    { uid: 'task-child-00000002', parentUid: 'task-parent-0000001' },
    { uid: 'task-hidden-0000003', readable: false },
  ],
  entries: [
    { app: 'addressbook', id: 1, emails: ['jane@example.com'], customFields: { customer: 'C-1' } },
    { app: 'addressbook', id: 2, emails: ['twin@example.com'] },
    { app: 'addressbook', id: 3, emails: ['twin@example.com'] },
    { app: 'addressbook', id: 4, emails: ['secret@example.com'], readable: false },
    { app: 'timesheet', id: 5 },
  ],
};

export interface TaskLookupsUnderTest {
  readonly lookups: TaskLookups;
  /** The adapter's id of a fixture entry, by its fixture id. */
  readonly idOf: (fixtureId: number) => number;
  /** The adapter's id of an account, by its fixture id. */
  readonly accountIdOf: (fixtureId: number) => number;
  dispose(): Promise<void>;
}

/** The behaviour every TaskLookups adapter promises, over TASK_LOOKUPS_FIXTURE. */
export function describeTaskLookupsContract(label: string, factory: (fixture: TaskLookupsFixture) => Promise<TaskLookupsUnderTest>): void {
  describe(`${label}: task look-ups`, () => {
    let t: TaskLookupsUnderTest;
    beforeAll(async () => { t = await factory(TASK_LOOKUPS_FIXTURE); });
    afterAll(async () => { await t.dispose(); });

    it('finds users and groups by id, and users by email in any case', async () => {
      expect(await t.lookups.accountById(t.accountIdOf(44))).toEqual({ id: t.accountIdOf(44), kind: 'individual', name: 'Birgit Becker', email: 'birgit@example.org' });
      expect(await t.lookups.accountById(t.accountIdOf(7))).toMatchObject({ kind: 'group', name: 'sales' });
      expect((await t.lookups.accountByEmail('RALF@example.org'))?.id).toBe(t.accountIdOf(5));
      expect(await t.lookups.accountByEmail('nobody@example.org')).toBeUndefined();
      expect(await t.lookups.accountById(999_999)).toBeUndefined();
    });

    it('finds readable tasks by UID with their parent, and no others', async () => {
      expect(await t.lookups.taskByUid('task-child-00000002')).toEqual({ uid: 'task-child-00000002', parentUid: 'task-parent-0000001' });
      expect(await t.lookups.taskByUid('task-parent-0000001')).toEqual({ uid: 'task-parent-0000001', parentUid: null });
      expect(await t.lookups.taskByUid('task-hidden-0000003')).toBeUndefined();
      expect(await t.lookups.taskByUid('no-such-task-000000')).toBeUndefined();
    });

    it('resolves link targets by id and contacts by a unique email or custom field value', async () => {
      expect(await t.lookups.linkTarget({ app: 'addressbook', id: t.idOf(1) })).toEqual({ app: 'addressbook', id: t.idOf(1) });
      expect(await t.lookups.linkTarget({ app: 'timesheet', id: t.idOf(5) })).toEqual({ app: 'timesheet', id: t.idOf(5) });
      expect(await t.lookups.linkTarget({ app: 'addressbook', field: 'email', value: 'Jane@Example.com' })).toEqual({ app: 'addressbook', id: t.idOf(1) });
      expect(await t.lookups.linkTarget({ app: 'addressbook', field: 'egroupware.org:customfields/customer', value: 'C-1' })).toEqual({ app: 'addressbook', id: t.idOf(1) });
    });

    it('explains why a target cannot be linked: missing, of another app, ambiguous or unreadable', async () => {
      for (const ref of [
        { app: 'addressbook', id: 999_999 }, { app: 'calendar', id: t.idOf(1) }, { app: 'addressbook', id: t.idOf(4) },
        { app: 'addressbook', field: 'email', value: 'twin@example.com' }, { app: 'addressbook', field: 'email', value: 'secret@example.com' },
        { app: 'addressbook', field: 'email', value: 'nobody@example.com' },
      ] as const) {
        expect(await t.lookups.linkTarget(ref)).toEqual({ problem: expect.any(String) });
      }
    });
  });
}
