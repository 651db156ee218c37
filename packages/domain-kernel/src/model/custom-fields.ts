import { type ValidationIssue, ValidationError } from '../errors.js';
import type { App } from './apps.js';

export const CUSTOM_FIELD_TYPES = ['text', 'int', 'float', 'select', 'date', 'date-time'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** An admin-defined extra field of one app's entries (behaviour §5 "Custom fields"). */
export interface CustomFieldDefinition {
  readonly app: App;
  readonly name: string;
  readonly type: CustomFieldType;
  readonly label: string;
  /** Options of a select field: key → label, in display order. */
  readonly values: Readonly<Record<string, string>>;
  /** A select field that takes several options. */
  readonly multiple: boolean;
}

/** A stored value: strings for text/date/date-time, numbers for int/float, option keys for select. */
export type CustomFieldValue = string | number | string[];

/** The JSON member that carries custom fields in every app's JSON. */
export const CUSTOM_FIELDS_MEMBER = 'egroupware.org:customfields';

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/;

/** @throws ValidationError when the definition is malformed. */
export function validateCustomFieldDefinition(def: CustomFieldDefinition): CustomFieldDefinition {
  const issues: ValidationIssue[] = [];
  if (!NAME.test(def.name)) issues.push({ path: '/name', message: 'use 1-64 letters, digits, space, dot, dash or underscore' });
  if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(def.type)) issues.push({ path: '/type', message: `one of ${CUSTOM_FIELD_TYPES.join(', ')}` });
  if (def.type === 'select' && Object.keys(def.values).length === 0) issues.push({ path: '/values', message: 'a select field needs options' });
  if (def.type !== 'select' && Object.keys(def.values).length > 0) issues.push({ path: '/values', message: 'only select fields have options' });
  if (issues.length) throw new ValidationError(`invalid custom field '${def.name}'`, issues, 'customfield/invalid');
  return def;
}

/** Reads one input value for a field, or returns an issue. Null and '' clear the field. */
function readValue(def: CustomFieldDefinition, raw: unknown, path: string): { value?: CustomFieldValue; issue?: ValidationIssue } {
  // Accept the output shape too ({"value": v, "type": …}), so a GET body can be PUT back.
  const input = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw ? (raw as { value: unknown }).value : raw;
  if (input === null || input === undefined || input === '') return {};
  const bad = (message: string) => ({ issue: { path, message } });
  switch (def.type) {
    case 'text':
      return typeof input === 'string' || typeof input === 'number' ? { value: String(input) } : bad('must be a string');
    case 'int': {
      const n = typeof input === 'string' && /^-?\d+$/.test(input.trim()) ? Number(input) : input;
      return typeof n === 'number' && Number.isSafeInteger(n) ? { value: n } : bad('must be an integer');
    }
    case 'float': {
      const n = typeof input === 'string' && input.trim() !== '' ? Number(input) : input;
      return typeof n === 'number' && Number.isFinite(n) ? { value: n } : bad('must be a number');
    }
    case 'date':
      return typeof input === 'string' && DATE.test(input) && !Number.isNaN(Date.parse(input)) ? { value: input } : bad('must be a date YYYY-MM-DD');
    case 'date-time':
      return typeof input === 'string' && DATE_TIME.test(input) && !Number.isNaN(Date.parse(input.length === 16 ? `${input}:00` : input))
        ? { value: input } : bad('must be a date-time YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]');
    case 'select': {
      const keys = Array.isArray(input) ? input.map(String) : String(input).split(',').map((k) => k.trim()).filter(Boolean);
      if (!def.multiple && keys.length > 1) return bad('takes one option');
      // Behaviour §5: options not in the list are dropped, not refused.
      const known = keys.filter((k) => k in def.values);
      return known.length ? { value: known } : {};
    }
  }
}

/**
 * Validates the custom-field member of an input against the app's definitions and returns the
 * values to store. Unknown names are refused; when the member is present, defined fields missing
 * from it are cleared (behaviour §5); `undefined` input keeps `previous` unchanged.
 * @throws ValidationError listing every bad field with its JSON pointer.
 */
export function readCustomFields(
  defs: readonly CustomFieldDefinition[],
  input: unknown,
  previous: Readonly<Record<string, CustomFieldValue>> | undefined,
): Record<string, CustomFieldValue> | undefined {
  if (input === undefined) return previous && { ...previous };
  if (input === null) return undefined;
  const base = `/${CUSTOM_FIELDS_MEMBER}`;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError('custom fields must be an object', [{ path: base, message: 'must be an object' }], 'customfield/invalid');
  }
  const byName = new Map(defs.map((d) => [d.name, d]));
  const issues: ValidationIssue[] = [];
  const out: Record<string, CustomFieldValue> = {};
  for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
    const path = `${base}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const def = byName.get(name);
    if (!def) {
      issues.push({ path, message: `unknown custom field '${name}'` });
      continue;
    }
    const { value, issue } = readValue(def, raw, path);
    if (issue) issues.push(issue);
    else if (value !== undefined) out[name] = value;
  }
  if (issues.length) throw new ValidationError(issues[0]!.message, issues, 'customfield/invalid');
  return Object.keys(out).length ? out : undefined;
}

/** The output shape: `{name: {value, type, label[, values]}}` for the fields that have values. */
export function renderCustomFields(
  defs: readonly CustomFieldDefinition[],
  stored: Readonly<Record<string, CustomFieldValue>> | undefined,
): Record<string, { value: CustomFieldValue; type: CustomFieldType; label: string; values?: Record<string, string> }> | undefined {
  if (!stored) return undefined;
  const out: Record<string, { value: CustomFieldValue; type: CustomFieldType; label: string; values?: Record<string, string> }> = {};
  for (const def of defs) {
    const value = stored[def.name];
    if (value === undefined) continue;
    out[def.name] = { value, type: def.type, label: def.label, ...(def.type === 'select' && { values: { ...def.values } }) };
  }
  return Object.keys(out).length ? out : undefined;
}
