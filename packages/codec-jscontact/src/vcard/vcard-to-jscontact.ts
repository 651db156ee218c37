import { applyPatch } from '@almanac/codec-patchobject';
import { convertVCardVersion, unescapeText, type JCard, type JCardProperty } from '@almanac/codec-vcard';
import type { Card, Issue, JCardProp, JsonObject, Parsed } from '../types.js';
import { convertAdr, convertGeoOrTz } from './from-address.js';
import { SINGLE_SPECS, convertCategories, convertMember, convertRelated, convertSingle, readJsprop } from './from-card.js';
import { keepProperty, type FromContext } from './from-context.js';
import { DATE_KINDS, PLACE_KINDS, convertDate, convertPlace } from './from-dates.js';
import { convertFullNames, convertN } from './from-name.js';
import { convertObjectProperty, objectSpecFor } from './from-objects.js';
import { convertOrg } from './from-org.js';
import { IdAllocator, stableUid } from './ids.js';
import { applyAlternates, splitAlternates } from './localize.js';
import { collectionOf } from './object-specs.js';

/** Options of {@link vcardToJSContact}. */
export interface VCardToJSContactOptions {
  /** The uid for a vCard without UID; by default a stable `urn:uuid:` derived from its content. */
  uid?: string;
}

/**
 * Converts a jCard (from `parseVCard`, any vCard version) to a JSContact Card (RFC 9553) by the
 * rules of RFC 9555 §2. What has no JSContact counterpart is kept, so converting back with
 * `jscontactToVCard` gives the same properties, parameters and values: unknown properties in
 * `vCardProps` (jCard form, group as the `group` parameter), unknown parameters in each
 * object's `vCardParams`. Group names are kept (`vCardParams.group`); X-ABLabel becomes the
 * `label` of the grouped object; ALTID/LANGUAGE alternates become `localizations`; JSPROP
 * properties are applied last as a PatchObject (RFC 9555 §3.2.1; missing parents are created).
 *
 * Never throws. `ok: false` only when the input is not a jCard; a vCard without UID gets a stable
 * generated uid and a warning (`jscontact/generated-uid`).
 *
 * @example
 * const parsed = parseVCard('BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nFN:Jane Doe\r\nEMAIL;TYPE=work:jane@example.com\r\nEND:VCARD\r\n');
 * if (parsed.ok) vcardToJSContact(parsed.value);
 * // { ok: true, warnings: [], value: { '@type': 'Card', version: '1.0', uid: 'x', name: { full: 'Jane Doe' },
 * //   emails: { k1: { address: 'jane@example.com', contexts: { work: true } } } } }
 */
