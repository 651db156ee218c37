import { convertVCardVersion, parseVCards, stringifyVCard, type JCard } from '@almanac/codec-vcard';
import { formatJSContact, parseJSContactInput } from '../input.js';
import type { Issue, Parsed, Profile } from '../types.js';
import { jscontactToVCard } from './jscontact-to-vcard.js';
import { vcardToJSContact } from './vcard-to-jscontact.js';

/** A contact format of {@link convertContacts}. */
export type ContactFormat = 'vcard' | 'jscontact';

/** Options of {@link convertContacts} (the flags of `almanac convert`). */
export interface ConvertContactsOptions {
  from: ContactFormat;
  to: ContactFormat;
  /** JSON shape of JSContact output: `egroupware` (default) or `rfc`. */
  profile?: Profile;
  /** vCard version of vCard output: `4.0` (default) or `3.0`. */
  vcardVersion?: '3.0' | '4.0';
  /** Reject what lenient reading would accept (vCard: malformed lines; JSON: strict media type rules). */
  strict?: boolean;
  /** Indent JSON output (default `true`). */
  pretty?: boolean;
}

/**
 * Converts contacts between vCard text (any number of cards, 2.1/3.0/4.0) and JSContact JSON (a
 * Card, or an array of Cards, in either profile), for the `almanac convert` command. vCard →
 * vCard changes only the version; JSContact → JSContact only the profile. Several vCards give a
 * JSON array; one gives an object. Returns the output text, or the issues that stopped it;
 * issues of the n-th card have paths under `/n` and keep their vCard line numbers. Never throws.
 *
 * @example
 * convertContacts(vcfText, { from: 'vcard', to: 'jscontact', profile: 'rfc' })
 * // { ok: true, value: '{\n  "@type": "Card", …', warnings: [] }
 * convertContacts(json, { from: 'jscontact', to: 'vcard', vcardVersion: '3.0' })
 * // { ok: true, value: 'BEGIN:VCARD\r\nVERSION:3.0\r\n…', warnings: [] }
 */
export function convertContacts(input: string, options: ConvertContactsOptions): Parsed<string> {
  const warnings: Issue[] = [];
  const strict = options.strict === true;
  let cards: unknown[];
  let jcards: JCard[] | undefined;
  if (options.from === 'vcard') {
    const parsed = parseVCards(input, { strict });
    if (!parsed.ok) return parsed;
    warnings.push(...parsed.warnings);
    jcards = parsed.value;
    if (options.to === 'vcard') {
      return { ok: true, value: stringifyVCard(jcards.map((c) => convertVCardVersion(c, options.vcardVersion ?? '4.0'))), warnings };
    }
    cards = [];
    jcards.forEach((jcard, i) => {
      const converted = vcardToJSContact(jcard);
      if (converted.ok) {
        cards.push(converted.value);
        warnings.push(...prefixed(converted.warnings, jcards!.length > 1 ? i : undefined));
      } else {
        warnings.push(...prefixed(converted.errors, i));
      }
    });
  } else {
    let json: unknown;
    try {
      json = JSON.parse(input) as unknown;
    } catch (err) {
      return { ok: false, errors: [{ code: 'jscontact/invalid-json', path: '', message: `not JSON: ${err instanceof Error ? err.message : String(err)}` }] };
    }
    const list = Array.isArray(json) ? json : [json];
    cards = [];
    const errors: Issue[] = [];
    list.forEach((item, i) => {
      const parsed = parseJSContactInput(item, { strict });
      const index = Array.isArray(json) ? i : undefined;
      if (parsed.ok) {
        cards.push(parsed.value);
        warnings.push(...prefixed(parsed.warnings, index));
      } else {
        errors.push(...prefixed(parsed.errors, index));
      }
    });
    if (errors.length > 0) return { ok: false, errors };
  }
  if (options.to === 'vcard') {
    const out: JCard[] = [];
    cards.forEach((card, i) => {
      const converted = jscontactToVCard(card, { version: options.vcardVersion ?? '4.0' });
      if (converted.ok) out.push(converted.value);
      warnings.push(...prefixed(converted.ok ? converted.warnings : converted.errors, cards.length > 1 ? i : undefined));
    });
    return { ok: true, value: stringifyVCard(out), warnings };
  }
  const formatted = cards.map((c) => formatJSContact(c as Record<string, unknown>, { profile: options.profile ?? 'egroupware' }));
  const value = formatted.length === 1 && !(options.from === 'jscontact' && Array.isArray(safeParse(input))) ? formatted[0] : formatted;
  return { ok: true, value: JSON.stringify(value, null, options.pretty === false ? undefined : 2) + '\n', warnings };
}

function prefixed(issues: Issue[], index: number | undefined): Issue[] {
  if (index === undefined) return issues;
  return issues.map((i) => ({ ...i, path: `/${index}${i.path ?? ''}` }));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
