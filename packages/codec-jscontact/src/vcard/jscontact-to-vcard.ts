import { convertVCardVersion, type JCard, type JCardProperty } from '@almanac/codec-vcard';
import type { Issue, JsonObject, Parsed } from '../types.js';
import { addJsprop, isObject, type ToContext } from './to-context.js';
import { writeAddresses } from './to-address.js';
import { writeKeywords, writeMembers, writeOrganizations, writeRelatedTo, writeSingle, writeSpeakToAs, writeTitles } from './to-card.js';
import { writeAnniversaries } from './to-dates.js';
import { writeLocalizations } from './to-localizations.js';
import { writeName } from './to-name.js';
import { writeMap } from './to-objects.js';
import { convertProperty } from './vcard-to-jscontact.js';

/** Options of {@link jscontactToVCard}. */
export interface JSContactToVCardOptions {
  /** vCard version of the result, `'4.0'` by default. */
  version?: '3.0' | '4.0';
}

/** Card members written by their own rule; any other member becomes a JSPROP. */
const MAPS = ['nicknames', 'emails', 'onlineServices', 'phones', 'preferredLanguages', 'calendars', 'schedulingAddresses', 'cryptoKeys', 'directories', 'links', 'media', 'notes', 'personalInfo'] as const;
const HANDLED: ReadonlySet<string> = new Set([
  '@type', 'version', 'uid', 'created', 'kind', 'language', 'members', 'prodId', 'relatedTo', 'updated', 'name',
  'organizations', 'speakToAs', 'titles', 'addresses', 'localizations', 'anniversaries', 'keywords', 'vCardProps', ...MAPS,
]);

/**
 * Converts a JSContact Card (RFC 9553, the `rfc` profile) to a jCard by the reverse rules of RFC
 * 9555 (§3): every map entry becomes a property with its key as PROP-ID, `vCardProps` and
 * `vCardParams` are written back as they came, localizations become LANGUAGE/ALTID alternates,
 * and whatever vCard cannot hold becomes a JSPROP (RFC 9555 §3.2.1), so converting the result
 * back with `vcardToJSContact` gives the same Card. FN is `name.full` or derived from the
 * components (DERIVED=TRUE). For `version: '3.0'` the 4.0 result is converted with
 * `convertVCardVersion` (and ADR uses the 7 components of RFC 2426).
 *
 * The Card is not validated here (see `validateJSContact`); members of wrong types are kept as
 * JSPROP rather than dropped. Never throws; `ok: false` only when `card` is not an object.
 *
 * @example
 * jscontactToVCard({ '@type': 'Card', version: '1.0', uid: 'x', name: { full: 'Jane' } })
 * // { ok: true, warnings: [], value: ['vcard', [['version', {}, 'text', '4.0'], ['uid', {}, 'text', 'x'], ['fn', {}, 'text', 'Jane']], []] }
 */
export function jscontactToVCard(card: unknown, options: JSContactToVCardOptions = {}): Parsed<JCard> {
  if (!isObject(card)) return { ok: false, errors: [{ code: 'jscontact/not-object', path: '', message: 'a Card must be a JSON object' }] };
  const warnings: Issue[] = [];
  const kept = keptProperties(card, warnings);
  const ctx: ToContext = {
    props: [],
    warnings,
    legacy: options.version === '3.0',
    usedGroups: undefined,
    card,
    nextGroup: 1,
    nextAltId: 1,
    byPath: card['localizations'] !== undefined ? new Map() : undefined,
    kept,
  };
  if (card['@type'] !== 'Card') addJsprop(ctx, ['@type'], card['@type']);
  if (card['version'] !== '1.0') addJsprop(ctx, ['version'], card['version']);
  writeSingle(ctx, 'uid', card['uid']);
  writeSingle(ctx, 'kind', card['kind']);
  writeSingle(ctx, 'prodid', card['prodId']);
  writeSingle(ctx, 'rev', card['updated']);
  writeSingle(ctx, 'created', card['created']);
  writeSingle(ctx, 'language', card['language']);
  const name = writeName(ctx, card['name']);
  if (name.n && name.phonetic) {
    const altid = String(ctx.nextAltId++);
    name.n[1]['altid'] = altid;
    name.phonetic[1]['altid'] = altid;
  }
  writeMembers(ctx, card['members']);
  writeRelatedTo(ctx, card['relatedTo']);
  writeSpeakToAs(ctx, card['speakToAs']);
  const orgs = writeOrganizations(ctx, card['organizations']);
  writeTitles(ctx, card['titles'], orgs);
  for (const key of MAPS) writeMap(ctx, [key], card[key]);
  writeAddresses(ctx, card['addresses']);
  writeAnniversaries(ctx, card['anniversaries']);
  writeKeywords(ctx, card['keywords']);
  ctx.props.push(...kept);
  writeLocalizations(ctx, card, convertProperty);
  for (const key of Object.keys(card)) if (!HANDLED.has(key) && card[key] !== undefined) addJsprop(ctx, [key], card[key]);

  const jcard: JCard = ['vcard', [['version', {}, 'text', '4.0'], ...ctx.props], []];
  return { ok: true, value: options.version === '3.0' ? convertVCardVersion(jcard, '3.0') : jcard, warnings };
}

/** vCardProps entries that are jCard properties, copied (their parameters may get an ALTID). */
function keptProperties(card: JsonObject, warnings: Issue[]): JCardProperty[] {
  const list = card['vCardProps'];
  if (list === undefined) return [];
  const out: JCardProperty[] = [];
  const bad: unknown[] = [];
  for (const p of Array.isArray(list) ? list : [list]) {
    if (Array.isArray(p) && p.length >= 3 && typeof p[0] === 'string' && p[0] !== '' && isObject(p[1]) && typeof p[2] === 'string' && p[0].toLowerCase() !== 'version') {
      out.push([p[0].toLowerCase(), { ...(p[1] as JsonObject) } as JCardProperty[1], p[2], ...(p.slice(3) as JCardProperty[3][])]);
    } else {
      bad.push(p);
    }
  }
  if (bad.length > 0) warnings.push({ code: 'jscontact/bad-vcardprops', path: '/vCardProps', message: `${bad.length} vCardProps entries are not jCard properties; written as JSPROP` });
  return bad.length > 0 ? [...out, ['jsprop', { jsptr: 'vCardProps' }, 'text', safeJson(list)]] : out;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

