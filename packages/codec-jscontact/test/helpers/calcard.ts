import type { JCardProperty } from '@almanac/codec-vcard';
import { vcardTimestampToUtc } from '../../src/vcard/object-specs.js';

type Json = Record<string, unknown>;

/**
 * calcard writes what RFC 9555 keeps in vCardProps/vCardParams in its own `vCard` member
 * (`properties`, `convertedProperties`, as in the JSContact 2.0 drafts): its `properties` are
 * our vCardProps; `convertedProperties` (the parameters of converted properties) has no
 * counterpart here and is left out, as our vCardParams are when comparing.
 */
export function fromCalcard(json: Json): Json {
  const out: Json = { ...json };
  const vcard = out['vCard'] as Json | undefined;
  delete out['vCard'];
  if (vcard && Array.isArray(vcard['properties']) && vcard['properties'].length > 0) out['vCardProps'] = vcard['properties'];
  return untyped(out);
}

/** calcard gives every kept property the type `unknown`; we keep the jCard type (RFC 7095 §3.3). */
export function untyped(card: Json): Json {
  const props = card['vCardProps'];
  if (!Array.isArray(props)) return card;
  return { ...card, vCardProps: (props as unknown[][]).map((p) => [p[0], p[1], 'unknown', ...p.slice(3)]) };
}

const SHADOWED: Readonly<Record<string, (card: Json, value: unknown) => boolean>> = {
  fn: (card, v) => (card['name'] as Json | undefined)?.['full'] === v,
  uid: (card, v) => card['uid'] === v,
  kind: (card, v) => typeof v === 'string' && card['kind'] === v.toLowerCase(),
  prodid: (card, v) => card['prodId'] === v,
  language: (card, v) => card['language'] === v,
  gramgender: (card, v) => typeof v === 'string' && (card['speakToAs'] as Json | undefined)?.['grammaticalGender'] === v.toLowerCase(),
  member: (card, v) => typeof v === 'string' && (card['members'] as Json | undefined)?.[v] === true,
  rev: (card, v) => typeof v === 'string' && card['updated'] === vcardTimestampToUtc(v),
  created: (card, v) => typeof v === 'string' && card['created'] === vcardTimestampToUtc(v),
};

/**
 * Our vCardProps without the verbatim copies of properties that also converted (kept so their
 * parameters survive; see convertSingle and convertFullNames), for comparing with corpora that
 * keep those parameters elsewhere.
 */
export function withoutShadows(card: Json): Json {
  const props = card['vCardProps'];
  if (!Array.isArray(props)) return card;
  card = untyped(card);
  const rest = (card['vCardProps'] as JCardProperty[]).filter((p) => !SHADOWED[p[0]]?.(card, p[3]));
  const out = { ...card };
  if (rest.length > 0) out['vCardProps'] = rest;
  else delete out['vCardProps'];
  return out;
}
