import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@almanac/domain-kernel';
import type { TimesheetStatusRepository } from '../ports/timesheet-status-repository.js';

export function describeTimesheetStatusContract(label: string, factory: () => Promise<{ repo: TimesheetStatusRepository; dispose(): Promise<void> }>): void {
  describe(`${label}: timesheet statuses`, () => {
    let f: Awaited<ReturnType<typeof factory>>;
    beforeAll(async () => { f = await factory(); });
    afterAll(async () => { await f.dispose(); });

    it('keeps labels in creation order, once each, and removes them', async () => {
      await f.repo.add('open');
      await f.repo.add('genehmigt');
      await f.repo.add('open');
      expect(await f.repo.list()).toEqual(['open', 'genehmigt']);
      await f.repo.remove('open');
      expect(await f.repo.list()).toEqual(['genehmigt']);
      await expect(f.repo.remove('open')).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
