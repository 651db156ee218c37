import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import { SINGLE_SPECS } from './from-card.js';
import { orgSortAs } from './from-org.js';
import { looksLikeUri, utcToVcardTimestamp } from './object-specs.js';
import { addJsprop, addTypes, groupOf, isObject, keepEmpty, pathOf, vcardParamsOf, vcardParamsValid, type ToContext } from './to-context.js';
import { writeObject, writeSet, writeUnknownMembers } from './to-objects.js';

/** vCard text of each single-valued Card member (the reverse of SINGLE_SPECS). */
const SINGLE_WRITE: Readonly<Record<string, (v: string) => string | undefined>> = {
  uid: (v) => v,
  kind: (v) => v,
  prodid: (v) => v,
  rev: (v) => utcToTimestampJcard(v),
  created: (v) => utcToTimestampJcard(v),
  language: (v) => v,
  gramgender: (v) => v,
};

function utcToTimestampJcard(v: string): string | undefined {
  return utcToVcardTimestamp(v) !== undefined ? v : undefined;
}

/**
 * A Card member that is one vCard property (UID, KIND, PRODID, REV, CREATED, LANGUAGE,
 * GRAMGENDER). Not written when vCardProps keeps that property with the same meaning (it had
 * parameters or another spelling); written as JSPROP when vCard cannot hold the value.
 */
export function writeSingle(ctx: ToContext, vcardName: string, value: unknown): void {
  if (value === undefined) return;
  const spec = SINGLE_SPECS[vcardName]!;
  const path = spec.member;
  const text = typeof value === 'string' ? SINGLE_WRITE[vcardName]!(value) : undefined;
  if (text === undefined) {
    addJsprop(ctx, path, value);
    return;
  }
  for (const kept of ctx.kept) {
    if (kept[0] === vcardName && typeof kept[3] === 'string' && spec.read(kept[3]) === value) return;
  }
  ctx.props.push([vcardName, {}, spec.types[0]!, text]);
}

/** MEMBER per `members` key (RFC 9555 §2.9.4); values other than `true` go to JSPROP. */
export function writeMembers(ctx: ToContext, members: unknown): void {
  if (members === undefined) return;
  if (keepEmpty(ctx, ['members'], members)) return;
  if (!isObject(members)) return addJsprop(ctx, ['members'], members);
  const kept = new Set(ctx.kept.filter((p) => p[0] === 'member' && (Object.keys(p[1]).length > 0 || p[2] !== 'uri')).map((p) => p[3]));
  for (const key of Object.keys(members)) {
    if (members[key] !== true) addJsprop(ctx, ['members', key], members[key]);
    else if (!kept.has(key)) ctx.props.push(['member', {}, 'uri', key]);
  }
}

/** One CATEGORIES with every keyword (RFC 9555 §2.11.1) not already in a kept CATEGORIES. */
export function writeKeywords(ctx: ToContext, keywords: unknown): void {
  if (keywords === undefined) return;
  if (keepEmpty(ctx, ['keywords'], keywords)) return;
  if (!isObject(keywords)) return addJsprop(ctx, ['keywords'], keywords);
  const kept = new Set(ctx.kept.filter((p) => p[0] === 'categories').flatMap((p) => p.slice(3)));
  const values: string[] = [];
  for (const key of Object.keys(keywords)) {
    if (keywords[key] !== true || key === '') addJsprop(ctx, ['keywords', key], keywords[key]);
    else if (!kept.has(key)) values.push(key);
  }
  if (values.length > 0) ctx.props.push(['categories', {}, 'text', ...values]);
}

/** RELATED per `relatedTo` entry, TYPE from its relation set (RFC 9555 §2.9.5). */
export function writeRelatedTo(ctx: ToContext, related: unknown): void {
  if (related === undefined) return;
  if (keepEmpty(ctx, ['relatedTo'], related)) return;
  if (!isObject(related)) return addJsprop(ctx, ['relatedTo'], related);
  for (const key of Object.keys(related)) {
    const r = related[key];
    const path = ['relatedTo', key];
    if (!isObject(r) || key === '') {
      addJsprop(ctx, path, r);
      continue;
    }
    const types: string[] = [];
    const spelling: Record<string, string> = {};
    if (isObject(r['relation'])) for (const t of Object.keys(r['relation'])) spelling[t] = t;
    writeSet(ctx, path, 'relation', r['relation'] ?? {}, spelling, types, true);
    writeUnknownMembers(ctx, r, path, new Set(['@type', 'relation', 'vCardParams']));
    if (!vcardParamsValid(r)) addJsprop(ctx, [...path, 'vCardParams'], r['vCardParams']);
    const params: JCardParams = vcardParamsOf(r);
    addTypes(params, types);
    const type = typeof params['value'] === 'string' ? params['value'] : looksLikeUri(key) ? 'uri' : 'text';
    delete params['value'];
    ctx.props.push(['related', params, type, key]);
    if (r['relation'] === undefined) addJsprop(ctx, [...path, 'relation'], null);
  }
}

