/** The admin-defined status labels of timesheets (behaviour §5.5 `status`). */
export interface TimesheetStatusRepository {
  /** Labels in creation order. */
  list(): Promise<string[]>;
  /** Idempotent. */
  add(label: string): Promise<void>;
  /** @throws NotFoundError */
  remove(label: string): Promise<void>;
}
