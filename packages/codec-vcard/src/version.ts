import { VCARD3_DESIGN, VCARD4_DESIGN, type VCardDesign } from './design.js';
import { asciiLower, asciiUpper } from './content-line.js';
import type { JCard, JCardParams, JCardProperty, JCardValue } from './types.js';
import { INVALID, decodeAtom, encodeAtom } from './values.js';

/**
 * Media types of vCard 3.0 `TYPE` values on inline binary properties (RFC 2426 §3.1.4: IANA
 * image/audio subtypes; §3.7.2 KEY: PGP and X509).
 */
const KEY_MEDIA: Record<string, string> = nullProto({ pgp: 'application/pgp-keys', x509: 'application/pkix-cert' });
const MEDIA_KEY: Record<string, string> = nullProto({ 'application/pgp-keys': 'PGP', 'application/pkix-cert': 'X509' });
/** Lookup tables keyed by names from the input have no prototype ("constructor" is no key). */
function nullProto<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const NOT_MEDIA: ReadonlySet<string> = new Set(['work', 'home', 'pref', 'other']);
const MAIN_TYPE: Record<string, string> = nullProto({ photo: 'image', logo: 'image', sound: 'audio', key: 'application' });
const APPLE_NAMES: Record<string, string> = nullProto({ 'x-addressbookserver-kind': 'kind', 'x-addressbookserver-member': 'member' });
const DATE_PROPS: ReadonlySet<string> = new Set(['bday', 'anniversary', 'deathdate']);

/**
 * Converts a jCard between vCard 3.0 and 4.0 (2.1 input counts as 3.0), rewriting what the
 * versions spell differently so the text is valid and idiomatic in the target version:
 *
 * - `TYPE=pref` (3.0) ⇄ `PREF=1` (4.0); other PREF values stay a PREF parameter.
 * - Inline binaries `PHOTO;ENCODING=b;TYPE=JPEG:…` (3.0) ⇄ `data:image/jpeg;base64,…` URIs (4.0),
 *   for PHOTO, LOGO, SOUND and KEY.
 * - Apple's `X-ADDRESSBOOKSERVER-KIND:group`/`-MEMBER` (3.0) ⇄ `KIND:group`/`MEMBER` (4.0).
 * - TEL: 3.0 `phone-number` ⇄ 4.0 `text`; a 4.0 `tel:` URI becomes a 3.0 phone number.
 * - GEO: 3.0 `lat;lon` floats ⇄ 4.0 `geo:lat,lon` URI; REV: date-time ⇄ timestamp; BDAY:
 *   date / date-time ⇄ date-and-or-time.
 *
 * Everything else (groups, unknown properties and parameters) is copied unchanged; a card
 * already in the target version only gets its VERSION set (2.1 counts as 3.0). The input
 * is not modified; unchanged properties are shared with it. Never throws.
 *
 * @example
 * convertVCardVersion(parsed3, '4.0') // VERSION 4.0, TYPE=pref → PREF=1, ENCODING=b photos → data: URIs
 */
export function convertVCardVersion(card: JCard, target: '3.0' | '4.0'): JCard {
  const props = Array.isArray(card) && Array.isArray(card[1]) ? card[1] : [];
  const versionProp = props.find((p) => Array.isArray(p) && p[0] === 'version');
  const source = versionProp && String(versionProp[3]) === '4.0' ? '4.0' : '3.0';
  const rewrite = source === target ? (p: JCardProperty) => p : target === '4.0' ? upgrade : downgrade;
  const out: JCardProperty[] = [];
  let hasVersion = false;
  for (const p of props) {
    if (!Array.isArray(p) || typeof p[0] !== 'string' || p.length < 3) continue;
    if (p[0] === 'version') {
      if (hasVersion) continue;
      hasVersion = true;
      out.push(['version', { ...safeParams(p[1]) }, 'text', target]);
      continue;
    }
    out.push(rewrite(p));
  }
  if (!hasVersion) out.unshift(['version', {}, 'text', target]);
  return ['vcard', out, []];
}

function safeParams(params: unknown): JCardParams {
  return params !== null && typeof params === 'object' && !Array.isArray(params) ? (params as JCardParams) : {};
}

function typeValues(params: JCardParams): string[] {
  const t = params['type'];
  return t === undefined ? [] : Array.isArray(t) ? t.map(String) : [String(t)];
}

function setTypes(params: JCardParams, types: string[]): void {
  if (types.length === 0) delete params['type'];
  else params['type'] = types.length === 1 ? types[0]! : types;
}

