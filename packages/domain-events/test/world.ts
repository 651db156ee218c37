import {
  type Actor, type Collection, defaultCollections, type KernelRepositories, ManualClock, type UnitOfWork, type User,
} from '@almanac/domain-kernel';
import { InMemoryKernelStore } from '@almanac/domain-kernel/testing';
import type { EventData, StoredEvent } from '../src/model/event.js';
import { RecordingSchedulingDelivery } from '../src/testing/recording-scheduling-delivery.js';
import { SimpleEventTimes } from '../src/testing/simple-event-times.js';
import { deleteEvent } from '../src/use-cases/delete-event.js';
import type { EventAccess, EventServices, WriteGuard } from '../src/use-cases/event-services.js';
import { saveEvent } from '../src/use-cases/save-event.js';

/** A small world for the use-case tests: users with their default collections, one store. */
export async function world(opts: { uow?: (store: InMemoryKernelStore) => UnitOfWork } = {}) {
  const clock = new ManualClock(Date.UTC(2030, 0, 1, 8));
  const store = new InMemoryKernelStore(clock);
  const { repos } = store;
  const user = async (login: string, fullName: string, email: string | null = `${login}@example.org`) => {
    const u = await repos.users.create({ login, fullName, email, isAdmin: false, passwordHash: null });
    for (const d of defaultCollections(u.id, 'user', login)) await repos.collections.create(d);
    return u;
  };
  const ralf = await user('ralf', 'Ralf Becker');
  const birgit = await user('birgit', 'Birgit Becker');
  const carl = await user('carl', 'Carl');
  const devs = await repos.groups.create('devs');
  for (const d of defaultCollections(devs.id, 'group', 'devs')) await repos.collections.create(d);
  await repos.groups.addMember(devs.id, carl.id);
  const delivery = new RecordingSchedulingDelivery();
  let ids = 0;
  const services: EventServices = {
    uow: opts.uow ? opts.uow(store) : store, clock, times: new SimpleEventTimes(), delivery, newId: () => `id-${++ids}`,
  };
  const calendar = async (owner: { id: number }) => (await repos.collections.getByName(owner.id as never, 'calendar'))!;
  const actor = (u: User): Actor => ({ userId: u.id, groupIds: [] });
  const all: EventAccess = { edit: true, delete: true };

  return {
    clock, store, repos, services, delivery, ralf, birgit, carl, devs, calendar, actor,
    /** `who` writes `event` into `owner`'s calendar (replacing `existing`), with all rights by default. */
    save: async (who: User, owner: { id: number }, event: Partial<EventData>, extra: { existing?: StoredEvent; access?: EventAccess; guard?: WriteGuard; name?: string } = {}) =>
      saveEvent(services, {
        actor: actor(who), collection: await calendar(owner), access: extra.access ?? all, event: { '@type': 'Event', ...event } as EventData,
        existing: extra.existing, guard: extra.guard, name: extra.name,
      }),
    remove: async (who: User, owner: { id: number }, existing: StoredEvent, access: EventAccess = all) =>
      deleteEvent(services, { actor: actor(who), collection: await calendar(owner), access, existing }),
    /** The event with `uid` in `owner`'s calendar, if any. */
    copyOf: async (owner: { id: number }, uid: string) => repos.resources.getByUid<EventData>((await calendar(owner)).id, uid),
    events: async (owner: { id: number }) => repos.resources.listPage<EventData>((await calendar(owner)).id, { limit: 100 }),
  };
}

export type World = Awaited<ReturnType<typeof world>>;
export type { Collection, KernelRepositories };
