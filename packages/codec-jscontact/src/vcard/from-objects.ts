import type { JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { attachVCardParams, placeObject, readParams, registerGroup, type FromContext } from './from-context.js';
import { OBJECT_SPECS, type ObjectSpec } from './object-specs.js';

/** The value type the reverse conversion writes for this object (RFC 9555 §3: reverse rules). */
export function naturalTypeOf(spec: ObjectSpec, obj: JsonObject): string {
  if (spec.textValueKey && typeof obj[spec.valueKey] !== 'string') return 'text';
  const value = obj[spec.valueKey];
  return spec.naturalType(typeof value === 'string' ? value : '');
}

/**
 * Converts a property that maps one-to-one to a map entry (EMAIL, TEL, PHOTO, NOTE, …; see
 * OBJECT_SPECS). Returns `false` when it cannot convert without loss (no single text value, or a
 * raw `unknown` value), so the caller keeps it in vCardProps. A value type other than the one
 * the reverse conversion would choose is kept as `vCardParams.value`.
 */
export function convertObjectProperty(prop: JCardProperty, spec: ObjectSpec, ctx: FromContext): boolean {
  const type = prop[2];
  if (type === 'unknown') return false;
  if (prop.length !== 4 || typeof prop[3] !== 'string') {
    const values = prop.slice(3);
    // NICKNAME:a,b (a list) converts to one Nickname per name, sharing the parameters.
    if (spec.vcard === 'nickname' && values.length > 1 && values.every((v) => typeof v === 'string') && ctx.forcedId === undefined) {
      const propId = prop[1]['prop-id'];
      const params = { ...prop[1] };
      delete params['prop-id'];
      let ok = true;
      values.forEach((v, i) => {
        ok = convertObjectProperty([prop[0], i === 0 && propId !== undefined ? { ...params, 'prop-id': propId } : params, type, v], spec, ctx) && ok;
      });
      return ok;
    }
    return false;
  }
  const value = prop[3];
  const obj: JsonObject = {};
  if (spec.kind !== undefined) obj['kind'] = spec.kind;
  obj[type === 'text' && spec.textValueKey ? spec.textValueKey : spec.valueKey] = value;
  if (spec.vCardName !== undefined) obj['vCardName'] = spec.vCardName;
  const leftover = readParams(prop[1], spec, obj);
  if (type !== naturalTypeOf(spec, obj)) leftover['value'] = type;
  attachVCardParams(obj, leftover);
  const id = placeObject(ctx, spec.at, prop[1]['prop-id'], obj);
  if (typeof prop[1]['group'] === 'string') registerGroup(ctx, prop[1]['group'], { name: spec.vcard, at: spec.at, id, obj, labelled: spec.label });
  return true;
}

/** The spec for a vCard property name, if it is one of the one-to-one properties. */
export function objectSpecFor(name: string): ObjectSpec | undefined {
  return SPECS_BY_NAME.get(name);
}

const SPECS_BY_NAME: ReadonlyMap<string, ObjectSpec> = new Map(Object.entries(OBJECT_SPECS));