/** Value types a 3.0 property may have to change (see {@link upgrade}). */
const UPGRADED_TYPES: ReadonlySet<string> = new Set(['url', 'phone-number', 'float', 'date', 'time', 'date-time', 'date-and-or-time', 'timestamp', 'utc-offset']);

function hasPrefType(params: JCardParams): boolean {
  const t = params['type'];
  if (typeof t === 'string') return t.length === 4 && asciiLower(t) === 'pref';
  return Array.isArray(t) && t.some((v) => typeof v === 'string' && v.length === 4 && asciiLower(v) === 'pref');
}

function upgrade(p: JCardProperty): JCardProperty {
  // Most properties stay as they are: no copy for them (this runs for every 3.0 card converted).
  const quick = safeParams(p[1]);
  if (APPLE_NAMES[p[0]] === undefined && quick['encoding'] === undefined && !hasPrefType(quick)) {
    if (!UPGRADED_TYPES.has(p[2])) return p;
    // Only the value type's name changes (TEL, REV, BDAY, URL of most 3.0 cards).
    const t = p[2];
    const renamed =
      t === 'url' ? 'uri'
      : p[0] === 'tel' && t === 'phone-number' ? 'text'
      : p[0] === 'rev' && t === 'date-time' ? 'timestamp'
      : DATE_PROPS.has(p[0]) && (t === 'date' || t === 'date-time') ? 'date-and-or-time'
      : undefined;
    if (renamed !== undefined && p.length === 4 && typeof p[3] === 'string' && (!TEMPORAL.has(renamed) || PLAIN_DATE_TIME.test(p[3]))) {
      return [p[0], p[1], renamed, p[3]];
    }
  }
  const name = APPLE_NAMES[p[0]] ?? p[0];
  let type = p[2];
  const values = p.slice(3) as JCardValue[];
  let params = safeParams(p[1]);
  let changed = name !== p[0];
  const types = typeValues(params);
  const prefIndex = types.findIndex((t) => asciiLower(t) === 'pref');
  if (prefIndex !== -1) {
    params = { ...params };
    types.splice(prefIndex, 1);
    setTypes(params, types);
    if (params['pref'] === undefined) params['pref'] = '1';
    changed = true;
  }
  const encoding = typeof params['encoding'] === 'string' ? asciiLower(params['encoding']) : undefined;
  if ((encoding === 'b' || encoding === 'base64') && MAIN_TYPE[name] && (type === 'binary' || type === 'unknown') && typeof values[0] === 'string') {
    params = { ...params };
    delete params['encoding'];
    const rest = typeValues(params);
    // The media type is the first TYPE value that is not a context (PHOTO;TYPE=WORK,JPEG).
    const at = rest.findIndex((t) => !NOT_MEDIA.has(asciiLower(t)));
    const mediaToken = at === -1 ? undefined : rest.splice(at, 1)[0];
    setTypes(params, rest);
    const media = mediaTypeOf(name, mediaToken);
    values[0] = `data:${media};base64,${values[0].replace(/\s+/g, '')}`;
    type = 'uri';
    changed = true;
  } else if (type === 'url' || (name === 'kind' && p[0] !== name) || (name === 'member' && p[0] !== name)) {
    type = name === 'kind' ? 'text' : 'uri';
    changed = true;
  } else if (name === 'tel' && type === 'phone-number') {
    type = 'text';
    changed = true;
  } else if (name === 'geo' && type === 'float' && Array.isArray(values[0]) && values[0].length === 2) {
    values[0] = `geo:${values[0][0]},${values[0][1]}`;
    type = 'uri';
    changed = true;
  } else if (name === 'rev' && type === 'date-time') {
    type = 'timestamp';
    changed = true;
  } else if (DATE_PROPS.has(name) && (type === 'date' || type === 'date-time')) {
    type = 'date-and-or-time';
    changed = true;
  }
  if (retype(values, type, VCARD3_DESIGN, VCARD4_DESIGN)) changed = true;
  return changed ? [name, params, type, ...values] : p;
}

const PLAIN_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$/;

const TEMPORAL: ReadonlySet<string> = new Set(['date', 'time', 'date-time', 'date-and-or-time', 'timestamp', 'utc-offset']);

/**
 * Dates, times and offsets are kept in different forms by the two versions' readers (3.0 has no
 * DATE-AND-OR-TIME codec and keeps "+0100" as written): write each with the source version's
 * rules and read it with the target's, so the target writes it back correctly.
 */
