import type { JsonObject } from '../types.js';
import { own } from '../table.js';
import { FEATURE_TO_EGW, FLAT_ADDRESS_KINDS, KIND_TO_NAME_TYPE } from './egroupware-vocabulary.js';

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function only(obj: JsonObject, keys: readonly string[]): boolean {
  return Object.keys(obj).every((k) => keys.includes(k) || obj[k] === undefined);
}

function renameSet(value: unknown, spelling: Readonly<Record<string, string>>): unknown {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) out[own(spelling, key) ?? key] = value[key];
  return out;
}

/**
 * Maps an `rfc` profile Card to the `egroupware` profile, the default JSON shape of the REST API
 * (DECISIONS.md; egroupware-behaviour.md §5.1, §5.2): NameComponent arrays with `type`
 * (`prefix`, `personal`, `additional`, `surname`, `suffix`), `fullName`, `emails.*.email`,
 * `phones.*.phone` (feature `cell`), `online` Resources, flat addresses with a StreetComponent
 * list, `photos`, string anniversary dates, `notes` as strings, `categories`, and groups as
 * `CardGroup` with `card` and `members`. Whatever the egroupware shapes cannot say without loss
 * (an ordered name, a note's author, a logo, vendor members, …) stays in its `rfc` shape, which
 * the lenient input reads back, so `egroupwareToRfc(rfcToEgroupware(card))` is `card`. Pure.
 *
 * @example
 * rfcToEgroupware({ '@type': 'Card', version: '1.0', uid: 'x', name: { full: 'Jane' }, emails: { e1: { address: 'j@x' } } })
 * // { '@type': 'Card', uid: 'x', fullName: 'Jane', emails: { e1: { '@type': 'EmailAddress', email: 'j@x' } } }
 */
export function rfcToEgroupware(card: JsonObject): JsonObject {
  const out: JsonObject = { '@type': 'Card' };
  for (const key of Object.keys(card)) {
    const value = card[key];
    if (value === undefined || key === '@type') continue;
    switch (key) {
      case 'version':
        if (value !== '1.0') out[key] = value;
        break;
      case 'name':
        writeName(out, value);
        break;
      case 'organizations':
        out[key] = mapEntries(value, writeOrganization);
        break;
      case 'titles':
        out[key] = mapEntries(value, writeTitle);
        break;
      case 'emails':
        out[key] = mapEntries(value, (v) => writeContact(v, 'EmailAddress', 'address', 'email'));
        break;
      case 'phones':
        out[key] = mapEntries(value, (v) => writeContact(v, 'Phone', 'number', 'phone'));
        break;
      case 'links':
        splitMap(out, value, 'online', 'links', writeOnline);
        break;
      case 'addresses':
        out[key] = mapEntries(value, writeAddress);
        break;
      case 'media':
        splitMap(out, value, 'photos', 'media', writePhoto);
        break;
      case 'anniversaries':
        out[key] = mapEntries(value, writeAnniversary);
        break;
      case 'notes':
        out[key] = writeNotes(value);
        break;
      case 'keywords':
        out['categories'] = value;
        break;
      default:
        out[key] = value;
    }
  }
  return card['kind'] === 'group' ? toCardGroup(out) : out;
}

/** §5.2: `{"@type": "CardGroup", uid, name, card: {…}, members}`. */
function toCardGroup(card: JsonObject): JsonObject {
  const inner: JsonObject = { '@type': 'Card' };
  for (const key of Object.keys(card)) if (!['@type', 'kind', 'members'].includes(key)) inner[key] = card[key];
  const group: JsonObject = { '@type': 'CardGroup', uid: card['uid'] };
  if (typeof card['fullName'] === 'string') group['name'] = card['fullName'];
  group['card'] = inner;
  group['members'] = card['members'] ?? {};
  return group;
}

function mapEntries(value: unknown, write: (v: unknown, key: string) => unknown): unknown {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) out[key] = write(value[key], key);
  return out;
}

/** Entries `write` can express go to `egwKey`; the others stay under `rfcKey`. */
function splitMap(out: JsonObject, value: unknown, egwKey: string, rfcKey: string, write: (v: JsonObject) => JsonObject | undefined): void {
  if (!isObject(value)) {
    out[rfcKey] = value;
    return;
  }
  for (const key of Object.keys(value)) {
    const v = value[key];
    const written = isObject(v) ? write(v) : undefined;
    const target = written ? egwKey : rfcKey;
    out[target] = { ...(isObject(out[target]) ? out[target] : {}), [key]: written ?? v };
  }
}

function writeName(out: JsonObject, name: unknown): void {
  if (!isObject(name)) {
    out['name'] = name;
    return;
  }
  const components = name['components'];
  const simple =
    only(name, ['components', 'full', '@type']) &&
    (components === undefined ||
      (Array.isArray(components) &&
        components.every((c) => isObject(c) && typeof c['value'] === 'string' && typeof c['kind'] === 'string' && only(c, ['kind', 'value', '@type']))));
  if (!simple) {
    out['name'] = name;
    return;
  }
  if (Array.isArray(components)) {
    out['name'] = (components as JsonObject[]).map((c) => ({
      '@type': 'NameComponent',
      type: KIND_TO_NAME_TYPE[String(c['kind'])] ?? c['kind'],
      value: c['value'],
    }));
  }
  if (name['full'] !== undefined) out['fullName'] = name['full'];
}

