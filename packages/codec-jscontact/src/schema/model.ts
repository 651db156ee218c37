import { table } from '../table.js';
/**
 * RFC 9553 (with RFC 9555's conversion properties) as data: every object type, its properties
 * and their types. The JSON Schema (`rfc-schema.ts`) and the property-name checks
 * (`property-names.ts`) are generated from it, so they cannot disagree.
 */

/** A property's type. */
export type FieldType =
  | 'string'
  | 'boolean'
  | 'uint'
  | 'number'
  | 'utc'
  | 'pref'
  | 'id'
  | 'booleanSet'
  | 'contexts'
  | 'vCardParams'
  | 'jcardProps'
  | 'patchMap'
  | 'any'
  | { enum: readonly string[] }
  | { obj: TypeName }
  | { map: TypeName }
  | { idMap: TypeName }
  | { array: TypeName }
  | { oneOf: readonly TypeName[] }
  | { stringMap: true };

export interface TypeDef {
  fields: Readonly<Record<string, FieldType>>;
  required?: readonly string[];
  /** Sub-objects of this type may omit `@type` (RFC 9553 §1.3.1); Timestamp may not. */
  typeRequired?: boolean;
}

export type TypeName =
  | 'Card' | 'Relation' | 'Name' | 'NameComponent' | 'Nickname' | 'Organization' | 'OrgUnit' | 'SpeakToAs'
  | 'Pronouns' | 'Title' | 'EmailAddress' | 'OnlineService' | 'Phone' | 'LanguagePref' | 'Calendar'
  | 'SchedulingAddress' | 'Address' | 'AddressComponent' | 'CryptoKey' | 'Directory' | 'Link' | 'Media'
  | 'Anniversary' | 'PartialDate' | 'Timestamp' | 'Note' | 'Author' | 'PersonalInfo';

/** RFC 9555 §2.15: properties every JSContact object may have (vCardProps only on Card). */
const CONVERSION: Readonly<Record<string, FieldType>> = table<FieldType>({ vCardParams: 'vCardParams', vCardName: 'string' });
const CONTEXTUAL: Readonly<Record<string, FieldType>> = table<FieldType>({ contexts: 'contexts', pref: 'pref' });
const RESOURCE: Readonly<Record<string, FieldType>> = table<FieldType>({ ...CONTEXTUAL, uri: 'string', mediaType: 'string', label: 'string' });

const kinds = (...values: string[]): FieldType => ({ enum: values });

