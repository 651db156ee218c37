import { beforeEach, describe, expect, it } from '@jest/globals';
import { ForbiddenError, type KernelRepositories, type UnitOfWork } from '@almanac/domain-kernel';
import type { InMemoryKernelStore } from '@almanac/domain-kernel/testing';
import { eventScheduleTag, publicEventData, serverInfo, type StoredEvent } from '../src/model/event.js';
import { type World, world } from './world.js';

/** A view of `target` whose listed methods are replaced; the others stay bound to it (it has private fields). */
const overriding = <T extends object>(target: T, over: Record<string, unknown>): T =>
  new Proxy(target, { get: (t, p) => (p in over ? over[p as string] : typeof (t as any)[p] === 'function' ? (t as any)[p].bind(t) : (t as any)[p]) });

const uid = 'meeting-0000000001';
const base = { uid, title: 'Planning', start: '2030-01-10T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H' };
const alert = (offset: string) => ({ '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset } });
const status = (e: StoredEvent | undefined, key: number | string) => e?.data.participants?.[String(key)]?.participationStatus;

describe('implicit scheduling between local users', () => {
  let w: World;
  let organized: StoredEvent;
  beforeEach(async () => {
    w = await world();
    organized = await w.save(w.ralf, w.ralf, {
      ...base, alerts: { ralfs: alert('-PT15M') } as never,
      participants: { [w.birgit.id]: {}, [w.carl.id]: {}, ext: { email: 'jane@elsewhere.org' } },
    });
  });

  it('gives every local participant a copy with the same uid, without the organizer’s alerts', async () => {
    const copy = (await w.copyOf(w.birgit, uid))!;
    expect(copy).toBeDefined();
    expect(copy.name).toBe(`${uid}.ics`);
    const { alerts: _a, ...withoutAlerts } = publicEventData(organized.data);
    expect(publicEventData(copy.data)).toEqual(withoutAlerts);
    expect(serverInfo(copy.data).organizerCollection).toBe((await w.calendar(w.ralf)).id);
    expect(await w.copyOf(w.carl, uid)).toBeDefined();
    expect(w.delivery.sent.map((m) => [m.method, m.to])).toEqual([['REQUEST', ['ext']]]);
  });

  it('takes only the attendee’s reply and alerts from a write to its copy, and hands the reply on without a new sequence', async () => {
    const copy = (await w.copyOf(w.birgit, uid))!;
    const written = await w.save(w.birgit, w.birgit, {
      ...publicEventData(copy.data), title: 'Birgit renames it', alerts: { hers: alert('-PT1H') } as never,
      participants: { ...copy.data.participants, [w.birgit.id]: { ...copy.data.participants![w.birgit.id], participationStatus: 'accepted', participationComment: 'gladly' } },
    }, { existing: copy });
    expect(written.data.title).toBe('Planning');
    expect(written.data.alerts).toEqual({ hers: alert('-PT1H') });
    expect(status(written, w.birgit.id)).toBe('accepted');
    expect(eventScheduleTag(written)).toBe(eventScheduleTag(copy));

    const organizer = (await w.copyOf(w.ralf, uid))!;
    expect(status(organizer, w.birgit.id)).toBe('accepted');
    expect(organizer.data.participants![w.birgit.id]!.participationComment).toBe('gladly');
    expect(organizer.data.alerts).toEqual({ ralfs: alert('-PT15M') });
    expect(organizer.data.sequence).toBe(0);
    expect(status(await w.copyOf(w.carl, uid), w.birgit.id)).toBe('accepted');
    expect(w.delivery.sent).toHaveLength(1);
  });

  it('keeps each attendee’s alerts through the organizer’s updates and bumps the sequence everywhere', async () => {
    const copy = (await w.copyOf(w.birgit, uid))!;
    await w.save(w.birgit, w.birgit, { ...publicEventData(copy.data), alerts: { hers: alert('-PT1H') } as never }, { existing: copy });
    const current = (await w.copyOf(w.ralf, uid))!;
    const moved = await w.save(w.ralf, w.ralf, { ...publicEventData(current.data), start: '2030-01-10T12:00:00' }, { existing: current });
    expect(moved.data.sequence).toBe(1);
    const after = (await w.copyOf(w.birgit, uid))!;
    expect(after.data).toMatchObject({ start: '2030-01-10T12:00:00', sequence: 1, alerts: { hers: alert('-PT1H') } });
    expect((await w.copyOf(w.carl, uid))!.data).toMatchObject({ start: '2030-01-10T12:00:00', sequence: 1 });
    expect(after.timeRange).toEqual(moved.timeRange);
    expect(w.delivery.sent.map((m) => [m.method, m.sequence])).toEqual([['REQUEST', 0], ['REQUEST', 1]]);
  });

  it('does not write copies that would not change (idempotent delivery)', async () => {
    const birgit = (await w.copyOf(w.birgit, uid))!;
    const again = await w.save(w.ralf, w.ralf, publicEventData(organized.data), { existing: organized });
    expect(again.revision).toBe(organized.revision + 1);
    expect((await w.copyOf(w.birgit, uid))!.revision).toBe(birgit.revision);
    expect(w.delivery.sent).toHaveLength(1);
  });

  it('declines for the attendee who deletes its copy, and tells the other copies (check 13)', async () => {
    const copy = (await w.copyOf(w.birgit, uid))!;
    expect(await w.remove(w.birgit, w.birgit, copy)).toBe('declined');
    expect(await w.copyOf(w.birgit, uid)).toBeUndefined();
    const organizer = (await w.copyOf(w.ralf, uid))!;
    expect(status(organizer, w.birgit.id)).toBe('declined');
    expect(organizer.data.sequence).toBe(0);
    expect(serverInfo(organizer.data).updatedBy).toBe(w.birgit.id);
    expect(status(await w.copyOf(w.carl, uid), w.birgit.id)).toBe('declined');
    // The organizer's next update does not bring the declined copy back.
    await w.save(w.ralf, w.ralf, { ...publicEventData(organizer.data), title: 'Still on' }, { existing: organizer });
    expect(await w.copyOf(w.birgit, uid)).toBeUndefined();
    expect((await w.copyOf(w.carl, uid))!.data.title).toBe('Still on');
  });

  it('cancels every copy when the organizer deletes (check 13)', async () => {
    expect(await w.remove(w.ralf, w.ralf, organized)).toBe('deleted');
    expect(await w.copyOf(w.ralf, uid)).toBeUndefined();
    expect(await w.copyOf(w.birgit, uid)).toBeUndefined();
    expect(await w.copyOf(w.carl, uid)).toBeUndefined();
    expect(w.delivery.sent.map((m) => [m.method, m.to])).toEqual([['REQUEST', ['ext']], ['CANCEL', ['ext']]]);
  });

  it('removes the copy of a participant the organizer drops', async () => {
    await w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: {} } }, { existing: organized });
    expect(await w.copyOf(w.carl, uid)).toBeUndefined();
    expect(await w.copyOf(w.birgit, uid)).toBeDefined();
    expect(w.delivery.sent.map((m) => [m.method, m.to])).toEqual([['REQUEST', ['ext']], ['CANCEL', ['ext']]]);
  });

  it('delivers to a group’s calendar and lets a member with EDIT answer for the group', async () => {
    const withGroup = await w.save(w.ralf, w.ralf, { ...base, participants: { [`-${w.devs.id}`]: {} } }, { existing: organized });
    const groupCopy = (await w.copyOf(w.devs, uid))!;
    expect(groupCopy).toBeDefined();
    await w.save(w.carl, w.devs, { ...publicEventData(groupCopy.data), participants: { [`-${w.devs.id}`]: { participationStatus: 'tentative' } } }, { existing: groupCopy });
    expect(status(await w.copyOf(w.ralf, uid), `-${w.devs.id}`)).toBe('tentative');
    await expect(w.save(w.carl, w.devs, publicEventData(groupCopy.data), { existing: (await w.copyOf(w.devs, uid))!, access: { edit: false, delete: false } }))
      .rejects.toBeInstanceOf(ForbiddenError);
    expect(withGroup.data.participants![`-${w.devs.id}`]).toMatchObject({ kind: 'group', name: 'devs' });
  });

  it('lets a participant without EDIT answer on the organizer’s copy for itself only', async () => {
    const none = { edit: false, delete: false };
    const answered = await w.save(w.birgit, w.ralf, {
      ...publicEventData(organized.data), title: 'x',
      participants: { [w.birgit.id]: { participationStatus: 'accepted' }, [w.carl.id]: { participationStatus: 'accepted' } },
    }, { existing: organized, access: none });
    expect(answered.data.title).toBe('Planning');
    expect(status(answered, w.birgit.id)).toBe('accepted');
    expect(status(answered, w.carl.id)).toBe('needs-action');
    expect(status(await w.copyOf(w.birgit, uid), w.birgit.id)).toBe('accepted');
    await expect(w.save(await w.repos.users.getByLogin('carl').then((u) => u!), w.birgit, base, { existing: (await w.copyOf(w.birgit, uid))!, access: none }))
      .rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses an attendee’s delete without a right on its calendar', async () => {
    const copy = (await w.copyOf(w.birgit, uid))!;
    await expect(w.remove(w.carl, w.birgit, copy, { edit: false, delete: false })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.remove(w.carl, w.ralf, organized, { edit: true, delete: false })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets an attendee restore its deleted copy by writing it again', async () => {
    const copy = (await w.copyOf(w.birgit, uid))!;
    await w.remove(w.birgit, w.birgit, copy);
    const participants = { ...copy.data.participants, [w.birgit.id]: { ...copy.data.participants![w.birgit.id], participationStatus: 'accepted' } };
    const again = await w.save(w.birgit, w.birgit, { ...publicEventData(copy.data), participants });
    expect(status(again, w.birgit.id)).toBe('accepted');
    expect(status(await w.copyOf(w.ralf, uid), w.birgit.id)).toBe('accepted');
  });

  it('never touches a participant’s event with the same uid from another organizer', async () => {
    const other = await w.save(w.carl, w.carl, { ...base, uid: 'shared-uid-000001', title: 'Carl’s own' });
    await w.save(w.ralf, w.ralf, { ...base, uid: 'shared-uid-000001', participants: { [w.carl.id]: {} } });
    expect((await w.copyOf(w.carl, 'shared-uid-000001'))!.revision).toBe(other.revision);
  });

  it('treats an event naming a local organizer that does not list the writer as its own', async () => {
    const stored = await w.save(w.carl, w.carl, { ...base, uid: 'claims-0000000001', participants: { [w.ralf.id]: { roles: { owner: true } }, [w.carl.id]: {} } });
    const changed = await w.save(w.carl, w.carl, { ...publicEventData(stored.data), title: 'mine now' }, { existing: stored });
    expect(changed.data.title).toBe('mine now');
    expect(await w.copyOf(w.ralf, 'claims-0000000001')).toBeUndefined();
  });

  it('ignores a failing delivery', async () => {
    w.delivery.fail = true;
    const stored = await w.save(w.ralf, w.ralf, { ...base, uid: 'other-000000001', participants: { x: { email: 'x@elsewhere.org' } } });
    expect(stored).toBeDefined();
  });
});

