import type { CollectionKind } from './collections.js';
import type { ResourceKind } from './resources.js';

/** The applications whose data Almanac serves; grants and app tokens are per app. */
export const APPS = ['addressbook', 'calendar', 'infolog', 'timesheet'] as const;
export type App = (typeof APPS)[number];

export const isApp = (value: string): value is App => (APPS as readonly string[]).includes(value);

/** Which app's grants govern a collection of the given kind. */
export function appOfCollectionKind(kind: CollectionKind): App {
  switch (kind) {
    case 'addressbook':
      return 'addressbook';
    case 'calendar':
    case 'inbox':
    case 'outbox':
      return 'calendar';
    case 'tasks':
      return 'infolog';
    case 'timesheet':
      return 'timesheet';
  }
}

/** Which app a stored resource belongs to. */
export function appOfResourceKind(kind: ResourceKind): App {
  switch (kind) {
    case 'card':
    case 'card-group':
      return 'addressbook';
    case 'event':
      return 'calendar';
    case 'task':
      return 'infolog';
    case 'timesheet':
      return 'timesheet';
  }
}
