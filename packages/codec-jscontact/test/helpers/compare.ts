import { applyPatch } from '@almanac/codec-patchobject';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Options of {@link canonicalCard}: what a corpus asks to be ignored. */
export interface CanonicalOptions {
  /** Map keys are illustrative: compare entries, not their ids (RFC 9555 examples, calcard). */
  ignoreIds?: boolean;
  /** Leave out vCardParams (a corpus with its own way of keeping vCard parameters). */
  ignoreVCardParams?: boolean;
  /** Leave out vCardParams.group only (jscontact-tests). */
  ignoreGroups?: boolean;
  /** Top-level members to leave out. */
  drop?: readonly string[];
  /** Leave out the defaults RFC 9553 defines (kind individual, isOrdered false, Title kind title, sub-object @type). */
  ignoreDefaults?: boolean;
}

/**
 * A Card as a comparable value: localizations applied (each language compared as the patched
 * card), components of unordered names and addresses sorted, and what the options say left
 * out. Two cards that mean the same give deep-equal results.
 */
export function canonicalCard(card: unknown, options: CanonicalOptions = {}): unknown {
  if (!isObject(card)) return card;
  const base: Json = { ...card };
  delete base['localizations'];
  for (const key of options.drop ?? []) delete base[key];
  const out: Json = { card: canonicalValue(base, options, 0, '') };
  if (isObject(card['localizations'])) {
    const localized: Json = {};
    for (const [lang, patch] of Object.entries(card['localizations'])) {
      const applied = isObject(patch) ? applyPatch(base, patch, { mode: 'relaxed', arrays: 'replace-members' }) : undefined;
      localized[lang] = applied?.ok ? canonicalValue(applied.value, options, 0, '') : { invalidPatch: patch };
    }
    out['localizations'] = localized;
  }
  return options.ignoreIds ? renameIds(out) : out;
}

function canonicalValue(value: unknown, options: CanonicalOptions, depth: number, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => canonicalValue(v, options, depth + 1, ''));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const k of Object.keys(value).sort()) {
    let v = value[k];
    // A member set to null is absent (RFC 9553 allows null nowhere it would mean something else).
    if (v === undefined || v === null) continue;
    // A Timestamp is told by its `utc` as well (its @type is mandatory, but some writers omit it).
    if (options.ignoreDefaults && k === '@type' && depth > 0) continue;
    if (options.ignoreDefaults && depth === 0 && k === 'kind' && v === 'individual') continue;
    if (options.ignoreDefaults && k === 'isOrdered' && v === false) continue;
    if (options.ignoreDefaults && key === 'title' && k === 'kind' && v === 'title') continue;
    if (k === 'vCardParams') {
      if (options.ignoreVCardParams) continue;
      if (options.ignoreGroups && isObject(v)) {
        const rest = { ...v };
        delete rest['group'];
        if (Object.keys(rest).length === 0) continue;
        v = rest;
      }
    }
    out[k] = canonicalValue(v, options, depth + 1, k === 'titles' ? 'titles' : key === 'titles' ? 'title' : '');
  }
  if (Array.isArray(out['components']) && out['isOrdered'] !== true) {
    out['components'] = (out['components'] as unknown[]).slice().sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

const ID_MAPS = new Set([
  'nicknames', 'organizations', 'titles', 'emails', 'onlineServices', 'phones', 'preferredLanguages', 'calendars',
  'schedulingAddresses', 'addresses', 'cryptoKeys', 'directories', 'links', 'media', 'anniversaries', 'notes', 'personalInfo', 'pronouns',
]);

/**
 * Replaces the keys of every Id map by `#n`, n the rank of the entry's content, and
 * `organizationId` references accordingly, so maps compare by their entries.
 */
function renameIds(value: unknown): unknown {
  const orgNames = new Map<string, string>();
  const collect = (v: unknown): void => {
    if (!isObject(v)) return;
    if (isObject(v['organizations'])) {
      const entries = Object.entries(v['organizations']).map(([id, o]) => [id, JSON.stringify(o)] as const).sort((a, b) => a[1].localeCompare(b[1]));
      entries.forEach(([id], i) => orgNames.set(id, '#' + i));
    }
    for (const child of Object.values(v)) if (isObject(child)) collect(child);
  };
  collect(value);
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, ''));
    if (!isObject(v)) return key === 'organizationId' && typeof v === 'string' ? (orgNames.get(v) ?? v) : v;
    const out: Json = {};
    for (const [k, child] of Object.entries(v)) out[k] = walk(child, k);
    if (ID_MAPS.has(key)) {
      const list = Object.values(out).map((x) => JSON.stringify(x)).sort();
      return Object.fromEntries(list.map((x, i) => ['#' + i, JSON.parse(x) as unknown]));
    }
    return out;
  };
  return walk(value, '');
}