/** Every object type of RFC 9553 §2 and its properties. */
export const MODEL: Readonly<Record<TypeName, TypeDef>> = {
  Card: {
    required: ['@type', 'version', 'uid'],
    fields: {
      version: 'string', created: 'utc', kind: kinds('individual', 'group', 'org', 'location', 'device', 'application'),
      language: 'string', members: 'booleanSet', prodId: 'string', relatedTo: { map: 'Relation' }, uid: 'string', updated: 'utc',
      name: { obj: 'Name' }, nicknames: { idMap: 'Nickname' }, organizations: { idMap: 'Organization' }, speakToAs: { obj: 'SpeakToAs' },
      titles: { idMap: 'Title' }, emails: { idMap: 'EmailAddress' }, onlineServices: { idMap: 'OnlineService' }, phones: { idMap: 'Phone' },
      preferredLanguages: { idMap: 'LanguagePref' }, calendars: { idMap: 'Calendar' }, schedulingAddresses: { idMap: 'SchedulingAddress' },
      addresses: { idMap: 'Address' }, cryptoKeys: { idMap: 'CryptoKey' }, directories: { idMap: 'Directory' }, links: { idMap: 'Link' },
      media: { idMap: 'Media' }, localizations: 'patchMap', anniversaries: { idMap: 'Anniversary' }, keywords: 'booleanSet',
      notes: { idMap: 'Note' }, personalInfo: { idMap: 'PersonalInfo' }, vCardProps: 'jcardProps', ...CONVERSION,
    },
  },
  Relation: { fields: { relation: 'booleanSet', ...CONVERSION } },
  Name: {
    fields: {
      components: { array: 'NameComponent' }, isOrdered: 'boolean', defaultSeparator: 'string', full: 'string',
      sortAs: { stringMap: true }, phoneticScript: 'string', phoneticSystem: 'string', ...CONVERSION,
    },
  },
  NameComponent: {
    required: ['kind', 'value'],
    fields: { value: 'string', kind: kinds('title', 'given', 'given2', 'surname', 'surname2', 'credential', 'generation', 'separator'), phonetic: 'string', ...CONVERSION },
  },
  Nickname: { required: ['name'], fields: { name: 'string', ...CONTEXTUAL, ...CONVERSION } },
  Organization: { fields: { name: 'string', units: { array: 'OrgUnit' }, sortAs: 'string', contexts: 'contexts', ...CONVERSION } },
  OrgUnit: { required: ['name'], fields: { name: 'string', sortAs: 'string', ...CONVERSION } },
  SpeakToAs: {
    fields: { grammaticalGender: kinds('animate', 'common', 'feminine', 'inanimate', 'masculine', 'neuter'), pronouns: { idMap: 'Pronouns' }, ...CONVERSION },
  },
  Pronouns: { required: ['pronouns'], fields: { pronouns: 'string', ...CONTEXTUAL, ...CONVERSION } },
  Title: { required: ['name'], fields: { name: 'string', kind: kinds('title', 'role'), organizationId: 'id', ...CONVERSION } },
  EmailAddress: { required: ['address'], fields: { address: 'string', ...CONTEXTUAL, label: 'string', ...CONVERSION } },
  OnlineService: { fields: { service: 'string', uri: 'string', user: 'string', ...CONTEXTUAL, label: 'string', ...CONVERSION } },
  Phone: { required: ['number'], fields: { number: 'string', features: 'booleanSet', ...CONTEXTUAL, label: 'string', ...CONVERSION } },
  LanguagePref: { required: ['language'], fields: { language: 'string', ...CONTEXTUAL, ...CONVERSION } },
  Calendar: { required: ['kind', 'uri'], fields: { kind: kinds('calendar', 'freeBusy'), ...RESOURCE, ...CONVERSION } },
  SchedulingAddress: { required: ['uri'], fields: { uri: 'string', ...CONTEXTUAL, label: 'string', ...CONVERSION } },
  Address: {
    fields: {
      components: { array: 'AddressComponent' }, isOrdered: 'boolean', countryCode: 'string', coordinates: 'string', timeZone: 'string',
      full: 'string', defaultSeparator: 'string', ...CONTEXTUAL, phoneticScript: 'string', phoneticSystem: 'string', ...CONVERSION,
    },
  },
  AddressComponent: {
    required: ['kind', 'value'],
    fields: {
      value: 'string', phonetic: 'string', ...CONVERSION,
      kind: kinds('room', 'apartment', 'floor', 'building', 'number', 'name', 'block', 'subdistrict', 'district', 'locality', 'region',
        'postcode', 'country', 'direction', 'landmark', 'postOfficeBox', 'separator'),
    },
  },
  CryptoKey: { required: ['uri'], fields: { kind: 'string', ...RESOURCE, ...CONVERSION } },
  Directory: { required: ['uri'], fields: { kind: kinds('directory', 'entry'), listAs: 'uint', ...RESOURCE, ...CONVERSION } },
  Link: { required: ['uri'], fields: { kind: kinds('contact'), ...RESOURCE, ...CONVERSION } },
  Media: { required: ['kind', 'uri'], fields: { kind: kinds('photo', 'sound', 'logo'), ...RESOURCE, ...CONVERSION } },
  Anniversary: {
    required: ['kind', 'date'],
    fields: { kind: kinds('birth', 'death', 'wedding'), date: { oneOf: ['PartialDate', 'Timestamp'] }, place: { obj: 'Address' }, ...CONVERSION },
  },
  PartialDate: { fields: { year: 'uint', month: 'uint', day: 'uint', calendarScale: 'string', ...CONVERSION } },
  Timestamp: { required: ['@type', 'utc'], typeRequired: true, fields: { utc: 'utc', ...CONVERSION } },
  Note: { required: ['note'], fields: { note: 'string', created: 'utc', author: { obj: 'Author' }, ...CONVERSION } },
  Author: { fields: { name: 'string', uri: 'string', ...CONVERSION } },
  PersonalInfo: {
    required: ['kind', 'value'],
    fields: { kind: kinds('expertise', 'hobby', 'interest'), value: 'string', level: kinds('high', 'low', 'medium'), listAs: 'uint', ...CONVERSION },
  },
};

/**
 * RFC 9553 §3.x IANA registry: property names that are reserved and must not be used ("extra"
 * is registered as reserved, as jscontact-tests asserts).
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['extra']);