function writeOrganization(v: unknown): unknown {
  if (!isObject(v) || !only(v, ['name', 'units', '@type']) || (v['units'] !== undefined && !Array.isArray(v['units']))) return v;
  const units = v['units'] as unknown[] | undefined;
  if (units && !units.every((u) => isObject(u) && typeof u['name'] === 'string' && u['name'] !== '' && only(u, ['name', '@type']))) return v;
  const out: JsonObject = { '@type': 'Organization' };
  if (v['name'] !== undefined) out['name'] = v['name'];
  if (units && units.length > 0) {
    out['units'] = Object.fromEntries((units as JsonObject[]).map((u, i) => [i === 0 ? 'org_unit' : `org_unit_${i + 1}`, u['name']]));
  }
  return out;
}

function writeTitle(v: unknown, key: string): unknown {
  if (!isObject(v) || typeof v['name'] !== 'string' || !only(v, ['name', 'kind', 'organizationId', '@type'])) return v;
  const out: JsonObject = { '@type': 'Title', title: v['name'] };
  if (v['organizationId'] !== undefined) out['organization'] = v['organizationId'];
  // The egroupware profile tells a role by its key; a role under another key says so itself.
  if (v['kind'] === 'role' && key !== 'role') out['kind'] = 'role';
  if (v['kind'] === 'title' && key === 'role') out['kind'] = 'title';
  return out;
}

function writeContact(v: unknown, type: string, rfc: string, egw: string): unknown {
  if (!isObject(v) || typeof v[rfc] !== 'string' || v[egw] !== undefined) return v;
  const out: JsonObject = { '@type': type, [egw]: v[rfc] };
  for (const key of Object.keys(v)) {
    if (key === rfc || key === '@type') continue;
    out[key] = key === 'features' ? renameSet(v[key], FEATURE_TO_EGW) : v[key];
  }
  return out;
}

function writeOnline(v: JsonObject): JsonObject | undefined {
  if (typeof v['uri'] !== 'string' || v['kind'] !== undefined || v['resource'] !== undefined || v['type'] !== undefined) return undefined;
  const out: JsonObject = { '@type': 'Resource', resource: v['uri'], type: 'uri' };
  for (const key of Object.keys(v)) if (key !== 'uri' && key !== '@type') out[key] = v[key];
  return out;
}

function writePhoto(v: JsonObject): JsonObject | undefined {
  if (v['kind'] !== 'photo' || typeof v['uri'] !== 'string' || v['href'] !== undefined) return undefined;
  const out: JsonObject = { '@type': 'File', href: v['uri'] };
  for (const key of Object.keys(v)) if (!['uri', '@type', 'kind'].includes(key)) out[key] = v[key];
  return out;
}

function writeAddress(v: unknown): unknown {
  if (!isObject(v) || v['isOrdered'] === true || v['defaultSeparator'] !== undefined || v['street'] !== undefined) return v;
  if (FLAT_ADDRESS_KINDS.some((k) => v[k] !== undefined) || v['fullAddress'] !== undefined) return v;
  const components = v['components'];
  if (components !== undefined && !(Array.isArray(components) && components.every((c) => isObject(c) && typeof c['kind'] === 'string' && typeof c['value'] === 'string' && only(c, ['kind', 'value', '@type'])))) return v;
  const list = (components as JsonObject[] | undefined) ?? [];
  for (const kind of FLAT_ADDRESS_KINDS) if (list.filter((c) => c['kind'] === kind).length > 1) return v;
  const out: JsonObject = { '@type': 'Address' };
  const street = list.filter((c) => !FLAT_ADDRESS_KINDS.includes(String(c['kind'])));
  for (const kind of FLAT_ADDRESS_KINDS) {
    const c = list.find((x) => x['kind'] === kind);
    if (c) out[kind] = c['value'];
  }
  if (street.length > 0) out['street'] = street.map((c) => ({ '@type': 'StreetComponent', type: c['kind'], value: c['value'] }));
  for (const key of Object.keys(v)) {
    if (key === 'components' || key === '@type') continue;
    out[key === 'full' ? 'fullAddress' : key] = v[key];
  }
  return out;
}

function writeAnniversary(v: unknown): unknown {
  if (!isObject(v) || !isObject(v['date']) || typeof v['kind'] !== 'string' || v['type'] !== undefined) return v;
  const d = v['date'];
  const full = only(d, ['year', 'month', 'day', '@type']) && d['@type'] !== 'Timestamp' && [d['year'], d['month'], d['day']].every((n) => typeof n === 'number' && Number.isInteger(n));
  if (!full) return v;
  const pad = (n: unknown, w: number): string => String(n).padStart(w, '0');
  const out: JsonObject = { '@type': 'Anniversary', type: v['kind'], date: `${pad(d['year'], 4)}-${pad(d['month'], 2)}-${pad(d['day'], 2)}` };
  for (const key of Object.keys(v)) if (!['kind', 'date', '@type'].includes(key)) out[key] = v[key];
  return out;
}

/** Notes as an array of strings when they are plain and keyed k1, k2, … in order; else as they are. */
function writeNotes(value: unknown): unknown {
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  const plain = keys.every((k, i) => k === 'k' + (i + 1) && isObject(value[k]) && typeof (value[k] as JsonObject)['note'] === 'string' && only(value[k] as JsonObject, ['note', '@type']));
  return plain ? keys.map((k) => (value[k] as JsonObject)['note']) : value;
}
