import { lowerToken } from './content-line.js';
import type { PropertyDesign, VCardDesign } from './design.js';
import type { JCardParams, JCardProperty, JCardValue } from './types.js';
import { INVALID, decodeAtom, encodeAtom, splitUnescaped } from './values.js';

const NO_DESIGN: PropertyDesign = {};

/**
 * The value type of a property: its VALUE parameter, else the type ical.js detects or defaults
 * to for that property, else `unknown` (RFC 7095 §5: the value is then kept verbatim).
 */
export function valueTypeOf(name: string, raw: string, valueParam: string | undefined, design: VCardDesign): string {
  // A VALUE that is not a type name (RFC 6350 §5.2: iana-token / x-name) is ignored.
  if (valueParam !== undefined && /^[A-Za-z0-9-]+$/.test(valueParam)) return lowerToken(valueParam);
  const pd = design.property[name];
  if (pd === undefined) return 'unknown';
  if (pd.detectType && raw.length > 0) return pd.detectType(raw);
  return pd.defaultType ?? 'unknown';
}

/**
 * Builds the jCard property for a raw value: splits structured (`;`) and list (`,`) values as
 * the property's design says and decodes every piece for its type. A value that does not fit its
 * type (a BDAY of `circa 1800` without VALUE=text) is kept verbatim with type `unknown`, and
 * `invalid` is set so the caller can report it.
 */
export function decodeProperty(
  name: string,
  params: JCardParams,
  raw: string,
  design: VCardDesign,
): { property: JCardProperty; invalid: boolean } {
  const valueParam = params['value'];
  let type = valueTypeOf(name, raw, Array.isArray(valueParam) ? valueParam.join(',') : valueParam, design);
  if (valueParam !== undefined) delete params['value'];
  const pd = design.property[name] ?? NO_DESIGN;
  const property: JCardProperty = [name, params, type];
  const decoded = decodeValues(raw, type, pd, design, property);
  if (decoded) return { property, invalid: false };
  // The value does not fit its type: read it as the type a reader infers without VALUE (a
  // TZ;VALUE=utc-offset:garbage is text), so writing it back without VALUE reads the same;
  // if that fails too, keep it raw.
  const fallback = valueTypeOf(name, raw, undefined, design);
  if (fallback !== type && fallback !== 'unknown') {
    const retry: JCardProperty = [name, params, fallback];
    if (decodeValues(raw, fallback, pd, design, retry)) return { property: retry, invalid: true };
  }
  type = 'unknown';
  return { property: [name, params, type, raw], invalid: true };
}

function decodeValues(raw: string, type: string, pd: PropertyDesign, design: VCardDesign, out: JCardProperty): boolean {
  if (type === 'unknown') {
    out.push(raw);
    return true;
  }
  if (pd.structuredValue) {
    const components = splitUnescaped(raw, pd.structuredValue);
    const decoded: Array<string | number | string[]> = [];
    for (const component of components) {
      if (pd.multiValue) {
        const items = splitUnescaped(component, pd.multiValue);
        if (items.length === 1) {
          const v = decodeAtom(items[0]!, type, design);
          if (v === INVALID) return false;
          decoded.push(v as string);
        } else {
          const list: string[] = [];
          for (const item of items) {
            const v = decodeAtom(item, type, design);
            if (v === INVALID) return false;
            list.push(v as string);
          }
          decoded.push(list);
        }
      } else {
        const v = decodeAtom(component, type, design);
        if (v === INVALID) return false;
        decoded.push(v as string | number);
      }
    }
    // ical.js (and RFC 7095 §3.3.1.3 readers) give a one-component structured value as a string.
    out.push(decoded.length === 1 ? (decoded[0] as JCardValue) : decoded);
    return true;
  }
  if (pd.multiValue) {
    for (const item of splitUnescaped(raw, pd.multiValue)) {
      const v = decodeAtom(item, type, design);
      if (v === INVALID) return false;
      out.push(v);
    }
    return true;
  }
  const v = decodeAtom(raw, type, design);
  if (v === INVALID) return false;
  out.push(v);
  return true;
}

/**
 * Writes the value part of a jCard property (after the colon) for the given design: the reverse
 * of {@link decodeProperty}. Values of unexpected shapes are written as well as possible, never
 * rejected (a structured array on a property without structure joins with `;`).
 */
export function encodeValue(property: readonly unknown[], design: VCardDesign): string {
  const name = String(property[0]);
  const type = typeof property[2] === 'string' ? property[2] : 'unknown';
  const pd = design.property[name] ?? NO_DESIGN;
  if (property.length <= 3) return '';
  if (property.length === 4) return encodeOne(property[3], type, pd, design);
  // Several values: a list property (NICKNAME:a,b) or several structured values.
  const sep = pd.multiValue ?? ',';
  let out = '';
  for (let i = 3; i < property.length; i++) {
    if (i > 3) out += sep;
    out += encodeOne(property[i], type, pd, design);
  }
  return out;
}

function encodeOne(value: unknown, type: string, pd: PropertyDesign, design: VCardDesign): string {
  if (!Array.isArray(value)) {
    return encodeAtom(value, type, design, pd.structuredValue !== undefined);
  }
  const sep = pd.structuredValue ?? ';';
  const inner = pd.multiValue ?? ',';
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += sep;
    const component: unknown = value[i];
    if (Array.isArray(component)) {
      for (let j = 0; j < component.length; j++) {
        if (j > 0) out += inner;
        out += encodeAtom(component[j], type, design, true);
      }
    } else {
      out += encodeAtom(component, type, design, true);
    }
  }
  return out;
}
