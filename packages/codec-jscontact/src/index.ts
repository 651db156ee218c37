/**
 * JSContact (RFC 9553): types, JSON Schema validation of the `rfc` and `egroupware` profiles,
 * the mapping between them, and the entry points of the REST layer. The vCard conversion
 * (RFC 9555) is the `./vcard` entry.
 *
 * @example
 * import { parseJSContactInput, formatJSContact } from '@almanac/codec-jscontact';
 * const parsed = parseJSContactInput({ name: [{ type: 'personal', value: 'Jane' }], emails: { work: 'jane@example.com' } });
 * if (parsed.ok) formatJSContact(parsed.value, { profile: 'rfc' });
 */
export type * from './types.js';
export { validateJSContact, type ValidateOptions } from './schema/validate.js';
export { rfcSchema } from './schema/rfc-schema.js';
export { egroupwareSchema } from './schema/egroupware-schema.js';
export { egroupwareToRfc } from './profiles/egroupware-to-rfc.js';
export { rfcToEgroupware } from './profiles/rfc-to-egroupware.js';
export {
  parseJSContactInput,
  formatJSContact,
  patchJSContact,
  detectProfile,
  type ParseJSContactOptions,
  type FormatJSContactOptions,
  type PatchJSContactOptions,
} from './input.js';
