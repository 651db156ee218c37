import { type CollectionKind, type PrincipalId, type StoredResource, userId } from '@almanac/domain-kernel';
import { InMemoryKernelStore } from '@almanac/domain-kernel/testing';
import { describeTaskLookupsContract, type TaskLookupsFixture } from '@almanac/domain-tasks/testing';
import { KernelTaskLookups } from './kernel-task-lookups.js';

// The adapter against the port's contract, over the kernel's in-memory store: the writer reads
// its own collections; "stranger" holds what the fixture marks unreadable and grants nothing.
describeTaskLookupsContract('kernel repositories', async (fixture: TaskLookupsFixture) => {
  const { repos } = new InMemoryKernelStore();
  const user = (login: string, fullName: string, email: string | null) => repos.users.create({ login, fullName, email, isAdmin: false, passwordHash: null });
  const writer = await user('writer', 'Writer', 'writer@example.org');
  const stranger = await user('stranger', 'Stranger', null);
  const accountIds = new Map<number, number>();
  for (const a of fixture.accounts) {
    accountIds.set(a.id, a.kind === 'group' ? (await repos.groups.create(a.name)).id : (await user(a.name.split(' ')[0]!.toLowerCase(), a.name, a.email)).id);
  }
  const collection = async (owner: PrincipalId, kind: CollectionKind, name: string) => (await repos.collections.create({ ownerId: owner, kind, name })).id;
  const mine = { tasks: await collection(writer.id, 'tasks', 'infolog'), addressbook: await collection(writer.id, 'addressbook', 'addressbook'), timesheet: await collection(writer.id, 'timesheet', 'timesheet') };
  const theirs = { tasks: await collection(stranger.id, 'tasks', 'infolog'), addressbook: await collection(stranger.id, 'addressbook', 'addressbook') };

  for (const t of fixture.tasks) {
    const relatedTo = t.parentUid ? { [t.parentUid]: { '@type': 'Relation', relation: { parent: true } } } : undefined;
    await repos.resources.create(t.readable === false ? theirs.tasks : mine.tasks, {
      uid: t.uid, name: `${t.uid}.ics`, kind: 'task', data: { '@type': 'Task', uid: t.uid, ...(relatedTo && { relatedTo }) },
    });
  }
  const entryIds = new Map<number, number>();
  for (const e of fixture.entries) {
    const uid = `entry-${e.app}-${e.id}`;
    let created: StoredResource;
    if (e.app === 'addressbook') {
      const emails = Object.fromEntries((e.emails ?? []).map((address, i) => [`e${i}`, { '@type': 'EmailAddress', address }]));
      const data = { '@type': 'Card', version: '1.0', uid, emails, ...(e.customFields && { 'egroupware.org:customfields': e.customFields }) };
      created = await repos.resources.create(e.readable === false ? theirs.addressbook : mine.addressbook, { uid, name: `${uid}.vcf`, kind: 'card', data });
    } else {
      created = await repos.resources.create(mine.timesheet, { uid, name: uid, kind: 'timesheet', data: { title: uid } });
    }
    entryIds.set(e.id, created.id);
  }
  return {
    lookups: new KernelTaskLookups(repos, { userId: userId(writer.id), groupIds: [] }, writer),
    idOf: (id) => entryIds.get(id) ?? id + 1_000_000,
    accountIdOf: (id) => accountIds.get(id)!,
    dispose: async () => {},
  };
});
