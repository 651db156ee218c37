import { applyPatch, jsonEqual, parsePatchKey } from '@almanac/codec-patchobject';
import type { JCardProperty } from '@almanac/codec-vcard';
import type { JsonObject } from '../types.js';
import type { FromContext } from './from-context.js';
import { alternatePatch, phoneticPatch } from './localize.js';
import { addJsprop, isObject, keepEmpty, pathOf, usedGroupsOf, type ToContext } from './to-context.js';
import { writeAddress } from './to-address.js';
import { writeName } from './to-name.js';
import { writeObject } from './to-objects.js';
import { writeOrganizations } from './to-card.js';

type Convert = (p: JCardProperty, ctx: FromContext) => boolean;

/** Maps whose entries a localized vCard property can express (RFC 9555 §2.3.10). */
const LOCALIZABLE: ReadonlySet<string> = new Set([
  'nicknames', 'titles', 'notes', 'personalInfo', 'organizations', 'addresses', 'emails', 'phones',
  'onlineServices', 'preferredLanguages', 'calendars', 'schedulingAddresses', 'cryptoKeys', 'directories', 'links', 'media',
]);

/**
 * `localizations` (RFC 9555 §2.3.10, reversed): each patched object is written again as the same
 * property with LANGUAGE and an ALTID it shares with the main property. Before relying on it,
 * the patch the property would read back as is checked to give the same localized object;
 * whatever cannot be expressed so stays a JSPROP of the patch entry, so nothing is lost.
 */
export function writeLocalizations(ctx: ToContext, card: JsonObject, convert: Convert): void {
  const localizations = card['localizations'];
  if (localizations === undefined) return;
  if (keepEmpty(ctx, ['localizations'], localizations)) return;
  if (!isObject(localizations)) return addJsprop(ctx, ['localizations'], localizations);
  for (const lang of Object.keys(localizations)) {
    const patch = localizations[lang];
    if (isObject(patch) && Object.keys(patch).length === 0) {
      addJsprop(ctx, ['localizations', lang], patch);
      continue;
    }
    const applied = isObject(patch) && lang !== '' ? applyPatch(card, patch, { mode: 'strict', arrays: 'replace-members' }) : undefined;
    if (!applied?.ok) {
      addJsprop(ctx, ['localizations', lang], patch);
      continue;
    }
    // A patch that removes members (null) is kept whole: JSPROP cannot say "remove" per path.
    if (Object.values(patch as JsonObject).some((v) => v === null)) {
      addJsprop(ctx, ['localizations', lang], patch);
      continue;
    }
    const localized = applied.value as JsonObject;
    const byTarget = new Map<string, { target: string[]; keys: string[] }>();
    for (const key of Object.keys(patch as JsonObject)) {
      const target = targetOf(parsePatchKey(key).segments);
      if (!target) {
        addJsprop(ctx, ['localizations', lang, key], (patch as JsonObject)[key]);
        continue;
      }
      const id = pathOf(target);
      const entry = byTarget.get(id) ?? { target, keys: [] };
      entry.keys.push(key);
      byTarget.set(id, entry);
    }
    for (const { target, keys } of byTarget.values()) {
      const ok = target[0] === 'name' ? localizeName(ctx, card, localized, lang, convert) : localizeEntry(ctx, card, localized, target, lang, convert);
      if (!ok) for (const key of keys) addJsprop(ctx, ['localizations', lang, key], (patch as JsonObject)[key]);
    }
  }
}

function targetOf(segments: string[]): string[] | undefined {
  if (segments[0] === 'name') return ['name'];
  if (segments.length >= 2 && LOCALIZABLE.has(segments[0]!)) return segments.slice(0, 2);
  if (segments.length >= 3 && segments[0] === 'speakToAs' && segments[1] === 'pronouns') return segments.slice(0, 3);
  return undefined;
}

/** A scratch output context: properties written there are checked before they are kept. */
function scratch(ctx: ToContext): ToContext {
  return { ...ctx, props: [], warnings: [], byPath: new Map(), usedGroups: new Set(usedGroupsOf(ctx)) };
}

function link(ctx: ToContext, main: JCardProperty, alt: JCardProperty, lang: string): void {
  const altid = typeof main[1]['altid'] === 'string' ? main[1]['altid'] : String(ctx.nextAltId++);
  main[1]['altid'] = altid;
  alt[1]['altid'] = altid;
  alt[1]['language'] = lang;
  ctx.props.push(alt);
}

