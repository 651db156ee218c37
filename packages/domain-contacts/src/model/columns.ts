import type { Address, Anniversary, Card } from '@almanac/codec-jscontact';
import { COLUMNS_MEMBER, type ContactColumns } from './contact.js';
import { PHONE_SLOTS } from './well-known-keys.js';

type Entries<T> = [string, T][];
const entries = <T>(map: Readonly<Record<string, T>> | undefined): Entries<T> =>
  Object.entries(map ?? {}).filter((e): e is [string, T] => typeof e[1] === 'object' && e[1] !== null);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const has = (set: unknown, name: string) => typeof set === 'object' && set !== null && (set as Record<string, unknown>)[name] === true;

/**
 * Picks the work and the private entry of a map the way the reference fills its two slots
 * (behaviour §5.1): by key first, then by context; the first entry not marked private is the
 * work one when nothing says so.
 */
function workAndPrivate<T extends { contexts?: unknown }>(map: Readonly<Record<string, T>> | undefined, workKeys: string[], privateKeys: string[]) {
  const all = entries(map);
  const byKey = (keys: string[]) => all.find(([k]) => keys.includes(k));
  const priv = byKey(privateKeys) ?? all.find(([, v]) => has(v.contexts, 'private'));
  const work = byKey(workKeys) ?? all.find(([k, v]) => has(v.contexts, 'work') && k !== priv?.[0])
    ?? all.find(([k, v]) => !has(v.contexts, 'private') && k !== priv?.[0]);
  return { work: work?.[1], private: priv && priv[0] !== work?.[0] ? priv[1] : undefined };
}

const ADDRESS_PARTS: Readonly<Record<string, string>> = { locality: 'locality', region: 'region', postcode: 'postalcode', country: 'countryname' };

/** One address as the reference's columns: street (two lines), locality, region, postcode, country. */
function addressColumns(a: Address | undefined, prefix: string, out: Record<string, string>): void {
  if (!a) return;
  const street: string[] = [];
  let last = 'separator';
  for (const c of a.components ?? []) {
    const value = typeof c?.value === 'string' ? c.value : '';
    if (c.kind in ADDRESS_PARTS) {
      if (value.trim()) out[prefix + ADDRESS_PARTS[c.kind]!] = value.trim();
      continue;
    }
    // Behaviour §5.1: street parts joined by a space unless a separator is given; the first
    // newline splits the two street lines.
    if (street.length && c.kind !== 'separator' && last !== 'separator') street.push(' ');
    street.push(value);
    last = c.kind;
  }
  const [line1 = '', line2 = ''] = street.join('').split(/\r?\n/, 2).map((l) => l.trim());
  if (line1) out[`${prefix}street`] = line1;
  if (line2) out[`${prefix}street2`] = line2;
  if (text(a.countryCode)) out[`${prefix}countrycode`] = text(a.countryCode);
}

