/**
 * The InfoLog types and the statuses each allows, as the reference ships them (its stock
 * configuration; admin-defined types are not modelled yet). The first status of a list is not
 * necessarily the default: see `defaults`.
 */
export interface TaskTypeCatalog {
  /** Allowed statuses per type, in display order. */
  readonly statuses: Readonly<Record<string, readonly string[]>>;
  /** The status a new entry of the type starts with. */
  readonly defaults: Readonly<Record<string, string>>;
}

export const STOCK_TASK_TYPES: TaskTypeCatalog = {
  statuses: {
    task: ['offer', 'not-started', 'ongoing', 'done', 'cancelled', 'billed', 'template', 'nonactive', 'archive'],
    phone: ['not-started', 'ongoing', 'done', 'billed'],
    note: ['ongoing', 'done'],
    email: ['ongoing', 'done'],
  },
  defaults: { task: 'not-started', phone: 'not-started', note: 'done', email: 'done' },
};

/** The types of a catalog, in order. */
export const taskTypes = (catalog: TaskTypeCatalog): string[] => Object.keys(catalog.statuses);

/** Whether `status` is allowed for `type`. */
export const statusAllowed = (catalog: TaskTypeCatalog, type: string, status: string): boolean =>
  catalog.statuses[type]?.includes(status) ?? false;

/** The default status of a type (the type's first status when the catalog names none). */
export const defaultStatus = (catalog: TaskTypeCatalog, type: string): string =>
  catalog.defaults[type] ?? catalog.statuses[type]?.[0] ?? 'not-started';
