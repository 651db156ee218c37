/**
 * A problem found in the input. `path` is a JSON pointer (RFC 6901) into the JSON input, e.g.
 * `/emails/e1/address`; `line` is a line of vCard text; `code` is stable (see the README).
 */
export interface Issue {
  message: string;
  path?: string;
  line?: number;
  code?: string;
}

/**
 * The result of every codec entry point that can meet bad input: a value with warnings, or the
 * errors that prevented producing one. Structurally identical in every Almanac codec package.
 */
export type Parsed<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; errors: Issue[] };

/** RFC 9553 §1.4.1: Id, 1–255 characters of the URL and filename safe base64 alphabet. */
export type Id = string;
/** RFC 9553 §1.4.4: `YYYY-MM-DDTHH:MM:SS[.s]Z`. */
export type UTCDateTime = string;
/** RFC 9553 §1.4.9: keys are JSON pointers without the leading `/`; `null` removes. */
export type PatchObject = { [path: string]: unknown };
/** A set of values: `{ value: true }` (RFC 9553 §1.4.x "String[Boolean]"). */
export type BooleanSet = { [key: string]: true };

/** Members every JSContact object may carry: RFC 9555 conversion properties and extensions. */
interface Extensible {
  '@type'?: string;
  /** RFC 9555 §2.15.2: vCard parameters of the property this object came from. */
  vCardParams?: { [name: string]: string | string[] };
  /** RFC 9555 §2.15.3: the vCard property name, where several convert to this object type. */
  vCardName?: string;
  /** Vendor (`example.com:name`) and unknown properties are kept as they are. */
  [extension: string]: unknown;
}

/** RFC 9553 §1.5.1: `contexts`, `pref`, `label` shared by many objects. */
interface Contextual extends Extensible {
  contexts?: BooleanSet;
  pref?: number;
  label?: string;
}

/** RFC 9553 §2.1.8: a related card and how it relates. */
export interface Relation extends Extensible {
  relation?: BooleanSet;
}

/** RFC 9553 §2.2.1.2. */
export interface NameComponent extends Extensible {
  kind: 'title' | 'given' | 'given2' | 'surname' | 'surname2' | 'credential' | 'generation' | 'separator' | (string & {});
  value: string;
  phonetic?: string;
}

/** RFC 9553 §2.2.1: the name of the entity the card represents. */
export interface Name extends Extensible {
  components?: NameComponent[];
  isOrdered?: boolean;
  defaultSeparator?: string;
  full?: string;
  sortAs?: { [kind: string]: string };
  phoneticScript?: string;
  phoneticSystem?: string;
}

/** RFC 9553 §2.2.2. */
export interface Nickname extends Contextual {
  name: string;
}

/** RFC 9553 §2.2.3. */
export interface OrgUnit extends Extensible {
  name: string;
  sortAs?: string;
}

/** RFC 9553 §2.2.3. */
export interface Organization extends Contextual {
  name?: string;
  units?: OrgUnit[];
  sortAs?: string;
}

/** RFC 9553 §2.2.4. */
export interface Pronouns extends Contextual {
  pronouns: string;
}

/** RFC 9553 §2.2.4. */
export interface SpeakToAs extends Extensible {
  grammaticalGender?: string;
  pronouns?: { [id: Id]: Pronouns };
}

/** RFC 9553 §2.2.5. */
export interface Title extends Extensible {
  name: string;
  kind?: 'title' | 'role' | (string & {});
  organizationId?: Id;
}

/** RFC 9553 §2.3.1. */
export interface EmailAddress extends Contextual {
  address: string;
}

/** RFC 9553 §2.3.2. */
export interface OnlineService extends Contextual {
  service?: string;
  uri?: string;
  user?: string;
}

/** RFC 9553 §2.3.3. */
export interface Phone extends Contextual {
  number: string;
  features?: BooleanSet;
}

/** RFC 9553 §2.3.4. */
export interface LanguagePref extends Contextual {
  language: string;
}

/** RFC 9553 §1.4.4 Resource: what Calendar, CryptoKey, Directory, Link and Media share. */
export interface Resource extends Contextual {
  uri: string;
  kind?: string;
  mediaType?: string;
}

/** RFC 9553 §2.4.1. */
export interface Calendar extends Resource {
  kind?: 'calendar' | 'freeBusy' | (string & {});
}