function dateText(a: Anniversary): string {
  const d = a.date as { '@type'?: string; utc?: string; year?: number; month?: number; day?: number } | undefined;
  if (!d) return '';
  if (d['@type'] === 'Timestamp') return typeof d.utc === 'string' ? d.utc.slice(0, 10) : '';
  if (d.year === undefined || d.month === undefined || d.day === undefined) return '';
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Assigns phones to the reference's ten slots: by key, then by features and contexts. */
function phoneColumns(card: Card, out: Record<string, string>): void {
  const rest: Entries<NonNullable<Card['phones']>[string]> = [];
  for (const [key, phone] of entries(card.phones)) {
    if (key in PHONE_SLOTS && text(phone.number)) out[key] = text(phone.number);
    else if (text(phone.number)) rest.push([key, phone]);
  }
  for (const [, phone] of rest) {
    const score = (slot: string) => {
      const { features, contexts } = PHONE_SLOTS[slot]!;
      const f = Object.keys(features).some((n) => has(phone.features, n));
      const c = Object.keys(contexts).some((n) => has(phone.contexts, n));
      return (f ? 2 : 0) + (c ? 1 : 0);
    };
    const free = Object.keys(PHONE_SLOTS).filter((slot) => out[slot] === undefined);
    const best = free.map((slot) => [slot, score(slot)] as const).sort((a, b) => b[1] - a[1])[0];
    if (best) out[best[0]] = text(phone.number);
  }
}

/**
 * The reference's contact columns of a card (its `egw_addressbook` fields, seed 003: "filters use
 * the database column-names"), as `filters[<column>]` compares them: name parts, organisation,
 * titles, the work and private email, URL and address, the ten phone slots, birthday, note,
 * categories and uid. Empty values are left out.
 */
export function contactColumns(card: Card, extra: Readonly<Record<string, string>> = {}): ContactColumns {
  const out: Record<string, string> = {};
  const put = (column: string, value: unknown) => {
    if (text(value)) out[column] = text(value);
  };
  const NAME_COLUMNS: Readonly<Record<string, string>> = { title: 'n_prefix', given: 'n_given', given2: 'n_middle', surname: 'n_family', credential: 'n_suffix' };
  for (const [kind, column] of Object.entries(NAME_COLUMNS)) {
    put(column, (card.name?.components ?? []).filter((c) => c.kind === kind).map((c) => text(c.value)).filter(Boolean).join(' '));
  }
  put('n_fn', card.name?.full);
  const org = entries(card.organizations).sort(([a], [b]) => Number(b === 'org') - Number(a === 'org'))[0]?.[1];
  put('org_name', org?.name);
  put('org_unit', (org?.units ?? []).map((u) => text(u?.name)).filter(Boolean).join(' '));
  const titles = entries(card.titles);
  put('role', (titles.find(([k, t]) => t.kind === 'role' || (k === 'role' && t.kind === undefined)) ?? [])[1]?.name);
  put('title', (titles.find(([k, t]) => t.kind === 'title' || (k !== 'role' && t.kind === undefined)) ?? [])[1]?.name);
  const emails = workAndPrivate(card.emails, ['work'], ['private', 'home']);
  put('email', emails.work?.address);
  put('email_home', emails.private?.address);
  const urls = workAndPrivate(card.links, ['url'], ['url_home']);
  put('url', urls.work?.uri);
  put('url_home', urls.private?.uri);
  const addresses = workAndPrivate(card.addresses, ['work'], ['private', 'home']);
  addressColumns(addresses.work, 'adr_one_', out);
  addressColumns(addresses.private, 'adr_two_', out);
  put('label', addresses.work?.full);
  phoneColumns(card, out);
  put('bday', entries(card.anniversaries).map(([, a]) => (a.kind === 'birth' ? dateText(a) : '')).find(Boolean));
  put('note', entries(card.notes).map(([, n]) => text(n.note)).filter(Boolean).join('\n'));
  put('assistent', card['egroupware.org:assistant']);
  put('uid', card.uid);
  for (const [column, value] of Object.entries(extra)) put(column, value);
  const categories = Object.keys(card.keywords ?? {}).filter((k) => card.keywords?.[k] === true);
  return categories.length ? { ...out, cat_id: categories } : out;
}

/** The reference's column names that `filters[…]` accepts, each with the aliases it is known by. */
const COLUMN_NAMES: Readonly<Record<string, readonly string[]>> = {
  n_prefix: [], n_given: [], n_middle: [], n_family: [], n_suffix: [], n_fn: [],
  org_name: [], org_unit: [], title: ['contact_title'], role: ['contact_role'], assistent: ['contact_assistent'],
  email: ['contact_email'], email_home: ['contact_email_home'], url: ['contact_url'], url_home: ['contact_url_home'],
  ...Object.fromEntries(Object.keys(PHONE_SLOTS).map((slot) => [slot, []])),
  ...Object.fromEntries(['adr_one_', 'adr_two_'].flatMap((p) =>
    ['street', 'street2', 'locality', 'region', 'postalcode', 'countryname', 'countrycode'].map((f) => [p + f, []]))),
  label: ['contact_label'], bday: ['contact_bday'], note: ['contact_note'], cat_id: [], uid: ['contact_uid'], account_id: [],
};

/**
 * The explicit allow-list of `filters[<column>]` for address books (behaviour §3.2): each
 * reference column name (and its `contact_` database alias) → the JSON path of its value in the
 * stored card. Anything else is refused by the REST layer, never passed on as a raw column.
 */
export const CONTACT_FILTER_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(COLUMN_NAMES).flatMap(([column, aliases]) => [column, ...aliases].map((name) => [name, [COLUMNS_MEMBER, column]])),
);