describe('scheduling under concurrency and failure', () => {
  it('rolls back the organizer’s write when a copy cannot be written', async () => {
    let failFor: number | undefined;
    const w = await world({
      uow: (store: InMemoryKernelStore): UnitOfWork => ({
        run: (work) => store.run((repos) => work({
          ...repos,
          resources: overriding(repos.resources, {
            create: async (collection: number, draft: never) => {
              if (collection === failFor) throw new Error('disk full');
              return repos.resources.create(collection as never, draft);
            },
          }),
        } as KernelRepositories)),
      }),
    });
    failFor = (await w.calendar(w.carl)).id;
    await expect(w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: {}, [w.carl.id]: {} } })).rejects.toThrow('disk full');
    expect(await w.copyOf(w.ralf, uid)).toBeUndefined();
    expect(await w.copyOf(w.birgit, uid)).toBeUndefined();
  });

  it('retries from fresh reads when a copy changed between plan and write', async () => {
    let runs = 0;
    let race: (() => Promise<void>) | undefined;
    // No rollback here, so that the concurrent change (made outside the unit of work) survives.
    const w = await world({
      uow: (store: InMemoryKernelStore): UnitOfWork => ({
        run: (work) => {
          runs++;
          return work({
            ...store.repos,
            resources: overriding(store.repos.resources, {
              replace: async (...args: Parameters<KernelRepositories['resources']['replace']>) => {
                const r = race;
                race = undefined;
                await r?.();
                return store.repos.resources.replace(...args);
              },
            }),
          } as KernelRepositories);
        },
      }),
    });
    const organized = await w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: {} } });
    race = async () => {
      const c = (await w.copyOf(w.birgit, uid))!;
      await w.repos.resources.replace(c.collectionId, c.id, { ...c, data: { ...c.data, alerts: { hers: alert('-PT2H') } } } as never);
    };
    runs = 0;
    const moved = await w.save(w.ralf, w.ralf, { ...publicEventData(organized.data), title: 'Moved' }, { existing: organized });
    expect(runs).toBe(2);
    expect((await w.copyOf(w.birgit, uid))!.data).toMatchObject({ title: 'Moved', alerts: { hers: alert('-PT2H') } });
    expect(moved.data.title).toBe('Moved');
  });
});