export function vcardToJSContact(jcard: JCard, options: VCardToJSContactOptions = {}): Parsed<Card> {
  if (!Array.isArray(jcard) || jcard[0] !== 'vcard' || !Array.isArray(jcard[1])) {
    return { ok: false, errors: [{ code: 'jscontact/not-jcard', path: '', message: 'the input is not a jCard ["vcard", [...], []]' }] };
  }
  const warnings: Issue[] = [];
  // A 4.0 card is read as it is; 3.0 (and 2.1) is first upgraded (TYPE=pref, ENCODING=b, …).
  const source = jcard[1];
  const is40 = source.some((p) => Array.isArray(p) && p[0] === 'version' && p[3] === '4.0');
  const upgraded = is40 ? source : convertVCardVersion(jcard, '4.0')[1];
  const props: JCardProperty[] = [];
  for (let i = 0; i < upgraded.length; i++) {
    const p = upgraded[i];
    if (isProperty(p)) props.push(p);
    else warnings.push({ code: 'jscontact/bad-jcard-property', path: `/1/${i}`, message: 'not a jCard property; ignored' });
  }

  const ids = new IdAllocator();
  for (const p of props) {
    const propId = p[1]['prop-id'];
    if (typeof propId !== 'string') continue;
    const collection = collectionOf(p[0]);
    if (collection) ids.reserve(collection, propId);
  }
  const card: JsonObject = { '@type': 'Card', version: '1.0', uid: '' };
  const ctx: FromContext = {
    card,
    ids,
    warnings,
    vCardProps: [],
    byGroup: new Map(),
    forcedId: undefined,
    anniversaries: new Map(),
    lastTarget: undefined,
    trackTargets: true,
  };

  const cardLanguage = props.find((p) => p[0] === 'language' && typeof p[3] === 'string')?.[3] as string | undefined;
  const { alternates, mainOf } = splitAlternates(props, cardLanguage);
  ctx.trackTargets = alternates.size > 0;
  // Where each property went, only needed to place its ALTID alternates.
  const targets = alternates.size > 0 ? new Map<JCardProperty, string[]>() : undefined;
  const fns: JCardProperty[] = [];
  const places: JCardProperty[] = [];
  const geoTz: JCardProperty[] = [];
  const labels: JCardProperty[] = [];
  const jsprops: JCardProperty[] = [];

  for (const p of props) {
    if (alternates.has(p)) continue;
    const name = p[0];
    if (name === 'version') continue;
    if (name === 'fn') fns.push(p);
    else if (PLACE_KINDS[name]) places.push(p);
    else if (name === 'geo' || name === 'tz') geoTz.push(p);
    else if (name === 'x-ablabel') labels.push(p);
    else if (name === 'jsprop') jsprops.push(p);
    else convertOrKeep(p, ctx, targets);
  }
  for (const p of geoTz) convertOrKeep(p, ctx, targets);
  for (const p of places) convertOrKeep(p, ctx, targets);
  const fullName = convertFullNames(fns, ctx);
  if (fullName) targets?.set(fullName, ['name']);
  keepDuplicatedSingles(props, ctx);
  keepShadowedCategories(props, ctx);
  applyLabels(labels, ctx);
  linkTitles(ctx);
  if (targets) applyAlternates(alternates, mainOf, targets, ctx, (p, scratch) => convertProperty(p, scratch));
  applyJsprops(jsprops, ctx);

  // A UID that did not convert (an unusual VALUE) is kept verbatim and still names the card.
  const keptUid = ctx.vCardProps.find((p) => p[0] === 'uid' && typeof p[3] === 'string' && p[3] !== '');
  if ((typeof card['uid'] !== 'string' || card['uid'] === '') && keptUid) card['uid'] = keptUid[3] as string;
  if (typeof card['uid'] !== 'string' || card['uid'] === '') {
    card['uid'] = options.uid ?? stableUid(JSON.stringify(jcard[1]));
    warnings.push({ code: 'jscontact/generated-uid', message: `the vCard has no UID; uid ${String(card['uid'])} was generated` });
  }
  if (ctx.vCardProps.length > 1) {
    // In the order of the vCard.
    const order = new Map<unknown, number>();
    props.forEach((p, i) => order.set(p, i));
    ctx.vCardProps.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
  if (ctx.vCardProps.length > 0) card['vCardProps'] = ctx.vCardProps;
  return { ok: true, value: card as Card, warnings };
}

function isProperty(p: unknown): p is JCardProperty {
  return Array.isArray(p) && p.length >= 3 && typeof p[0] === 'string' && p[1] !== null && typeof p[1] === 'object' && !Array.isArray(p[1]) && typeof p[2] === 'string';
}

type Rule = (p: JCardProperty, ctx: FromContext) => boolean;

/** The conversion rule of each property name, found with one lookup per property. */
const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['n', convertN],
  ['adr', convertAdr],
  ['geo', convertGeoOrTz],
  ['tz', convertGeoOrTz],
  ['org', convertOrg],
  ['member', convertMember],
  ['categories', convertCategories],
  ['related', convertRelated],
  ...Object.keys(DATE_KINDS).map((name): [string, Rule] => [name, convertDate]),
  ...Object.keys(PLACE_KINDS).map((name): [string, Rule] => [name, convertPlace]),
  ...Object.keys(SINGLE_SPECS).map((name): [string, Rule] => [name, (p, ctx) => convertSingle(p, SINGLE_SPECS[name]!, ctx)]),
]);

/** Converts one property with the rule for its name; `false` when it does not convert. */
export function convertProperty(p: JCardProperty, ctx: FromContext): boolean {
  const rule = RULES.get(p[0]);
  if (rule) return rule(p, ctx);
  const spec = objectSpecFor(p[0]);
  return spec ? convertObjectProperty(p, spec, ctx) : false;
}

function convertOrKeep(p: JCardProperty, ctx: FromContext, targets: Map<JCardProperty, string[]> | undefined): void {
  ctx.lastTarget = undefined;
  if (!convertProperty(p, ctx)) {
    keepProperty(ctx, p);
    return;
  }
  if (!targets) return;
  const name = p[0];
  if (PLACE_KINDS[name]) {
    const slot = ctx.anniversaries.get(PLACE_KINDS[name]!);
    if (slot) targets.set(p, ['anniversaries', slot.id]);
  } else if (ctx.lastTarget) {
    targets.set(p, ctx.lastTarget);
  }
}

/**
 * A singular property (UID, KIND, …, FN) that converted while another one of the same name says
 * the same is kept verbatim too, so converting back writes them all from vCardProps and none
 * twice (see `singleIsShadowed` in to-card.ts).
 */
