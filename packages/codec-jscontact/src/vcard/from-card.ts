import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import { attachVCardParams, keepProperty, objectAt, paramList, type FromContext } from './from-context.js';
import { vcardTimestampToUtc } from './object-specs.js';
import { table } from '../table.js';

/** Card members that come from one vCard property each (RFC 9555 §2.3–2.13). */
export interface SingleSpec {
  member: readonly string[];
  /** Accepted value types; the first is the one written back. */
  types: readonly string[];
  read(value: string): string | undefined;
}

const verbatim = (v: string): string | undefined => (v === '' ? undefined : v);
const lower = (v: string): string | undefined => (v === '' ? undefined : v.toLowerCase());

/**
 * Properties that set one member of the Card. A second one (the member is already set) stays in
 * vCardProps. One with parameters or another value type converts and is also kept verbatim in
 * vCardProps, and converting back writes that copy as long
 * as it still says what the member says (see `singleIsShadowed`).
 */
export const SINGLE_SPECS: Readonly<Record<string, SingleSpec>> = table<SingleSpec>({
  uid: { member: ['uid'], types: ['text', 'uri'], read: verbatim },
  kind: { member: ['kind'], types: ['text'], read: lower },
  prodid: { member: ['prodId'], types: ['text'], read: verbatim },
  rev: { member: ['updated'], types: ['timestamp'], read: (v) => vcardTimestampToUtc(v) },
  created: { member: ['created'], types: ['timestamp'], read: (v) => vcardTimestampToUtc(v) },
  language: { member: ['language'], types: ['language-tag', 'text'], read: verbatim },
  gramgender: { member: ['speakToAs', 'grammaticalGender'], types: ['text'], read: lower },
});

/** RFC 9555 §2.3.2 (KIND), §2.13 (UID, PRODID, REV), RFC 9554 (CREATED, LANGUAGE, GRAMGENDER). */
export function convertSingle(prop: JCardProperty, spec: SingleSpec, ctx: FromContext): boolean {
  if (prop.length !== 4 || typeof prop[3] !== 'string' || !spec.types.includes(prop[2])) return false;
  const value = spec.read(prop[3]);
  if (value === undefined) return false;
  const parent = objectAt(ctx.card, spec.member.slice(0, -1));
  const key = spec.member[spec.member.length - 1]!;
  // The uid member is there from the start (to come first in the Card), empty until set.
  if (parent[key] !== undefined && !(key === 'uid' && parent[key] === '')) return false;
  parent[key] = value;
  // KIND and GRAMGENDER values are case-insensitive tokens: their case is not kept. A timestamp
  // with a UTC offset is kept as written (the member holds the same instant in UTC).
  if (isShadow(prop, spec)) keepProperty(ctx, prop);
  return true;
}

/**
 * Whether a converted singular property is also kept verbatim in vCardProps (a "shadow"): it has
 * parameters, another value type, or a timestamp with a UTC offset. Converting back writes the
 * shadow instead of a new property while the member still says the same.
 */
export function isShadow(prop: readonly unknown[], spec: SingleSpec): boolean {
  const params = prop[1] as Record<string, unknown>;
  const offset = spec.types[0] === 'timestamp' && typeof prop[3] === 'string' && /[+-]\d{2}(:?\d{2})?$/.test(prop[3]);
  return Object.keys(params).length > 0 || prop[2] !== spec.types[0] || offset;
}

/** RFC 9555 §2.9.4 MEMBER: a key of `members` (with parameters also kept in vCardProps). */
export function convertMember(prop: JCardProperty, ctx: FromContext): boolean {
  if (prop.length !== 4 || typeof prop[3] !== 'string' || prop[3] === '' || prop[2] === 'unknown') return false;
  const members = objectAt(ctx.card, ['members']);
  if (members[prop[3]] !== undefined) return false;
  members[prop[3]] = true;
  if (Object.keys(prop[1]).length > 0 || prop[2] !== 'uri') keepProperty(ctx, prop);
  return true;
}

/** RFC 9555 §2.11.1 CATEGORIES: keys of `keywords` (with parameters also kept in vCardProps). */
export function convertCategories(prop: JCardProperty, ctx: FromContext): boolean {
  if (prop[2] !== 'text') return false;
  const values = prop.slice(3);
  if (!values.every((v): v is string => typeof v === 'string')) return false;
  const keywords = objectAt(ctx.card, ['keywords']);
  // Every keyword is in `keywords`; a CATEGORIES that the plain one written back from them would
  // not give (parameters, empty or repeated values) is kept too, and covers its keywords then.
  const verbatim = Object.keys(prop[1]).length > 0 || values.some((v) => v === '' || keywords[v] !== undefined) || new Set(values).size !== values.length;
  for (const v of values) if (v !== '') keywords[v] = true;
  if (Object.keys(keywords).length === 0) delete ctx.card['keywords'];
  if (verbatim) keepProperty(ctx, prop);
  return true;
}

/**
 * RFC 9555 §2.9.5 RELATED: the value is a key of `relatedTo`, TYPE values the relation set
 * (lowercase); other parameters become the Relation's vCardParams. A repeated value is kept in
 * vCardProps.
 */
export function convertRelated(prop: JCardProperty, ctx: FromContext): boolean {
  if (prop.length !== 4 || typeof prop[3] !== 'string' || prop[3] === '' || (prop[2] !== 'uri' && prop[2] !== 'text')) return false;
  const related = objectAt(ctx.card, ['relatedTo']);
  if (related[prop[3]] !== undefined) return false;
  const relation: Record<string, true> = {};
  const leftover: JCardParams = {};
  for (const key of Object.keys(prop[1])) {
    if (key === 'type') for (const t of paramList(prop[1][key])) relation[t.toLowerCase()] = true;
    else leftover[key] = prop[1][key]!;
  }
  const natural = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(prop[3]) ? 'uri' : 'text';
  if (prop[2] !== natural) leftover['value'] = prop[2];
  const obj: JsonObject = { relation };
  attachVCardParams(obj, leftover);
  related[prop[3]] = obj;
  return true;
}

/**
 * RFC 9555 §3.2.1 JSPROP: a JSON value for the path in JSPTR. Returns the patch entry, or
 * `undefined` (the property stays in vCardProps) when the value is not JSON or JSPTR is missing.
 */
export function readJsprop(prop: JCardProperty): [string, unknown] | undefined {
  const ptr = prop[1]['jsptr'];
  if (typeof ptr !== 'string' || ptr === '' || prop.length !== 4 || typeof prop[3] !== 'string') return undefined;
  for (const key of Object.keys(prop[1])) if (key !== 'jsptr') return undefined;
  if (prop[2] !== 'text') return undefined;
  try {
    return [ptr.startsWith('/') ? ptr.slice(1) : ptr, JSON.parse(prop[3]) as unknown];
  } catch {
    return undefined;
  }
}

export { keepProperty };
