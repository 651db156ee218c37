import type { App } from '../model/apps.js';
import type { CustomFieldDefinition } from '../model/custom-fields.js';

/** Stores the custom-field definitions of each app. */
export interface CustomFieldRepository {
  /** The app's fields in creation order. */
  list(app: App): Promise<CustomFieldDefinition[]>;
  /** @throws ConflictError (code customfield/name-taken) when the app already has the name. */
  create(def: CustomFieldDefinition): Promise<CustomFieldDefinition>;
  /** @throws NotFoundError */
  delete(app: App, name: string): Promise<void>;
}
