import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { attachVCardParams, placeObject, readParams, registerGroup, type FromContext } from './from-context.js';
import { structuredValues } from './name-parts.js';

/**
 * RFC 9555 §2.9.7 ORG: the first component is the Organization `name` (left out when empty,
 * `ORG:;Dept`), the others its `units`; SORT-AS items go to the organization and then the units.
 * TYPE home/work are contexts; other parameters (PREF included: Organization has no `pref`) are
 * kept as vCardParams.
 */
export function convertOrg(prop: JCardProperty, ctx: FromContext): boolean {
  if (prop[2] !== 'text' || prop.length !== 4) return false;
  const comps = structuredValues(prop[3]).map((c) => c.join(','));
  const obj: JsonObject = {};
  if (comps[0] !== '') obj['name'] = comps[0];
  if (comps.length > 1) obj['units'] = comps.slice(1).map((name) => ({ name }));
  // RFC 9553 §2.2.3: an Organization has a name or units; an empty ORG stays in vCardProps.
  if (obj['name'] === undefined && obj['units'] === undefined) return false;
  const params: JCardParams = { ...prop[1] };
  const sortAs = params['sort-as'];
  delete params['sort-as'];
  const leftover = readParams(params, { contextual: true }, obj);
  if (obj['pref'] !== undefined) {
    leftover['pref'] = String(obj['pref']);
    delete obj['pref'];
  }
  if (sortAs !== undefined) {
    if (typeof sortAs === 'string' && applySortAs(obj, sortAs) && orgSortAs(obj) === sortAs) {
      // converted
    } else {
      deleteSortAs(obj);
      leftover['sort-as'] = sortAs;
    }
  }
  attachVCardParams(obj, leftover);
  const id = placeObject(ctx, ['organizations'], prop[1]['prop-id'], obj);
  if (typeof prop[1]['group'] === 'string') registerGroup(ctx, prop[1]['group'], { name: 'org', at: ['organizations'], id, obj, labelled: false });
  return true;
}

function applySortAs(obj: JsonObject, text: string): boolean {
  const items = text.split(',');
  const units = (obj['units'] as JsonObject[] | undefined) ?? [];
  if (items.length > units.length + 1) return false;
  if (items[0] !== '') obj['sortAs'] = items[0];
  items.slice(1).forEach((item, i) => {
    if (item !== '') units[i]!['sortAs'] = item;
  });
  return true;
}

function deleteSortAs(obj: JsonObject): void {
  delete obj['sortAs'];
  for (const unit of (obj['units'] as JsonObject[] | undefined) ?? []) delete unit['sortAs'];
}

/** The SORT-AS text of an Organization (RFC 9555 §2.9.7); `undefined` when it has none. */
export function orgSortAs(obj: JsonObject): string | undefined {
  const items = [obj['sortAs'], ...((obj['units'] as JsonObject[] | undefined) ?? []).map((u) => u?.['sortAs'])].map((v) =>
    typeof v === 'string' ? v : '',
  );
  if (items.some((v) => v.includes(','))) return undefined;
  while (items.length > 0 && items[items.length - 1] === '') items.pop();
  return items.length > 0 ? items.join(',') : undefined;
}