/** RFC 9553 §2.4.2. */
export interface SchedulingAddress extends Contextual {
  uri: string;
}

/** RFC 9553 §2.5.1.1. */
export interface AddressComponent extends Extensible {
  kind: string;
  value: string;
  phonetic?: string;
}

/** RFC 9553 §2.5.1. */
export interface Address extends Contextual {
  components?: AddressComponent[];
  isOrdered?: boolean;
  countryCode?: string;
  coordinates?: string;
  timeZone?: string;
  full?: string;
  defaultSeparator?: string;
  phoneticScript?: string;
  phoneticSystem?: string;
}

/** RFC 9553 §2.6.2. */
export interface Directory extends Resource {
  kind?: 'directory' | 'entry' | (string & {});
  listAs?: number;
}

/** RFC 9553 §2.6.4. */
export interface Media extends Resource {
  kind: 'photo' | 'sound' | 'logo' | (string & {});
}

/** RFC 9553 §2.8.1. */
export interface PartialDate extends Extensible {
  year?: number;
  month?: number;
  day?: number;
  calendarScale?: string;
}

/** RFC 9553 §2.8.1: a point in time, `@type` mandatory. */
export interface Timestamp extends Extensible {
  '@type': 'Timestamp';
  utc: UTCDateTime;
}

/** RFC 9553 §2.8.1. */
export interface Anniversary extends Extensible {
  kind: 'birth' | 'death' | 'wedding' | (string & {});
  date: PartialDate | Timestamp;
  place?: Address;
}

/** RFC 9553 §2.8.3. */
export interface Author extends Extensible {
  name?: string;
  uri?: string;
}

/** RFC 9553 §2.8.3. */
export interface Note extends Extensible {
  note: string;
  created?: UTCDateTime;
  author?: Author;
}

/** RFC 9553 §2.8.4. */
export interface PersonalInfo extends Extensible {
  kind: 'expertise' | 'hobby' | 'interest' | (string & {});
  value: string;
  level?: 'high' | 'low' | 'medium' | (string & {});
  listAs?: number;
}

/** A jCard property (RFC 7095 §3.3), as RFC 9555 §2.15.1 vCardProps holds them. */
export type JCardProp = [name: string, params: { [name: string]: string | string[] }, type: string, ...values: unknown[]];

/**
 * A JSContact Card (RFC 9553 §2), the canonical form of this package: the `rfc` profile. Groups
 * are Cards with `kind: "group"` and `members`. Unknown and vendor properties are kept.
 */
export interface Card extends Extensible {
  '@type': 'Card';
  version: string;
  uid: string;
  created?: UTCDateTime;
  kind?: 'individual' | 'group' | 'org' | 'location' | 'device' | 'application' | (string & {});
  language?: string;
  members?: BooleanSet;
  prodId?: string;
  relatedTo?: { [uri: string]: Relation };
  updated?: UTCDateTime;
  name?: Name;
  nicknames?: { [id: Id]: Nickname };
  organizations?: { [id: Id]: Organization };
  speakToAs?: SpeakToAs;
  titles?: { [id: Id]: Title };
  emails?: { [id: Id]: EmailAddress };
  onlineServices?: { [id: Id]: OnlineService };
  phones?: { [id: Id]: Phone };
  preferredLanguages?: { [id: Id]: LanguagePref };
  calendars?: { [id: Id]: Calendar };
  schedulingAddresses?: { [id: Id]: SchedulingAddress };
  addresses?: { [id: Id]: Address };
  cryptoKeys?: { [id: Id]: Resource };
  directories?: { [id: Id]: Directory };
  links?: { [id: Id]: Resource };
  media?: { [id: Id]: Media };
  localizations?: { [language: string]: PatchObject };
  anniversaries?: { [id: Id]: Anniversary };
  keywords?: BooleanSet;
  notes?: { [id: Id]: Note };
  personalInfo?: { [id: Id]: PersonalInfo };
  /** RFC 9555 §2.15.1: vCard properties that have no JSContact counterpart. */
  vCardProps?: JCardProp[];
}

/** The two JSON shapes of the REST API (DECISIONS.md "JSON shapes: two profiles"). */
export type Profile = 'rfc' | 'egroupware';

/** A JSON object as `JSON.parse` produces it. */
export type JsonObject = { [key: string]: unknown };
