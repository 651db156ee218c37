import type { JsonObject } from '../types.js';
import { table } from '../table.js';

/**
 * RFC 9555 Table 1 (N) and Table 2 (ADR): component positions of the structured value and the
 * JSContact component kinds they hold.
 */
export const N_KINDS = ['surname', 'given', 'given2', 'title', 'credential', 'surname2', 'generation'] as const;

/** ADR positions (RFC 6350 §6.3.1 and RFC 9554 §2.1); 1 and 2 are the legacy extended/street. */
export const ADR_KINDS = [
  'postOfficeBox', 'apartment', 'name', 'locality', 'region', 'postcode', 'country',
  'room', 'apartment', 'floor', 'number', 'name', 'building', 'block', 'subdistrict', 'district', 'landmark', 'direction',
] as const;

/** ADR position of each kind in the RFC 9554 layout (never the legacy positions 1 and 2). */
export const ADR_POSITION: Readonly<Record<string, number>> = table<number>({
  postOfficeBox: 0, locality: 3, region: 4, postcode: 5, country: 6, room: 7, apartment: 8, floor: 9,
  number: 10, name: 11, building: 12, block: 13, subdistrict: 14, district: 15, landmark: 16, direction: 17,
});

/** RFC 9555 Table 2: kinds written into the legacy extended (1) and street (2) components. */
export const ADR_LEGACY_EXTENDED: readonly string[] = ['room', 'floor', 'apartment', 'building'];
export const ADR_LEGACY_STREET: readonly string[] = ['number', 'name', 'block', 'direction', 'landmark', 'subdistrict', 'district'];

/** A structured jCard value as a list of components, each a list of values. */
export function structuredValues(value: unknown): string[][] {
  const components = Array.isArray(value) ? value : [value];
  return components.map((c) => (Array.isArray(c) ? c.map(String) : [c === undefined || c === null ? '' : String(c)]));
}

/** The values of one component, without empty strings. */
export function nonEmpty(values: readonly string[] | undefined): string[] {
  return values ? values.filter((v) => v !== '') : [];
}

/** Builds a structured jCard value from components (trailing structure kept as given). */
export function toStructured(components: string[][]): Array<string | string[]> {
  return components.map((c) => (c.length === 1 ? c[0]! : c.length === 0 ? '' : c));
}

/** Whether the object holds only the given members (for objects written as one property). */
export function onlyMembers(obj: JsonObject, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(obj)) if (obj[key] !== undefined && !allowed.has(key)) return false;
  return true;
}
