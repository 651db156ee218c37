import { escapePointerSegment, parsePatchKey } from '@almanac/codec-patchobject';
import type { Issue } from '../types.js';
import { MODEL, RESERVED_NAMES, type FieldType, type TypeName } from './model.js';

type Json = Record<string, unknown>;

const lowerIndex = new Map<TypeName, Map<string, string>>();
function lowerNames(type: TypeName): Map<string, string> {
  let map = lowerIndex.get(type);
  if (!map) {
    map = new Map(['@type', ...Object.keys(MODEL[type].fields)].map((k) => [k.toLowerCase(), k]));
    lowerIndex.set(type, map);
  }
  return map;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * RFC 9553 §1.3.3 / §3.x: a property that is not defined may be kept, but one whose name differs
 * from a defined property only in case (`nickNames`) is a mistake, and reserved names (`extra`)
 * must not be used; the same goes for the paths of `localizations` patches. Returns one issue
 * per offending property, with its JSON pointer. Vendor properties (`example.com:x`) are fine.
 */
export function checkPropertyNames(card: unknown): Issue[] {
  const issues: Issue[] = [];
  walk(card, 'Card', '', issues, 0);
  if (isObject(card) && isObject(card['localizations'])) {
    for (const [lang, patch] of Object.entries(card['localizations'])) {
      if (!isObject(patch)) continue;
      for (const [key, value] of Object.entries(patch)) checkPatchPath(key, value, `/localizations/${escapePointerSegment(lang)}/${escapePointerSegment(key)}`, issues);
    }
  }
  return issues;
}

function checkName(type: TypeName, key: string, path: string, issues: Issue[]): boolean {
  if (key.includes(':')) return true;
  const fields = MODEL[type].fields;
  if (key === '@type' || Object.prototype.hasOwnProperty.call(fields, key)) return true;
  if (RESERVED_NAMES.has(key)) {
    issues.push({ code: 'jscontact/reserved-property', path, message: `"${key}" is a reserved property name` });
    return false;
  }
  const proper = lowerNames(type).get(key.toLowerCase());
  if (proper !== undefined) {
    issues.push({ code: 'jscontact/property-case', path, message: `"${key}" differs from the ${type} property "${proper}" only in case` });
    return false;
  }
  return true;
}

function walk(value: unknown, type: TypeName, path: string, issues: Issue[], depth: number): void {
  if (!isObject(value) || depth > 20) return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}/${escapePointerSegment(key)}`;
    if (!checkName(type, key, childPath, issues)) continue;
    const field = MODEL[type].fields[key];
    if (field !== undefined) walkField(child, field, childPath, issues, depth + 1);
  }
}

function walkField(value: unknown, field: FieldType, path: string, issues: Issue[], depth: number): void {
  if (typeof field === 'string' || 'enum' in field || 'stringMap' in field) return;
  if ('obj' in field) return walk(value, field.obj, path, issues, depth);
  if ('map' in field || 'idMap' in field) {
    const type = 'map' in field ? field.map : field.idMap;
    if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, type, `${path}/${escapePointerSegment(k)}`, issues, depth);
    return;
  }
  if ('array' in field) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, field.array, `${path}/${i}`, issues, depth));
    return;
  }
  const date = isObject(value) && (value['@type'] === 'Timestamp' || value['utc'] !== undefined) ? 'Timestamp' : 'PartialDate';
  walk(value, date, path, issues, depth);
}

/** Follows a patch path through the model, checking each property name on the way. */
function checkPatchPath(key: string, value: unknown, path: string, issues: Issue[]): void {
  const segments = parsePatchKey(key).segments;
  let field: FieldType | undefined = { obj: 'Card' };
  for (let i = 0; i < segments.length && field !== undefined; i++) {
    const seg = segments[i]!;
    if (typeof field === 'string' || 'enum' in field || 'stringMap' in field) return;
    if ('map' in field || 'idMap' in field) {
      field = { obj: 'map' in field ? field.map : field.idMap };
      continue;
    }
    if ('array' in field) {
      field = { obj: field.array };
      continue;
    }
    const type: TypeName = 'obj' in field ? field.obj : 'PartialDate';
    if (!checkName(type, seg, path, issues)) return;
    field = MODEL[type].fields[seg];
  }
  if (field !== undefined) walkField(value, field, path, issues, 0);
}
