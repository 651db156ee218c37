import { table } from '../table.js';
/**
 * The spellings of the `egroupware` profile (EGroupware's JSContact, draft-ietf-jmap-jscontact-08
 * with its own changes; egroupware-behaviour.md §5.1, §5.6) next to RFC 9553's.
 */

/** NameComponent `type` (egroupware, with the older draft names) → RFC 9553 `kind`. */
export const NAME_TYPE_TO_KIND: Readonly<Record<string, string>> = table<string>({
  prefix: 'title',
  title: 'title',
  personal: 'given',
  given: 'given',
  additional: 'given2',
  given2: 'given2',
  middle: 'given2',
  surname: 'surname',
  surname2: 'surname2',
  suffix: 'credential',
  credential: 'credential',
  generation: 'generation',
  separator: 'separator',
});

/** RFC 9553 `kind` → the `type` the egroupware profile writes (DECISIONS.md: personal, …). */
export const KIND_TO_NAME_TYPE: Readonly<Record<string, string>> = table<string>({
  title: 'prefix',
  given: 'personal',
  given2: 'additional',
  surname: 'surname',
  surname2: 'surname2',
  credential: 'suffix',
  generation: 'generation',
  separator: 'separator',
});

/** Order in which a relaxed name object (`{"given": "A", "surname": "B"}`) becomes components. */
export const NAME_OBJECT_ORDER: readonly string[] = ['prefix', 'title', 'personal', 'given', 'additional', 'given2', 'middle', 'surname', 'surname2', 'suffix', 'credential', 'generation'];

/** Phone features: egroupware `cell` is RFC 9553 `mobile`. */
export const FEATURE_TO_RFC: Readonly<Record<string, string>> = table<string>({ cell: 'mobile' });
export const FEATURE_TO_EGW: Readonly<Record<string, string>> = table<string>({ mobile: 'cell' });

/** Contexts: egroupware accepts `home` for `private` (§5.1). */
export const CONTEXT_TO_RFC: Readonly<Record<string, string>> = table<string>({ home: 'private' });

/** StreetComponent types of the draft → AddressComponent kinds of RFC 9553. */
export const STREET_TYPE_TO_KIND: Readonly<Record<string, string>> = table<string>({
  name: 'name',
  number: 'number',
  separator: 'separator',
  apartment: 'apartment',
  room: 'room',
  building: 'building',
  floor: 'floor',
  direction: 'direction',
  postOfficeBox: 'postOfficeBox',
  extension: 'apartment',
  unknown: 'name',
});

/** Address members the egroupware profile writes flat (not in `street`), in this order. */
export const FLAT_ADDRESS_KINDS: readonly string[] = ['locality', 'region', 'postcode', 'country'];
