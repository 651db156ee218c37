import { NotFoundError } from '@almanac/domain-kernel';
import type { TimesheetStatusRepository } from '../ports/timesheet-status-repository.js';

export class InMemoryTimesheetStatusRepository implements TimesheetStatusRepository {
  readonly #labels: string[] = [];
  async list() {
    return [...this.#labels];
  }
  async add(label: string) {
    if (!this.#labels.includes(label)) this.#labels.push(label);
  }
  async remove(label: string) {
    const i = this.#labels.indexOf(label);
    if (i < 0) throw new NotFoundError(`timesheet status '${label}'`, 'timesheet/status-not-found');
    this.#labels.splice(i, 1);
  }
}
