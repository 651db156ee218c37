import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  InvalidSyncTokenError, NotFoundError, ResourceNameTakenError, RevisionMismatchError, UidConflictError,
} from '../errors.js';
import { type CollectionId, resourceId, type UserId } from '../ids.js';
import type { ResourceDraft } from '../model/resources.js';
import { newUser } from './accounts-contract.js';
import type { KernelStoreFactory, KernelStoreFixture } from './contract-fixture.js';

const draft = (uid: string, data: unknown = { uid }, over: Partial<ResourceDraft> = {}): ResourceDraft => ({
  uid, name: `${uid}.ics`, kind: 'event', data, ...over,
});

export interface ResourcesContractOptions {
  /** How many times the concurrent writers-and-reader scenario runs. */
  readonly concurrencyRounds?: number;
}

/** The behaviour every ResourceRepository must show, change log and concurrency included. */
export function describeResourcesContract(label: string, factory: KernelStoreFactory, options: ResourcesContractOptions = {}): void {
  describe(`${label}: resources and change log`, () => {
    let f: KernelStoreFixture;
    let owner: UserId;
    let n = 0;
    const freshCollection = async (): Promise<CollectionId> =>
      (await f.repos.collections.create({ ownerId: owner, kind: 'calendar', name: `c${++n}` })).id;

    beforeAll(async () => {
      f = await factory();
      owner = (await f.repos.users.create(newUser())).id;
    });
    afterAll(async () => { await f.dispose(); });

    it('creates resources with revision 1 and consecutive change numbers', async () => {
      const c = await freshCollection();
      const a = await f.repos.resources.create(c, draft('a'));
      const b = await f.repos.resources.create(c, draft('b'));
      expect([a.revision, a.changeNumber, b.revision, b.changeNumber]).toEqual([1, 1, 1, 2]);
      expect((await f.repos.collections.get(c))?.changeNumber).toBe(2);
      expect(b.id).not.toBe(a.id);
    });

    it('keeps JSON, raw text and time range exactly as written', async () => {
      const c = await freshCollection();
      const data = { title: 'Grüße ✓ 🎉', nested: { list: [1, 2.5, null, true], empty: {} }, 'vendor:x': 'y' };
      const rawText = 'BEGIN:VCALENDAR\r\nX-TRAILING: space \r\nEND:VCALENDAR\r\n';
      const timeRange = { start: new Date('2030-01-01T19:00:00Z'), end: null };
      const r = await f.repos.resources.create(c, draft('raw', data, { rawText, timeRange, timeZone: 'Europe/Berlin' }));
      const back = await f.repos.resources.get(c, r.id);
      expect(back).toEqual(r);
      expect(back?.data).toEqual(data);
      expect(back?.rawText).toBe(rawText);
      expect(back?.timeRange).toEqual(timeRange);
      expect(back?.timeZone).toBe('Europe/Berlin');
    });

    it('finds a resource by id, DAV name and uid only inside its own collection', async () => {
      const c = await freshCollection();
      const other = await freshCollection();
      const r = await f.repos.resources.create(c, draft('find-me'));
      expect((await f.repos.resources.getByName(c, 'find-me.ics'))?.id).toBe(r.id);
      expect((await f.repos.resources.getByUid(c, 'find-me'))?.id).toBe(r.id);
      expect(await f.repos.resources.get(other, r.id)).toBeUndefined();
      expect(await f.repos.resources.getByUid(other, 'find-me')).toBeUndefined();
    });

    it('finds many live resources by DAV name in one call, skipping unknown, deleted and foreign names', async () => {
      const c = await freshCollection();
      const other = await freshCollection();
      const a = await f.repos.resources.create(c, draft('many-a'));
      const b = await f.repos.resources.create(c, draft('many-b'));
      const gone = await f.repos.resources.create(c, draft('many-gone'));
      await f.repos.resources.delete(c, gone.id);
      await f.repos.resources.create(other, draft('many-c'));
      const found = await f.repos.resources.getManyByName(c, ['many-b.ics', 'many-a.ics', 'many-gone.ics', 'many-c.ics', 'nothing.ics']);
      expect(found.map((r) => r.id).sort((x, y) => x - y)).toEqual([a.id, b.id].sort((x, y) => x - y));
      expect(found.find((r) => r.id === a.id)).toEqual(await f.repos.resources.get(c, a.id));
      expect(await f.repos.resources.getManyByName(c, [])).toEqual([]);
    });

    it('rejects a second resource with the same uid or name in one collection', async () => {
      const c = await freshCollection();
      await f.repos.resources.create(c, draft('dup'));
      const err = await f.repos.resources.create(c, draft('dup', {}, { name: 'other.ics' })).catch((e) => e);
      expect(err).toBeInstanceOf(UidConflictError);
      expect(err.existingName).toBe('dup.ics');
      await expect(f.repos.resources.create(c, draft('fresh', {}, { name: 'dup.ics' }))).rejects.toBeInstanceOf(ResourceNameTakenError);
      await expect(f.repos.resources.create(await freshCollection(), draft('dup'))).resolves.toBeDefined();
    });

    it('replaces content, bumping revision and change number, and honours ifRevision', async () => {
      const c = await freshCollection();
      const r = await f.repos.resources.create(c, draft('rep', { v: 1 }, { rawText: 'old' }));
      const r2 = await f.repos.resources.replace(c, r.id, draft('rep', { v: 2 }), { ifRevision: 1 });
      expect(r2).toMatchObject({ id: r.id, revision: 2, changeNumber: r.changeNumber + 1, data: { v: 2 }, rawText: null, name: 'rep.ics' });
      expect(r2.createdAt).toEqual(r.createdAt);
      const err = await f.repos.resources.replace(c, r.id, draft('rep', { v: 3 }), { ifRevision: 1 }).catch((e) => e);
      expect(err).toBeInstanceOf(RevisionMismatchError);
      expect(err).toMatchObject({ expected: 1, actual: 2 });
      expect((await f.repos.resources.get(c, r.id))?.data).toEqual({ v: 2 });
      await expect(f.repos.resources.replace(c, resourceId(999999), draft('x'))).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses to change a uid into one another resource holds', async () => {
      const c = await freshCollection();
      await f.repos.resources.create(c, draft('one'));
      const two = await f.repos.resources.create(c, draft('two'));
      await expect(f.repos.resources.replace(c, two.id, draft('one', {}, { name: 'two.ics' }))).rejects.toBeInstanceOf(UidConflictError);
    });

    it('deletes softly: gone for reads, reported once in the change log, uid free again', async () => {
      const c = await freshCollection();
      const r = await f.repos.resources.create(c, draft('del'));
      const before = await f.repos.resources.changesSince(c, null);
      await expect(f.repos.resources.delete(c, r.id, { ifRevision: 7 })).rejects.toBeInstanceOf(RevisionMismatchError);
      await f.repos.resources.delete(c, r.id);
      expect(await f.repos.resources.get(c, r.id)).toBeUndefined();
      await expect(f.repos.resources.delete(c, r.id)).rejects.toBeInstanceOf(NotFoundError);
      const after = await f.repos.resources.changesSince(c, before.token);
      expect(after.changes).toEqual([{ deleted: true, changeNumber: before.token + 1, id: r.id, kind: 'event', uid: 'del', name: 'del.ics' }]);
      expect((await f.repos.resources.changesSince(c, null)).changes).toEqual([]);
      await expect(f.repos.resources.create(c, draft('del'))).resolves.toMatchObject({ uid: 'del', revision: 1 });
    });

    it('lists changes after a token in order, with their latest state only', async () => {
      const c = await freshCollection();
      const a = await f.repos.resources.create(c, draft('a'));
      const t0 = (await f.repos.resources.changesSince(c, null)).token;
      const b = await f.repos.resources.create(c, draft('b'));
      await f.repos.resources.replace(c, a.id, draft('a', { v: 2 }));
      await f.repos.resources.replace(c, a.id, draft('a', { v: 3 }));
      const set = await f.repos.resources.changesSince(c, t0);
      expect(set.more).toBe(false);
      expect(set.changes.map((ch) => (ch.deleted ? ch.id : ch.resource.id))).toEqual([b.id, a.id]);
      expect(set.changes.map((ch) => ch.changeNumber)).toEqual([t0 + 1, t0 + 3]);
      expect(set.token).toBe(t0 + 3);
      expect((await f.repos.resources.changesSince(c, set.token)).changes).toEqual([]);
    });

    it('pages with a limit without gaps or repeats', async () => {
      const c = await freshCollection();
      for (let i = 0; i < 7; i++) await f.repos.resources.create(c, draft(`p${i}`));
      const seen: string[] = [];
      let token: number | null = null;
      let pages = 0;
      for (;;) {
        const set: Awaited<ReturnType<typeof f.repos.resources.changesSince>> = await f.repos.resources.changesSince(c, token, { limit: 3 });
        pages++;
        expect(set.changes.length).toBeLessThanOrEqual(3);
        for (const ch of set.changes) if (!ch.deleted) seen.push(ch.resource.uid);
        token = set.token;
        if (!set.more) break;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    });

    it('rejects a token from the future, a negative one, or one for a missing collection', async () => {
      const c = await freshCollection();
      await f.repos.resources.create(c, draft('t'));
      await expect(f.repos.resources.changesSince(c, 2)).rejects.toBeInstanceOf(InvalidSyncTokenError);
      await expect(f.repos.resources.changesSince(c, -1)).rejects.toBeInstanceOf(InvalidSyncTokenError);
      await expect(f.repos.resources.changesSince(c, 1)).resolves.toMatchObject({ changes: [] });
      await expect(f.repos.resources.changesSince(999999 as CollectionId, null)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('invalidates tokens older than purged tombstones', async () => {
      const c = await freshCollection();
      const r = await f.repos.resources.create(c, draft('purge'));
      await f.repos.resources.delete(c, r.id);
      const current = (await f.repos.resources.changesSince(c, null)).token;
      const dropped = await f.repos.resources.purgeTombstones(new Date(Date.now() + 60_000));
      expect(dropped).toBeGreaterThanOrEqual(1);
      await expect(f.repos.resources.changesSince(c, 0)).rejects.toBeInstanceOf(InvalidSyncTokenError);
      await expect(f.repos.resources.changesSince(c, current)).resolves.toMatchObject({ changes: [] });
    });

    it('finds a live resource by id across collections, and not once deleted', async () => {
      const c = await freshCollection();
      const r = await f.repos.resources.create(c, draft('by-id'));
      expect((await f.repos.resources.findById(r.id))?.collectionId).toBe(c);
      await f.repos.resources.delete(c, r.id);
      expect(await f.repos.resources.findById(r.id)).toBeUndefined();
    });

    it('lists live resources in id order, page by page', async () => {
      const c = await freshCollection();
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await f.repos.resources.create(c, draft(`l${i}`))).id);
      await f.repos.resources.delete(c, ids[2]!);
      const first = await f.repos.resources.listPage(c, { limit: 2 });
      const second = await f.repos.resources.listPage(c, { limit: 2, afterId: first.at(-1)!.id });
      const third = await f.repos.resources.listPage(c, { limit: 2, afterId: second.at(-1)!.id });
      expect([...first, ...second, ...third].map((r) => r.id)).toEqual([ids[0], ids[1], ids[3], ids[4]]);
      expect(third).toHaveLength(0);
    });

    it('filters listings by text, JSON path values, kind and time range', async () => {
      const c = await freshCollection();
      const at = (iso: string) => new Date(iso);
      await f.repos.resources.create(c, draft('t1', { title: 'Budget Review', org: { name: 'ACME' } }, {
        timeRange: { start: at('2030-01-01T10:00:00Z'), end: at('2030-01-01T11:00:00Z') } }));
      await f.repos.resources.create(c, draft('t2', { title: '100% done_now', org: { name: 'Other' } }, {
        kind: 'task', timeRange: { start: at('2030-01-02T10:00:00Z'), end: at('2030-01-02T10:00:00Z') } }));
      await f.repos.resources.create(c, draft('t3', { title: 'no time', n: 5, tags: ['x', 'y'] }));
      const uids = async (query: Parameters<typeof f.repos.resources.listPage>[1]['query']) =>
        (await f.repos.resources.listPage(c, { limit: 10, query })).map((r) => r.uid);
      expect(await uids({ text: 'budget' })).toEqual(['t1']);
      expect(await uids({ text: '100%' })).toEqual(['t2']);
      expect(await uids({ text: '_now' })).toEqual(['t2']);
      expect(await uids({ text: 'e_d' })).toEqual([]);
      expect(await uids({ equals: [{ path: ['org', 'name'], value: 'ACME' }] })).toEqual(['t1']);
      expect(await uids({ equals: [{ path: ['n'], value: '5' }] })).toEqual(['t3']);
      expect(await uids({ kinds: ['task'] })).toEqual(['t2']);
      expect(await uids({ equals: [{ path: ['tags'], value: 'y' }] })).toEqual(['t3']);
      expect(await uids({ equals: [{ path: ['tags'], value: 'z' }] })).toEqual([]);
      expect(await uids({ timeRange: { start: at('2030-01-01T10:30:00Z'), end: at('2030-01-01T12:00:00Z') } })).toEqual(['t1', 't3']);
      expect(await uids({ timeRange: { start: at('2030-01-01T11:00:00Z'), end: at('2030-01-02T10:00:00Z') } })).toEqual(['t3']);
      // RFC 4791 §9.9: a zero-length range matches when the query starts at or before it.
      expect(await uids({ timeRange: { start: at('2030-01-02T10:00:00Z') } })).toEqual(['t2', 't3']);
      expect(await uids({ timeRange: { end: at('2030-01-01T10:00:00Z') } })).toEqual(['t3']);
    });

    it('never lets a concurrent reader see a gap or a repeat in the change log', async () => {
      const rounds = options.concurrencyRounds ?? 5;
      for (let round = 0; round < rounds; round++) {
        const c = await freshCollection();
        let writing = true;
        const writer = async (w: number) => {
          const mine: number[] = [];
          for (let i = 0; i < 12; i++) {
            const roll = (w * 31 + i * 17) % 10;
            if (roll < 2 && mine.length) {
              const id = mine[(i * 7) % mine.length]!;
              await f.repos.resources.replace(c, resourceId(id), draft(`w${w}-${id}`, { i }, { name: `w${w}-${id}.ics` }))
                .catch(() => undefined);
            } else if (roll < 3 && mine.length) {
              await f.repos.resources.delete(c, resourceId(mine.pop()!)).catch(() => undefined);
            } else {
              const r = await f.repos.resources.create(c, draft(`w${w}-i${i}`, { i }));
              mine.push(r.id);
              await f.repos.resources.replace(c, r.id, draft(`w${w}-${r.id}`, { i }, { name: r.name }));
            }
          }
        };
        const reader = async () => {
          const view = new Map<number, number>();
          const delivered = new Set<number>();
          let token: number | null = null;
          for (;;) {
            const last = !writing;
            const set: Awaited<ReturnType<typeof f.repos.resources.changesSince>> = await f.repos.resources.changesSince(c, token);
            let prev = token ?? 0;
            for (const ch of set.changes) {
              expect(ch.changeNumber).toBeGreaterThan(prev);
              expect(ch.changeNumber).toBeLessThanOrEqual(set.token);
              expect(delivered.has(ch.changeNumber)).toBe(false);
              delivered.add(ch.changeNumber);
              prev = ch.changeNumber;
              if (ch.deleted) view.delete(ch.id);
              else view.set(ch.resource.id, ch.resource.revision);
            }
            expect(set.token).toBeGreaterThanOrEqual(token ?? 0);
            token = set.token;
            if (last) return view;
          }
        };
        const readerDone = reader();
        await Promise.all([0, 1, 2, 3, 4, 5].map(writer));
        writing = false;
        const view = await readerDone;
        const truth = new Map<number, number>();
        for (const ch of (await f.repos.resources.changesSince(c, null)).changes) {
          if (!ch.deleted) truth.set(ch.resource.id, ch.resource.revision);
        }
        expect([...view.entries()].sort((a, b) => a[0] - b[0])).toEqual([...truth.entries()].sort((a, b) => a[0] - b[0]));
      }
    });
  });
}
