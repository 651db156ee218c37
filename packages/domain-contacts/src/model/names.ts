import type { Card, Name, NameComponent } from '@almanac/codec-jscontact';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Splits a display name the way the reference does when a contact comes without name parts
 * (behaviour §5.1): `"Last, First"` → surname and given name, `"First Rest of it"` → given name
 * and surname, one word → surname. Returns no components for an empty name.
 *
 * @example splitFullName('Becker, Ralf') // [{ kind: 'given', value: 'Ralf' }, { kind: 'surname', value: 'Becker' }]
 */
export function splitFullName(full: string): NameComponent[] {
  const name = full.trim().replace(/\s+/g, ' ');
  if (name === '') return [];
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const surname = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    return [...(given ? [{ kind: 'given', value: given }] : []), ...(surname ? [{ kind: 'surname', value: surname }] : [])];
  }
  const space = name.indexOf(' ');
  if (space < 0) return [{ kind: 'surname', value: name }];
  return [{ kind: 'given', value: name.slice(0, space) }, { kind: 'surname', value: name.slice(space + 1) }];
}

const hasPersonalName = (name: Name | undefined) =>
  (name?.components ?? []).some((c) => (c.kind === 'given' || c.kind === 'surname') && text(c.value) !== '');

const organizationNames = (card: Card) =>
  Object.values(card.organizations ?? {}).map((o) => text(o?.name)).filter((n) => n !== '');

/**
 * Behaviour §5.1: a card with a display name but no name parts gets them split from the display
 * name, unless it is not a person (an explicit `kind` other than `individual`, or a display name
 * that is just the organisation's name, as the reference files organisations).
 */
export function withNameParts(card: Card): Card {
  const name = card.name;
  const full = text(name?.full);
  if (!name || full === '' || (name.components?.length ?? 0) > 0) return card;
  if (card.kind !== undefined && card.kind !== 'individual') return card;
  if (organizationNames(card).includes(full)) return card;
  return { ...card, name: { ...name, components: splitFullName(full) } };
}

/**
 * The kind of a card as the reference derives it (behaviour §5.1): `individual` when it has a
 * given or family name, else `org` when it has an organisation name; otherwise the kind it came
 * with (RFC 9553 `location`, `device`, … are kept). Groups stay groups.
 */
export function deriveKind(card: Card): Card['kind'] {
  if (card.kind === 'group') return 'group';
  if (hasPersonalName(card.name)) return 'individual';
  if (organizationNames(card).length > 0) return 'org';
  return card.kind;
}

/**
 * The name a listing shows as `displayname` (behaviour §3.1): the display name, else the name
 * parts joined, else the organisation, else the first email address.
 */
export function displayNameOf(card: Card): string {
  const full = text(card.name?.full);
  if (full) return full;
  const parts = (card.name?.components ?? []).filter((c) => c.kind !== 'separator').map((c) => text(c.value)).filter(Boolean);
  if (parts.length) return parts.join(' ');
  const org = organizationNames(card)[0];
  if (org) return org;
  return Object.values(card.emails ?? {}).map((e) => text(e?.address)).find(Boolean) ?? '';
}
