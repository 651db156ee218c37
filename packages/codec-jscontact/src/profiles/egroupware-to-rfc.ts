import type { Issue, JsonObject } from '../types.js';
import { own } from '../table.js';
import {
  CONTEXT_TO_RFC,
  FEATURE_TO_RFC,
  FLAT_ADDRESS_KINDS,
  NAME_OBJECT_ORDER,
  NAME_TYPE_TO_KIND,
  STREET_TYPE_TO_KIND,
} from './egroupware-vocabulary.js';

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Copies an object without the given members. */
function without(obj: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(obj)) if (!keys.includes(key)) out[key] = obj[key];
  return out;
}

/**
 * Maps a card in the `egroupware` profile, or in the `rfc` profile, or any mix of them (lenient
 * input, DECISIONS.md "JSON shapes"), to the `rfc` profile. Every member is read in whichever
 * shape it comes: `name` as a NameComponent array (with the older draft names), a Name object or
 * a relaxed `{"given": …}` object; `fullName` as a string or `{value}`; scalars where objects are
 * expected (`"emails": {"work": "a@b"}`); `CardGroup` with `card` as a group Card. Members it
 * does not know are kept as they are; values it cannot read are kept too (validation reports
 * them). Problems that are not errors go to `warnings`. Pure: the input is not modified.
 *
 * @example
 * egroupwareToRfc({ name: [{ type: 'personal', value: 'Jane' }], emails: { work: 'jane@example.com' } }, [])
 * // { '@type': 'Card', version: '1.0', name: { components: [{ kind: 'given', value: 'Jane' }] },
 * //   emails: { work: { address: 'jane@example.com' } } }
 */
export function egroupwareToRfc(input: JsonObject, warnings: Issue[]): JsonObject {
  let source = input;
  const isGroup = input['@type'] === 'CardGroup';
  if (isGroup) {
    // §5.2: a CardGroup's `card` holds the group's own properties.
    source = { ...(isObject(input['card']) ? input['card'] : {}), ...without(input, ['card', '@type', 'name']) };
    if (typeof input['name'] === 'string') source['fullName'] ??= input['name'];
    else if (input['name'] !== undefined) source['name'] = input['name'];
  }
  const out: JsonObject = { '@type': 'Card', version: typeof source['version'] === 'string' ? source['version'] : '1.0' };
  if (isGroup) out['kind'] = 'group';
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined || key === '@type' || key === 'version') continue;
    if (isGroup && key === 'kind') continue;
    switch (key) {
      case 'name':
        mergeName(out, readName(value));
        break;
      case 'fullName': {
        const full = typeof value === 'string' ? value : isObject(value) && typeof value['value'] === 'string' ? value['value'] : undefined;
        if (full === undefined) out['fullName'] = value;
        else if (full !== '') mergeName(out, { full });
        break;
      }
      case 'organizations':
        out[key] = mapEntries(value, readOrganization);
        break;
      case 'titles':
        out[key] = mapEntries(value, readTitle);
        break;
      case 'emails':
        out[key] = mapEntries(value, (v) => readContact(v, 'email', 'address'));
        break;
      case 'phones':
        out[key] = mapEntries(value, (v) => readContact(v, 'phone', 'number'));
        break;
      case 'online':
        out['links'] = { ...(isObject(out['links']) ? out['links'] : {}), ...(mapEntries(value, readOnline) as JsonObject) };
        break;
      case 'addresses':
        out[key] = mapEntries(value, readAddress);
        break;
      case 'photos':
        out['media'] = { ...(isObject(out['media']) ? out['media'] : {}), ...(mapEntries(value, readPhoto) as JsonObject) };
        break;
      case 'anniversaries':
        out[key] = mapEntries(value, readAnniversary, warnings);
        break;
      case 'notes':
        out[key] = readNotes(value);
        break;
      case 'categories':
        out['keywords'] = { ...(isObject(out['keywords']) ? out['keywords'] : {}), ...(readSet(value) as JsonObject) };
        break;
      case 'keywords':
        out['keywords'] = { ...(isObject(out['keywords']) ? out['keywords'] : {}), ...(readSet(value) as JsonObject) };
        break;
      case 'members':
        out[key] = readSet(value);
        break;
      case 'links':
      case 'media':
        out[key] = isObject(out[key]) && isObject(value) ? { ...value, ...(out[key] as JsonObject) } : value;
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}

function mergeName(out: JsonObject, name: unknown): void {
  if (!isObject(name)) {
    out['name'] = name;
    return;
  }
  out['name'] = isObject(out['name']) ? { ...(out['name'] as JsonObject), ...name } : name;
}