function keepDuplicatedSingles(props: readonly JCardProperty[], ctx: FromContext): void {
  const byName = new Map<string, JCardProperty[]>();
  let repeated = false;
  for (const p of props) {
    // Alternates in a language are localizations, not duplicates.
    if ((p[0] !== 'fn' && !SINGLE_SPECS[p[0]]) || (p[1]['altid'] !== undefined && p[1]['language'] !== undefined)) continue;
    const list = byName.get(p[0]);
    if (list) {
      list.push(p);
      repeated = true;
    } else byName.set(p[0], [p]);
  }
  if (!repeated) return;
  const kept = new Set<unknown>(ctx.vCardProps);
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    for (const p of list) {
      if (kept.has(p)) continue;
      if (list.some((q) => q !== p && q[3] === p[3])) keepProperty(ctx, p);
    }
  }
}

/**
 * A kept CATEGORIES (with parameters, or repeating a keyword) covers its keywords when
 * converting back (`writeKeywords` in to-card.ts); so every other CATEGORIES sharing one of those
 * keywords is kept verbatim too, else converting back would drop it.
 */
function keepShadowedCategories(props: readonly JCardProperty[], ctx: FromContext): void {
  const all = props.filter((p) => p[0] === 'categories');
  if (all.length < 2) return;
  const kept = new Set<unknown>(ctx.vCardProps);
  const covered = new Set(all.filter((p) => kept.has(p)).flatMap((p) => p.slice(3)));
  for (let changed = covered.size > 0; changed; ) {
    changed = false;
    for (const p of all) {
      if (kept.has(p) || !p.slice(3).some((v) => covered.has(v))) continue;
      keepProperty(ctx, p);
      kept.add(p);
      for (const v of p.slice(3)) covered.add(v);
      changed = true;
    }
  }
}

/**
 * RFC 9555 §2.13.x X-ABLabel: the label of the one labelled object converted from a property of
 * the same group. Otherwise (or with parameters besides the group) it stays in vCardProps.
 */
function applyLabels(labels: JCardProperty[], ctx: FromContext): void {
  for (const p of labels) {
    const group = p[1]['group'];
    const candidates = typeof group === 'string' ? (ctx.byGroup.get(group) ?? []).filter((c) => c.labelled) : [];
    const target = candidates.length === 1 ? candidates[0]! : undefined;
    const value = p.length === 4 && typeof p[3] === 'string' ? (p[2] === 'unknown' ? unescapeText(p[3]) : p[2] === 'text' ? p[3] : undefined) : undefined;
    if (!target || value === undefined || Object.keys(p[1]).length !== 1 || target.obj['label'] !== undefined) {
      keepProperty(ctx, p);
      continue;
    }
    target.obj['label'] = value;
  }
}

/** RFC 9555 §2.9.8: a TITLE or ROLE grouped with exactly one ORG refers to it by organizationId. */
function linkTitles(ctx: FromContext): void {
  for (const entries of ctx.byGroup.values()) {
    const orgs = entries.filter((e) => e.name === 'org');
    if (orgs.length !== 1) continue;
    for (const e of entries) if (e.name === 'title' || e.name === 'role') e.obj['organizationId'] = orgs[0]!.id;
  }
}

/**
 * RFC 9555 §3.2.1: all JSPROP properties form one PatchObject, applied after everything else; an
 * invalid PatchObject is not applied (its JSPROPs stay in vCardProps).
 */
function applyJsprops(jsprops: JCardProperty[], ctx: FromContext): void {
  if (jsprops.length === 0) return;
  const patch: Record<string, unknown> = {};
  const applied: JCardProperty[] = [];
  for (const p of jsprops) {
    const entry = readJsprop(p);
    if (!entry || Object.prototype.hasOwnProperty.call(patch, entry[0])) {
      keepProperty(ctx, p);
      continue;
    }
    patch[entry[0]] = entry[1];
    applied.push(p);
  }
  if (applied.length === 0) return;
  // Relaxed: a JSPROP may patch below a member that has no vCard counterpart at all (the whole
  // of `localizations/de` when it cannot be written as LANGUAGE alternates).
  const result = applyPatch(ctx.card, patch, { mode: 'relaxed', arrays: 'replace-members' });
  if (!result.ok) {
    for (const p of applied) keepProperty(ctx, p);
    ctx.warnings.push({ code: 'jscontact/invalid-jsprop', message: `JSPROP properties do not form a valid PatchObject: ${result.errors.map((e) => e.message).join('; ')}` });
    return;
  }
  for (const key of Object.keys(ctx.card)) delete ctx.card[key];
  Object.assign(ctx.card, result.value);
}
