import ICAL from 'ical.js';

/**
 * How a property's value is written: its default value type, whether it is a list of values
 * (`multiValue`, e.g. `NICKNAME:a,b`) and/or structured (`structuredValue`, e.g. `N:a;b;c`).
 * Taken from ical.js's design sets so the jCard we produce is the one `ICAL.parse` produces.
 */
export interface PropertyDesign {
  defaultType?: string;
  multiValue?: string;
  structuredValue?: string;
  detectType?: (value: string) => string;
}

/** A value codec of ical.js: raw vCard text to its jCard form and back. */
export interface ValueCodec {
  fromICAL?: (value: string, structuredEscape?: string) => unknown;
  toICAL?: (value: unknown, structuredEscape?: string) => string;
}

/** The design data for one vCard version. */
export interface VCardDesign {
  version: '3.0' | '4.0';
  property: Record<string, PropertyDesign | undefined>;
  value: Record<string, ValueCodec | undefined>;
}

interface IcalDesignSet {
  property: Record<string, PropertyDesign>;
  value: Record<string, ValueCodec>;
}

const icalDesign = ICAL.design as unknown as { vcard: IcalDesignSet; vcard3: IcalDesignSet };

const TEXT: PropertyDesign = { defaultType: 'text' };
const URI: PropertyDesign = { defaultType: 'uri' };
const DATE_AND_OR_TIME: PropertyDesign = { defaultType: 'date-and-or-time' };

/**
 * Properties registered after RFC 6350 that ical.js does not know; without them their values
 * would stay raw (`unknown`) and escapes would not be decoded.
 */
const EXTENSIONS: Record<string, PropertyDesign> = {
  // RFC 6350 §6.7.3: PRODID is text (ical.js has it for 3.0 only).
  prodid: TEXT,
  // RFC 6474: place and date of birth and death.
  birthplace: TEXT,
  deathplace: TEXT,
  deathdate: DATE_AND_OR_TIME,
  // RFC 6715: personal information and organisational directory.
  expertise: TEXT,
  hobby: TEXT,
  interest: TEXT,
  'org-directory': URI,
  // RFC 8605: contact URI.
  'contact-uri': URI,
  // RFC 9554: vCard extensions for JSContact.
  created: { defaultType: 'timestamp' },
  gramgender: TEXT,
  language: { defaultType: 'language-tag' },
  pronouns: TEXT,
  socialprofile: URI,
  // RFC 9555 §3.2.1: JSON-encoded JSContact property.
  jsprop: TEXT,
};

/**
 * vCard 3.0 properties ical.js lacks: SOURCE (RFC 2426 §2.1.4), RFC 2739 and RFC 4770 ones, and
 * the 4.0 properties 3.0 writers use anyway. NOTE is one text value (RFC 2426 §3.6.2), not the
 * comma list ical.js reads, which would split "a, b" into two values.
 */
const V3_EXTENSIONS: Record<string, PropertyDesign> = {
  source: URI,
  impp: URI,
  caluri: URI,
  caladruri: URI,
  fburl: URI,
  kind: TEXT,
  gender: { defaultType: 'text', structuredValue: ';' },
  lang: { defaultType: 'language-tag' },
  member: URI,
  related: URI,
  xml: TEXT,
  clientpidmap: { defaultType: 'text', structuredValue: ';' },
  anniversary: DATE_AND_OR_TIME,
};
const V3_OVERRIDES: Record<string, PropertyDesign> = { note: TEXT };

function buildDesign(
  version: '3.0' | '4.0',
  set: IcalDesignSet,
  extra: Record<string, PropertyDesign>,
  overrides: Record<string, PropertyDesign>,
): VCardDesign {
  const property: Record<string, PropertyDesign | undefined> = Object.create(null);
  for (const [name, design] of Object.entries(extra)) property[name] = design;
  for (const [name, design] of Object.entries(set.property)) property[name] = design;
  for (const [name, design] of Object.entries(overrides)) property[name] = design;
  const value: Record<string, ValueCodec | undefined> = Object.create(null);
  for (const [name, codec] of Object.entries(set.value)) value[name] = codec;
  // The 3.0 set has no TIMESTAMP codec, which the RFC 9554 CREATED property needs.
  value['timestamp'] ??= icalDesign.vcard.value['timestamp'];
  // A 3.0 AGENT's inline vCard (RFC 2426 §3.5.4) is text; 4.0 has no such type but may carry it.
  value['vcard'] ??= value['text'];
  return { version, property, value };
}

/** Design data for vCard 4.0 (RFC 6350 and the extensions above). */
export const VCARD4_DESIGN = buildDesign('4.0', icalDesign.vcard, EXTENSIONS, {});

/** Design data for vCard 3.0 (RFC 2426; also used to read 2.1). */
export const VCARD3_DESIGN = buildDesign('3.0', icalDesign.vcard3, { ...EXTENSIONS, ...V3_EXTENSIONS }, V3_OVERRIDES);

/** The design data to read or write a card of `version` (2.1 reads as 3.0). */
export function designFor(version: string | undefined): VCardDesign {
  return version === '4.0' ? VCARD4_DESIGN : VCARD3_DESIGN;
}

/** Parameters whose value is a comma-separated list (RFC 6350 §5.6 TYPE; RFC 2426 §4). */
export const LIST_PARAMS: ReadonlySet<string> = new Set(['type']);