function localizeEntry(ctx: ToContext, card: JsonObject, localized: JsonObject, target: string[], lang: string, convert: Convert): boolean {
  const main = ctx.byPath?.get(pathOf(target));
  const obj = getAt(localized, target);
  if (!main || obj === undefined || main[0] === 'geo' || main[0] === 'tz') return false;
  const s = scratch(ctx);
  const id = target[target.length - 1]!;
  if (target[0] === 'addresses') writeAddress(s, id, obj);
  else if (target[0] === 'organizations') writeOrganizations(s, { [id]: obj });
  else writeObject(s, target.slice(0, -1), id, obj);
  if (s.props.length !== 1 || s.props[0]![0] !== main[0]) return false;
  const alt = s.props[0]!;
  delete alt[1]['group'];
  const patch = alternatePatch(main, withLanguage(alt, lang), target, card, convert);
  if (!patch || !samePatched(card, patch, localized, target)) return false;
  link(ctx, main, alt, lang);
  return true;
}

function localizeName(ctx: ToContext, card: JsonObject, localized: JsonObject, lang: string, convert: Convert): boolean {
  const base = card['name'];
  const name = localized['name'];
  if (!isObject(base) || !isObject(name)) return false;
  const s = scratch(ctx);
  const written = writeName(s, name);
  const mainNames = ctx.props.filter((p) => p[0] === 'n' && p[1]['phonetic'] === undefined);
  const mainN = mainNames[0];
  const mainFn = ctx.props.find((p) => p[0] === 'fn');
  const alts: Array<[JCardProperty, JCardProperty]> = [];
  const patch: Record<string, unknown> = {};
  const componentsDiffer =
    !jsonEqual(stripPhonetics(base['components']), stripPhonetics(name['components'])) ||
    base['isOrdered'] !== name['isOrdered'] ||
    !jsonEqual(base['sortAs'], name['sortAs']);
  const phoneticsDiffer =
    !jsonEqual(base['components'], name['components']) ||
    base['phoneticSystem'] !== name['phoneticSystem'] ||
    base['phoneticScript'] !== name['phoneticScript'];
  if (componentsDiffer) {
    // A localized name with its own phonetics would need two alternates that patch one array.
    if (!written.n || !mainN || written.phonetic) return false;
    const p = alternatePatch(mainN, withLanguage(written.n, lang), ['name'], card, convert);
    if (!p) return false;
    Object.assign(patch, p);
    alts.push([mainN, written.n]);
  } else if (phoneticsDiffer) {
    if (!written.phonetic || !mainN) return false;
    const phon = phoneticPatch(withLanguage(written.phonetic, lang), mainN, name);
    if (!phon || phon.language === undefined) return false;
    Object.assign(patch, phon.patch);
    alts.push([mainN, written.phonetic]);
  }
  if (base['full'] !== name['full']) {
    // The main FN must be the card's own full name (not a derived or empty stand-in).
    if (!written.fn || !mainFn || typeof name['full'] !== 'string' || name['full'] === '' || typeof base['full'] !== 'string') return false;
    patch['name/full'] = name['full'];
    alts.push([mainFn, written.fn]);
  }
  if (alts.length === 0 || !samePatched(card, patch, localized, ['name'])) return false;
  for (const [main, alt] of alts) link(ctx, main, alt, lang);
  return true;
}

function stripPhonetics(components: unknown): unknown {
  return Array.isArray(components) ? components.map((c) => (isObject(c) ? { ...c, phonetic: undefined } : c)) : components;
}

function withLanguage(p: JCardProperty, lang: string): JCardProperty {
  return [p[0], { ...p[1], language: lang }, p[2], ...p.slice(3)] as JCardProperty;
}

function getAt(obj: JsonObject, path: readonly string[]): unknown {
  let node: unknown = obj;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** Whether applying `patch` to the card gives the localized object at `target`. */
function samePatched(card: JsonObject, patch: Record<string, unknown>, localized: JsonObject, target: string[]): boolean {
  const result = applyPatch(card, patch, { mode: 'relaxed', arrays: 'replace-members' });
  return result.ok && jsonEqual(dropUndefined(getAt(result.value as JsonObject, target)), dropUndefined(getAt(localized, target)));
}

/** A JSON copy without `undefined`; unordered components (isOrdered not true) sorted. */
function dropUndefined(value: unknown): unknown {
  if (value === undefined) return undefined;
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  if (isObject(copy) && Array.isArray(copy['components']) && copy['isOrdered'] !== true) {
    copy['components'] = (copy['components'] as unknown[]).map((c) => JSON.stringify(c)).sort();
  }
  return copy;
}