/**
 * ORG per Organization (RFC 9555 §2.9.7): name then units, SORT-AS from the sortAs members.
 * Returns the property of each, by id, so titles can share its group.
 */
export function writeOrganizations(ctx: ToContext, orgs: unknown): Map<string, JCardProperty> {
  const out = new Map<string, JCardProperty>();
  if (orgs === undefined) return out;
  if (keepEmpty(ctx, ['organizations'], orgs)) return out;
  if (!isObject(orgs)) {
    addJsprop(ctx, ['organizations'], orgs);
    return out;
  }
  for (const id of Object.keys(orgs)) {
    const o = orgs[id];
    const path = ['organizations', id];
    const units = isObject(o) ? o['units'] : undefined;
    const unitsOk = units === undefined || (Array.isArray(units) && units.every((u) => isObject(u) && typeof u['name'] === 'string' && Object.keys(u).every((k) => ['name', 'sortAs', '@type'].includes(k)) && (u['sortAs'] === undefined || typeof u['sortAs'] === 'string')));
    if (!isObject(o) || (o['name'] !== undefined && typeof o['name'] !== 'string') || !unitsOk || (o['name'] === undefined && units === undefined)) {
      addJsprop(ctx, path, o);
      continue;
    }
    const value = [typeof o['name'] === 'string' ? o['name'] : '', ...((units as Array<{ name: string }> | undefined) ?? []).map((u) => u.name)];
    const params: JCardParams = {};
    const types: string[] = [];
    const known = new Set(['@type', 'name', 'units', 'vCardParams', 'contexts']);
    writeSet(ctx, path, 'contexts', o['contexts'], { private: 'home', work: 'work' }, types);
    if (o['sortAs'] !== undefined || (units as Array<{ sortAs?: unknown }> | undefined)?.some((u) => u.sortAs !== undefined)) {
      const sortAs = orgSortAs(o);
      if (sortAs !== undefined && (o['sortAs'] === undefined || typeof o['sortAs'] === 'string')) {
        params['sort-as'] = sortAs;
        known.add('sortAs');
      } else {
        addJsprop(ctx, path, o);
        continue;
      }
    }
    writeUnknownMembers(ctx, o, path, known);
    if (!vcardParamsValid(o)) addJsprop(ctx, [...path, 'vCardParams'], o['vCardParams']);
    Object.assign(params, vcardParamsOf(o));
    addTypes(params, types);
    if (params['prop-id'] === undefined) params['prop-id'] = id;
    const prop: JCardProperty = ['org', params, 'text', value.length === 1 ? value[0]! : value];
    ctx.props.push(prop);
    ctx.byPath?.set(pathOf(path), prop);
    out.set(id, prop);
  }
  return out;
}

/** TITLE/ROLE per Title; `organizationId` puts it in its ORG's group (RFC 9555 §2.9.8). */
export function writeTitles(ctx: ToContext, titles: unknown, orgs: Map<string, JCardProperty>): void {
  if (titles === undefined) return;
  if (keepEmpty(ctx, ['titles'], titles)) return;
  if (!isObject(titles)) return addJsprop(ctx, ['titles'], titles);
  for (const id of Object.keys(titles)) {
    const t = titles[id];
    const orgId = isObject(t) ? t['organizationId'] : undefined;
    const org = typeof orgId === 'string' ? orgs.get(orgId) : undefined;
    const clean = isObject(t) && orgId !== undefined ? { ...t, organizationId: undefined } : t;
    const prop = writeObject(ctx, ['titles'], id, clean);
    if (!prop || orgId === undefined) continue;
    if (!org) {
      addJsprop(ctx, ['titles', id, 'organizationId'], orgId);
      continue;
    }
    const group = groupOf(ctx, org);
    const own = prop[1]['group'];
    if (own !== undefined && own !== group) addJsprop(ctx, ['titles', id, 'vCardParams', 'group'], own);
    prop[1]['group'] = group;
  }
}

/** GRAMGENDER and PRONOUNS (RFC 9555 §2.4.3). */
export function writeSpeakToAs(ctx: ToContext, speakToAs: unknown): void {
  if (speakToAs === undefined) return;
  if (!isObject(speakToAs)) return addJsprop(ctx, ['speakToAs'], speakToAs);
  for (const key of Object.keys(speakToAs)) {
    const v = speakToAs[key];
    if (key === 'grammaticalGender') writeSingle(ctx, 'gramgender', v);
    else if (key === 'pronouns' && isObject(v)) for (const id of Object.keys(v)) writeObject(ctx, ['speakToAs', 'pronouns'], id, v[id]);
    else if (key !== '@type') addJsprop(ctx, ['speakToAs', key], v);
  }
}