/** Each entry of a map read with `read`; a map that is not an object is kept for validation. */
function mapEntries(value: unknown, read: (v: unknown, key: string, warnings: Issue[]) => unknown, warnings: Issue[] = []): unknown {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) out[key] = read(value[key], key, warnings);
  return out;
}

/** contexts with `home` read as `private`; features with `cell` read as `mobile`. */
function readSetWith(value: unknown, spelling: Readonly<Record<string, string>>): unknown {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) out[own(spelling, key) ?? key] = value[key];
  return out;
}

function readSet(value: unknown): unknown {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return Object.fromEntries(value.map((v) => [v, true]));
  if (typeof value === 'string') return Object.fromEntries(value.split(',').map((v) => v.trim()).filter((v) => v !== '').map((v) => [v, true]));
  return value;
}

function readName(value: unknown): unknown {
  if (typeof value === 'string') return { full: value };
  if (Array.isArray(value)) return { components: value.map(readNameComponent) };
  if (!isObject(value)) return value;
  if (['components', 'full', 'isOrdered', 'sortAs', 'defaultSeparator', 'phoneticSystem', 'phoneticScript', '@type'].some((k) => k in value)) {
    const name = { ...value };
    if (Array.isArray(name['components'])) name['components'] = name['components'].map(readNameComponent);
    return name;
  }
  // Relaxed: {"given": "A", "surname": "B"} (or the flat "name/personal" members).
  const components: JsonObject[] = [];
  for (const type of NAME_OBJECT_ORDER) {
    const v = value[type];
    if (typeof v === 'string' && v !== '') components.push({ kind: NAME_TYPE_TO_KIND[type]!, value: v });
  }
  const rest = without(value, NAME_OBJECT_ORDER);
  return components.length > 0 ? { ...rest, components } : value;
}

function readNameComponent(c: unknown): unknown {
  if (!isObject(c)) return c;
  const out = without(c, ['type', '@type']);
  const type = typeof c['kind'] === 'string' ? c['kind'] : typeof c['type'] === 'string' ? c['type'] : undefined;
  if (type !== undefined) out['kind'] = NAME_TYPE_TO_KIND[type] ?? type;
  return out;
}

function readOrganization(v: unknown): unknown {
  if (typeof v === 'string') return { name: v };
  if (!isObject(v)) return v;
  const out = without(v, ['@type']);
  const units = v['units'];
  if (isObject(units)) out['units'] = Object.values(units).filter((u): u is string => typeof u === 'string' && u !== '').map((name) => ({ name }));
  else if (typeof units === 'string') out['units'] = units === '' ? [] : [{ name: units }];
  if (Array.isArray(out['units']) && out['units'].length === 0) delete out['units'];
  if (v['contexts'] !== undefined) out['contexts'] = readSetWith(v['contexts'], CONTEXT_TO_RFC);
  return out;
}

function readTitle(v: unknown, key: string): unknown {
  if (typeof v === 'string') return key === 'role' ? { kind: 'role', name: v } : { name: v };
  if (!isObject(v)) return v;
  const out = without(v, ['@type', 'title', 'organization']);
  if (typeof v['title'] === 'string' && out['name'] === undefined) out['name'] = v['title'];
  if (v['organization'] !== undefined && out['organizationId'] === undefined) out['organizationId'] = v['organization'];
  if (out['kind'] === undefined && key === 'role') out['kind'] = 'role';
  return out;
}

/** emails (`email` → `address`) and phones (`phone` → `number`, feature `cell` → `mobile`). */
function readContact(v: unknown, egw: string, rfc: string): unknown {
  if (typeof v === 'string') return { [rfc]: v };
  if (!isObject(v)) return v;
  const out = without(v, ['@type', egw]);
  if (v[egw] !== undefined && out[rfc] === undefined) out[rfc] = v[egw];
  if (v['contexts'] !== undefined) out['contexts'] = readSetWith(v['contexts'], CONTEXT_TO_RFC);
  if (v['features'] !== undefined) out['features'] = readSetWith(v['features'], FEATURE_TO_RFC);
  return out;
}

/** §5.1 `online`: Resource `{resource, type: "uri"}` → Link `{uri}`. */
function readOnline(v: unknown): unknown {
  if (typeof v === 'string') return { uri: v };
  if (!isObject(v)) return v;
  const out = without(v, ['@type', 'resource']);
  if (v['resource'] !== undefined && out['uri'] === undefined) out['uri'] = v['resource'];
  if (out['type'] === 'uri') delete out['type'];
  if (v['contexts'] !== undefined) out['contexts'] = readSetWith(v['contexts'], CONTEXT_TO_RFC);
  return out;
}