function retype(values: JCardValue[], type: string, from: VCardDesign, to: VCardDesign): boolean {
  if (!TEMPORAL.has(type)) return false;
  let changed = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // A complete date or UTC date-time is spelled alike by both versions' codecs (the common
    // case); 3.0 has no DATE-AND-OR-TIME codec and keeps such values as written.
    if (typeof v !== 'string' || ((type === 'date' || type === 'date-time' || type === 'timestamp') && PLAIN_DATE_TIME.test(v))) continue;
    const again = decodeAtom(encodeAtom(v, type, from, false), type, to);
    if (again !== INVALID && again !== v) {
      values[i] = again;
      changed = true;
    }
  }
  return changed;
}

/** Properties whose name, value type or value may change from 4.0 to 3.0 (see {@link downgrade}). */
const DOWNGRADED_NAMES: ReadonlySet<string> = new Set(['kind', 'member', 'photo', 'logo', 'sound', 'key', 'tel', 'geo', 'rev', 'bday']);

function downgrade(p: JCardProperty): JCardProperty {
  // Most properties stay as they are: no copy for them.
  if (safeParams(p[1])['pref'] === undefined && p[2] !== 'url' && !DOWNGRADED_NAMES.has(p[0]) && !TEMPORAL.has(p[2])) return p;
  let name = p[0];
  let type = p[2];
  const values = p.slice(3) as JCardValue[];
  let params = safeParams(p[1]);
  let changed = false;
  if (params['pref'] !== undefined && String(params['pref']) === '1') {
    params = { ...params };
    delete params['pref'];
    setTypes(params, [...typeValues(params), 'pref']);
    changed = true;
  }
  if (type === 'url') {
    type = 'uri';
    changed = true;
  }
  if ((name === 'kind' && typeof values[0] === 'string' && asciiLower(values[0]) === 'group') || name === 'member') {
    // Apple's spelling of groups in vCard 3.0; other kinds stay KIND (3.0 has no kind at all).
    name = name === 'kind' ? 'x-addressbookserver-kind' : 'x-addressbookserver-member';
    type = 'unknown';
    changed = true;
  } else if (MAIN_TYPE[name] && type === 'uri' && typeof values[0] === 'string' && /^data:[^,]*;base64,/i.test(values[0])) {
    const uri = values[0];
    const comma = uri.indexOf(',');
    const media = asciiLower(uri.slice(5, uri.lastIndexOf(';', comma)));
    params = { ...params, encoding: 'b' };
    const token =
      media === 'application/octet-stream' ? undefined : name === 'key' ? (MEDIA_KEY[media] ?? (media.startsWith('application/') ? asciiUpper(media.slice(12)) : media)) : asciiUpper(media.split('/')[1] ?? '');
    if (token) setTypes(params, [token, ...typeValues(params)]);
    values[0] = uri.slice(comma + 1);
    type = 'binary';
    changed = true;
  } else if (name === 'tel' && (type === 'text' || (type === 'uri' && typeof values[0] === 'string' && /^tel:/i.test(values[0])))) {
    if (type === 'uri') values[0] = String(values[0]).slice(4);
    type = 'phone-number';
    changed = true;
  } else if (name === 'geo' && type === 'uri' && typeof values[0] === 'string') {
    const m = /^geo:([+-]?\d+(?:\.\d+)?),([+-]?\d+(?:\.\d+)?)$/i.exec(values[0]);
    if (m) {
      values[0] = [Number(m[1]), Number(m[2])];
      type = 'float';
      changed = true;
    }
  } else if (name === 'rev' && type === 'timestamp') {
    type = 'date-time';
    changed = true;
  } else if (name === 'bday' && type === 'date-and-or-time' && typeof values[0] === 'string') {
    // RFC 2426 §3.1.5 BDAY is a date or date-time; ANNIVERSARY and DEATHDATE are not 3.0
    // properties and keep their 4.0 type.
    type = values[0].includes('T') ? 'date-time' : 'date';
    changed = true;
  }
  if (retype(values, type, VCARD4_DESIGN, VCARD3_DESIGN)) changed = true;
  return changed ? [name, params, type, ...values] : p;
}

function mediaTypeOf(name: string, token: string | undefined): string {
  const main = MAIN_TYPE[name] ?? 'application';
  if (token === undefined || token.length === 0) return 'application/octet-stream';
  const lower = asciiLower(token);
  if (lower.includes('/')) return lower;
  if (name === 'key') return KEY_MEDIA[lower] ?? `application/${lower}`;
  return `${main}/${lower}`;
}
