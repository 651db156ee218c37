import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError } from '../errors.js';
import { type ResourceId, resourceId, type UserId } from '../ids.js';
import type { CustomFieldDefinition } from '../model/custom-fields.js';
import { linkId } from '../model/links.js';
import { newUser } from './accounts-contract.js';
import type { KernelStoreFactory, KernelStoreFixture } from './contract-fixture.js';

/** The behaviour every CustomFieldRepository and LinkRepository must show. */
export function describeExtrasContract(label: string, factory: KernelStoreFactory): void {
  describe(`${label}: custom fields and links`, () => {
    let f: KernelStoreFixture;
    let owner: UserId;
    let a: ResourceId;
    let b: ResourceId;
    beforeAll(async () => {
      f = await factory();
      owner = (await f.repos.users.create(newUser())).id;
      const c = await f.repos.collections.create({ ownerId: owner, kind: 'calendar', name: 'cal' });
      a = (await f.repos.resources.create(c.id, { uid: 'a', name: 'a.ics', kind: 'event', data: {} })).id;
      b = (await f.repos.resources.create(c.id, { uid: 'b', name: 'b.ics', kind: 'event', data: {} })).id;
    });
    afterAll(async () => { await f.dispose(); });

    const def = (over: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition => ({
      app: 'timesheet', name: 'auswahl', type: 'select', label: 'Auswählen', values: { 3: 'Three', 2: 'Two', 1: 'One' }, multiple: false, ...over,
    });

    it('keeps custom fields per app in creation order, with their options', async () => {
      await f.repos.customFields.create(def());
      await f.repos.customFields.create(def({ name: 'hours', type: 'float', label: 'Hours', values: {} }));
      await f.repos.customFields.create(def({ app: 'addressbook', name: 'auswahl', type: 'text', values: {} }));
      expect((await f.repos.customFields.list('timesheet')).map((d) => d.name)).toEqual(['auswahl', 'hours']);
      expect((await f.repos.customFields.list('timesheet'))[0]).toEqual(def());
      await expect(f.repos.customFields.create(def())).rejects.toBeInstanceOf(ConflictError);
      await f.repos.customFields.delete('timesheet', 'hours');
      expect((await f.repos.customFields.list('timesheet')).map((d) => d.name)).toEqual(['auswahl']);
      await expect(f.repos.customFields.delete('timesheet', 'hours')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('links entries symmetrically and lists the newest first', async () => {
      const l1 = await f.repos.links.create({ from: a, to: { kind: 'entry', resourceId: b }, remark: 'see also', createdBy: owner });
      const l2 = await f.repos.links.create({ from: b, to: { kind: 'entry', resourceId: a }, rel: 'egroupware.org-primary', createdBy: null });
      expect(l1).toMatchObject({ from: a, to: { kind: 'entry', resourceId: b }, remark: 'see also', rel: null, createdBy: owner });
      expect((await f.repos.links.listFor(a)).map((l) => l.id)).toEqual([l2.id, l1.id]);
      expect((await f.repos.links.listFor(b)).map((l) => l.id)).toEqual([l2.id, l1.id]);
      expect(await f.repos.links.fileContent(l1.id)).toBeUndefined();
      await expect(f.repos.links.create({ from: a, to: { kind: 'entry', resourceId: resourceId(999999) }, createdBy: null })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('stores attached files byte for byte', async () => {
      const bytes = new Uint8Array([0, 255, 1, 2, 3, 0xc3, 0x28]);
      const l = await f.repos.links.create({ from: a, to: { kind: 'file', name: 'scan ü.pdf', contentType: 'application/pdf', content: bytes }, createdBy: owner });
      expect(l.to).toEqual({ kind: 'file', name: 'scan ü.pdf', contentType: 'application/pdf', size: 7 });
      expect(await f.repos.links.get(l.id)).toEqual(l);
      expect(Array.from((await f.repos.links.fileContent(l.id))!)).toEqual(Array.from(bytes));
      await f.repos.links.delete(l.id);
      expect(await f.repos.links.get(l.id)).toBeUndefined();
      await expect(f.repos.links.delete(l.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(f.repos.links.delete(linkId(999999))).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
