import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotFoundError } from '../errors.js';
import { type CollectionId, collectionId } from '../ids.js';
import type { DeadPropertyRepository } from '../ports/dead-property-repository.js';
import type { KernelRepositories } from '../ports/unit-of-work.js';
import { newUser } from './accounts-contract.js';

/** What the dead-property contract needs: kernel repositories and the adapter under test over the same storage. */
export interface DeadPropertiesFixture {
  readonly repos: KernelRepositories;
  readonly deadProperties: DeadPropertyRepository;
  dispose(): Promise<void>;
}

const xmlOf = (ns: string, name: string, body: string) => `<x:${name} xmlns:x="${ns}">${body}</x:${name}>`;

/** The behaviour every DeadPropertyRepository must show. */
export function describeDeadPropertiesContract(label: string, factory: () => Promise<DeadPropertiesFixture>): void {
  describe(`${label}: dead properties`, () => {
    let f: DeadPropertiesFixture;
    let cal: CollectionId;
    let other: CollectionId;
    beforeAll(async () => {
      f = await factory();
      const owner = (await f.repos.users.create(newUser())).id;
      cal = (await f.repos.collections.create({ ownerId: owner, kind: 'calendar', name: 'props' })).id;
      other = (await f.repos.collections.create({ ownerId: owner, kind: 'addressbook', name: 'other' })).id;
    });
    afterAll(async () => { await f.dispose(); });

    it('keeps properties per collection, ordered by namespace then name, byte for byte', async () => {
      const note = { ns: 'urn:example:b', name: 'note', xml: xmlOf('urn:example:b', 'note', 'Grüße &amp; <x:i>mixed</x:i>\r\n ✓') };
      const order = { ns: 'http://apple.com/ns/ical/', name: 'calendar-order', xml: xmlOf('http://apple.com/ns/ical/', 'calendar-order', '3') };
      const first = { ns: 'urn:example:b', name: 'a', xml: '<a xmlns="urn:example:b"/>' };
      await f.deadProperties.apply(cal, { set: [note, order, first] });
      expect(await f.deadProperties.list(cal)).toEqual([order, first, note]);
      expect(await f.deadProperties.list(other)).toEqual([]);
    });

    it('replaces a property set again and removes named ones, removing missing ones silently', async () => {
      await f.deadProperties.apply(other, { set: [{ ns: '', name: 'plain', xml: '<plain>1</plain>' }] });
      await f.deadProperties.apply(other, {
        remove: [{ ns: '', name: 'plain' }, { ns: 'urn:nowhere', name: 'never-set' }],
        set: [{ ns: '', name: 'plain', xml: '<plain>2</plain>' }, { ns: 'urn:x', name: 'y', xml: '<y xmlns="urn:x"/>' }],
      });
      expect(await f.deadProperties.list(other)).toEqual([
        { ns: '', name: 'plain', xml: '<plain>2</plain>' }, { ns: 'urn:x', name: 'y', xml: '<y xmlns="urn:x"/>' },
      ]);
      await f.deadProperties.apply(other, { remove: [{ ns: 'urn:x', name: 'y' }] });
      expect((await f.deadProperties.list(other)).map((p) => p.name)).toEqual(['plain']);
    });

    it('refuses properties for a collection that does not exist', async () => {
      await expect(f.deadProperties.apply(collectionId(999999), { set: [{ ns: 'urn:x', name: 'y', xml: '<y xmlns="urn:x"/>' }] }))
        .rejects.toBeInstanceOf(NotFoundError);
      expect(await f.deadProperties.list(collectionId(999999))).toEqual([]);
    });

    it('drops all properties on removeAll and when the collection is deleted', async () => {
      await f.deadProperties.removeAll(other);
      expect(await f.deadProperties.list(other)).toEqual([]);
      const owner = (await f.repos.users.create(newUser())).id;
      const doomed = (await f.repos.collections.create({ ownerId: owner, kind: 'tasks', name: 'doomed' })).id;
      await f.deadProperties.apply(doomed, { set: [{ ns: 'urn:x', name: 'y', xml: '<y xmlns="urn:x"/>' }] });
      await f.repos.collections.delete(doomed);
      expect(await f.deadProperties.list(doomed)).toEqual([]);
      expect((await f.deadProperties.list(cal)).length).toBe(3);
    });
  });
}