/** §5.1 `photos`: File `{href, mediaType}` → Media `{kind: "photo", uri}`. */
function readPhoto(v: unknown): unknown {
  if (typeof v === 'string') return { kind: 'photo', uri: v };
  if (!isObject(v)) return v;
  const out = without(v, ['@type', 'href']);
  if (v['href'] !== undefined && out['uri'] === undefined) out['uri'] = v['href'];
  out['kind'] ??= 'photo';
  return out;
}

/** §5.1 `addresses`: flat members and a StreetComponent list (or string) → components. */
function readAddress(v: unknown): unknown {
  if (typeof v === 'string') return { full: v };
  if (!isObject(v)) return v;
  const out = without(v, ['@type', 'street', 'fullAddress', ...FLAT_ADDRESS_KINDS]);
  if (v['contexts'] !== undefined) out['contexts'] = readSetWith(v['contexts'], CONTEXT_TO_RFC);
  if (v['fullAddress'] !== undefined && out['full'] === undefined) out['full'] = v['fullAddress'];
  const flat = FLAT_ADDRESS_KINDS.filter((k) => v[k] !== undefined);
  if (v['street'] === undefined && flat.length === 0) return out;
  const components: unknown[] = Array.isArray(out['components']) ? [...out['components']] : [];
  const street = v['street'];
  if (typeof street === 'string') {
    street.split('\n').forEach((line, i) => {
      if (i > 0) components.push({ kind: 'separator', value: '\n' });
      if (line !== '') components.push({ kind: 'name', value: line });
    });
  } else if (Array.isArray(street)) {
    for (const s of street) {
      if (!isObject(s)) {
        components.push(s);
        continue;
      }
      const type = typeof s['kind'] === 'string' ? s['kind'] : typeof s['type'] === 'string' ? s['type'] : 'name';
      components.push({ ...without(s, ['@type', 'type']), kind: STREET_TYPE_TO_KIND[type] ?? type });
    }
  } else if (street !== undefined) {
    out['street'] = street;
  }
  for (const kind of flat) {
    if (typeof v[kind] === 'string') {
      if (v[kind] !== '') components.push({ kind, value: v[kind] });
    } else {
      out[kind] = v[kind];
    }
  }
  if (components.length > 0) out['components'] = components;
  return out;
}

/**
 * §5.1 `anniversaries`: `{type, date: "YYYY-MM-DD"}` (relaxed also `dd.mm.yyyy` and
 * `mm/dd/yyyy`) → `{kind, date: PartialDate}`.
 */
function readAnniversary(v: unknown, key: string, warnings: Issue[]): unknown {
  if (typeof v === 'string') return readAnniversary({ type: key === 'bday' ? 'birth' : key, date: v }, key, warnings);
  if (!isObject(v)) return v;
  const out = without(v, ['@type', 'type']);
  const kind = typeof v['kind'] === 'string' ? v['kind'] : typeof v['type'] === 'string' ? v['type'] : undefined;
  if (kind !== undefined) out['kind'] = kind;
  if (typeof v['date'] === 'string') {
    const date = readDateString(v['date']);
    if (date) out['date'] = date;
    else warnings.push({ code: 'jscontact/invalid-date', path: `/anniversaries/${key}/date`, message: `"${v['date']}" is not a date` });
  }
  return out;
}

/** `YYYY-MM-DD`, `--MM-DD`, `YYYY-MM`, `dd.mm.yyyy` or `mm/dd/yyyy` as a PartialDate. */
export function readDateString(text: string): JsonObject | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^--(\d{2})-(\d{2})$/.exec(text);
  if (m) return { month: Number(m[1]), day: Number(m[2]) };
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return { year: Number(m[3]), month: Number(m[1]), day: Number(m[2]) };
  m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text);
  if (m) return { '@type': 'Timestamp', utc: text };
  return undefined;
}

/** §5.1 `notes`: an array (or object) of strings → Notes `k1`, `k2`, … (or by their keys). */
function readNotes(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? {} : { k1: { note: value } };
  if (Array.isArray(value)) {
    const out: JsonObject = {};
    value.forEach((v, i) => {
      out['k' + (i + 1)] = typeof v === 'string' ? { note: v } : v;
    });
    return out;
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = typeof value[key] === 'string' ? { note: value[key] } : value[key];
    return out;
  }
  return value;
}
