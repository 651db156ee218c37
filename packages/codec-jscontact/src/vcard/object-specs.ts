import { table } from '../table.js';
/**
 * The vCard properties that convert one-to-one into an entry of a JSContact map (RFC 9555 §2.x),
 * as data shared by both directions: where the entry lives, which member the value goes to, and
 * which parameters become which members.
 */

/** A vCard parameter that converts to a member of the JSContact object. */
export interface ParamMember {
  /** Member path inside the object (`['author', 'name']` for AUTHOR-NAME). */
  member: readonly string[];
  /** Parameter text to member value; `undefined` when it does not convert. */
  read(value: string): unknown;
  /** Member value to parameter text; `undefined` when it cannot be written. */
  write(value: unknown): string | undefined;
}

/** How one vCard property converts to and from a JSContact object. */
export interface ObjectSpec {
  /** Lowercase vCard property name. */
  vcard: string;
  /** Where the objects live: `['emails']`, or `['speakToAs', 'pronouns']`. */
  at: readonly string[];
  /** The member the property value goes to, per jCard value type (`*` for any other type). */
  valueKey: string;
  /** For SOCIALPROFILE: a TEXT value is the user name, not a URI (RFC 9555 §2.7.5). */
  textValueKey?: string;
  /** The object's `kind` (PHOTO is a Media of kind photo). */
  kind?: string;
  /** RFC 9555 §2.15.3: set for IMPP, which shares OnlineService with SOCIALPROFILE. */
  vCardName?: string;
  /** TYPE home/work convert to `contexts` (RFC 9555 §2.3.18) and PREF to `pref`. */
  contextual: boolean;
  /** The object has a `label`, which an X-ABLabel of the same group converts to. */
  label: boolean;
  /** TYPE values that convert to a member set (TEL: cell → features.mobile). */
  typeSet?: { member: string; values: Readonly<Record<string, string>> };
  /** Other parameters that convert to members. */
  params?: Readonly<Record<string, ParamMember>>;
  /** jCard value types it accepts; the value type written back is `naturalType(value)`. */
  types: readonly string[];
  naturalType(value: string): string;
}

const string: Omit<ParamMember, 'member'> = {
  read: (v) => v,
  write: (v) => (typeof v === 'string' ? v : undefined),
};

const positiveInt: Omit<ParamMember, 'member'> = {
  read: (v) => (/^[1-9]\d{0,8}$/.test(v) ? Number(v) : undefined),
  write: (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? String(v) : undefined),
};

/** RFC 9554 §4.3 CREATED parameter (vCard timestamp) ⇄ UTCDateTime. */
export const timestampParam: Omit<ParamMember, 'member'> = {
  read: (v) => vcardTimestampToUtc(v),
  write: (v) => (typeof v === 'string' ? utcToVcardTimestamp(v) : undefined),
};

/**
 * `19531015T231000Z` (or the extended form, or with a UTC offset, RFC 6350 §4.3.5) to
 * `1953-10-15T23:10:00Z`; else `undefined`.
 */
export function vcardTimestampToUtc(v: string): string | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(\.\d+)?(Z|([+-])(\d{2})(?::?(\d{2}))?)$/.exec(v);
  if (!m) return undefined;
  if (m[8] === 'Z') return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}Z`;
  const offset = (Number(m[10]) * 60 + Number(m[11] ?? '0')) * (m[9] === '-' ? -1 : 1);
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - offset * 60000;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}

/** `1953-10-15T23:10:00Z` to the vCard basic form `19531015T231000Z`; else `undefined`. */
export function utcToVcardTimestamp(v: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/i.exec(v);
  return m ? `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}${m[7] ?? ''}Z` : undefined;
}

const uriType = (): string => 'uri';
const textType = (): string => 'text';
/** RFC 3986 scheme followed by ":" — a value written as URI rather than text. */
export const looksLikeUri = (value: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value);

const mediaType: Readonly<Record<string, ParamMember>> = { mediatype: { member: ['mediaType'], ...string } };

/** RFC 9555 §2.3.11: on EXPERTISE, beginner/average/expert are low/medium/high. */
const EXPERTISE_LEVEL: Readonly<Record<string, string>> = table<string>({ beginner: 'low', average: 'medium', expert: 'high' });
const EXPERTISE_LEVEL_BACK: Readonly<Record<string, string>> = table<string>({ low: 'beginner', medium: 'average', high: 'expert' });
const level = (expertise: boolean): ParamMember => ({
  member: ['level'],
  read: (v) => (expertise ? (EXPERTISE_LEVEL[v.toLowerCase()] ?? v.toLowerCase()) : v.toLowerCase()),
  write: (v) => (typeof v !== 'string' ? undefined : expertise ? (EXPERTISE_LEVEL_BACK[v] ?? v) : v),
});

const personalInfo = (vcard: string, kind: string): ObjectSpec => ({
  vcard,
  at: ['personalInfo'],
  valueKey: 'value',
  kind,
  contextual: false,
  label: false,
  params: { level: level(kind === 'expertise'), index: { member: ['listAs'], ...positiveInt } },
  types: ['text'],
  naturalType: textType,
});

const resource = (vcard: string, at: string, kind: string | undefined, extra: Readonly<Record<string, ParamMember>> = {}): ObjectSpec => ({
  vcard,
  at: [at],
  valueKey: 'uri',
  kind,
  contextual: true,
  label: true,
  params: { ...mediaType, ...extra },
  types: ['uri'],
  naturalType: uriType,
});

/** RFC 9555 §2.7.8 TEL TYPE values that are Phone features. */
export const TEL_FEATURES: Readonly<Record<string, string>> = table<string>({
  cell: 'mobile',
  fax: 'fax',
  'main-number': 'main-number',
  pager: 'pager',
  text: 'text',
  textphone: 'textphone',
  video: 'video',
  voice: 'voice',
});

/** Every one-to-one property, keyed by lowercase vCard name. */
export const OBJECT_SPECS: Readonly<Record<string, ObjectSpec>> = table<ObjectSpec>({
  email: { vcard: 'email', at: ['emails'], valueKey: 'address', contextual: true, label: true, types: ['text'], naturalType: textType },
  tel: {
    vcard: 'tel',
    at: ['phones'],
    valueKey: 'number',
    contextual: true,
    label: true,
    typeSet: { member: 'features', values: TEL_FEATURES },
    types: ['uri', 'text'],
    naturalType: (v) => (looksLikeUri(v) ? 'uri' : 'text'),
  },
  impp: {
    vcard: 'impp',
    at: ['onlineServices'],
    valueKey: 'uri',
    vCardName: 'impp',
    contextual: true,
    label: true,
    params: { 'service-type': { member: ['service'], ...string }, username: { member: ['user'], ...string } },
    types: ['uri'],
    naturalType: uriType,
  },
  socialprofile: {
    vcard: 'socialprofile',
    at: ['onlineServices'],
    valueKey: 'uri',
    textValueKey: 'user',
    contextual: true,
    label: true,
    params: { 'service-type': { member: ['service'], ...string }, username: { member: ['user'], ...string } },
    types: ['uri', 'text'],
    naturalType: uriType,
  },
  lang: { vcard: 'lang', at: ['preferredLanguages'], valueKey: 'language', contextual: true, label: false, types: ['language-tag'], naturalType: () => 'language-tag' },
  photo: resource('photo', 'media', 'photo'),
  logo: resource('logo', 'media', 'logo'),
  sound: resource('sound', 'media', 'sound'),
  url: resource('url', 'links', undefined),
  'contact-uri': resource('contact-uri', 'links', 'contact'),
  key: resource('key', 'cryptoKeys', undefined),
  source: resource('source', 'directories', 'entry', { index: { member: ['listAs'], ...positiveInt } }),
  'org-directory': resource('org-directory', 'directories', 'directory', { index: { member: ['listAs'], ...positiveInt } }),
  caluri: resource('caluri', 'calendars', 'calendar'),
  fburl: resource('fburl', 'calendars', 'freeBusy'),
  caladruri: { vcard: 'caladruri', at: ['schedulingAddresses'], valueKey: 'uri', contextual: true, label: true, types: ['uri'], naturalType: uriType },
  nickname: { vcard: 'nickname', at: ['nicknames'], valueKey: 'name', contextual: true, label: false, types: ['text'], naturalType: textType },
  pronouns: { vcard: 'pronouns', at: ['speakToAs', 'pronouns'], valueKey: 'pronouns', contextual: true, label: false, types: ['text'], naturalType: textType },
  expertise: personalInfo('expertise', 'expertise'),
  hobby: personalInfo('hobby', 'hobby'),
  interest: personalInfo('interest', 'interest'),
  title: { vcard: 'title', at: ['titles'], valueKey: 'name', kind: 'title', contextual: false, label: false, types: ['text'], naturalType: textType },
  role: { vcard: 'role', at: ['titles'], valueKey: 'name', kind: 'role', contextual: false, label: false, types: ['text'], naturalType: textType },
  note: {
    vcard: 'note',
    at: ['notes'],
    valueKey: 'note',
    contextual: false,
    label: false,
    params: {
      created: { member: ['created'], ...timestampParam },
      author: { member: ['author', 'uri'], ...string },
      'author-name': { member: ['author', 'name'], ...string },
    },
    types: ['text'],
    naturalType: textType,
  },
});

/** The vCard property an entry of a JSContact map converts back to (RFC 9555 §3.1). */
export function specForObject(collection: string, obj: { kind?: unknown; vCardName?: unknown; uri?: unknown }): ObjectSpec | undefined {
  switch (collection) {
    case 'emails':
      return OBJECT_SPECS['email'];
    case 'phones':
      return OBJECT_SPECS['tel'];
    case 'onlineServices':
      return typeof obj.vCardName === 'string' && obj.vCardName.toLowerCase() === 'impp' ? OBJECT_SPECS['impp'] : OBJECT_SPECS['socialprofile'];
    case 'preferredLanguages':
      return OBJECT_SPECS['lang'];
    case 'media':
      return obj.kind === 'photo' || obj.kind === 'logo' || obj.kind === 'sound' ? OBJECT_SPECS[obj.kind] : undefined;
    case 'links':
      return obj.kind === 'contact' ? OBJECT_SPECS['contact-uri'] : obj.kind === undefined ? OBJECT_SPECS['url'] : undefined;
    case 'cryptoKeys':
      return obj.kind === undefined ? OBJECT_SPECS['key'] : undefined;
    case 'directories':
      return obj.kind === 'entry' ? OBJECT_SPECS['source'] : obj.kind === 'directory' ? OBJECT_SPECS['org-directory'] : undefined;
    case 'calendars':
      return obj.kind === 'calendar' ? OBJECT_SPECS['caluri'] : obj.kind === 'freeBusy' ? OBJECT_SPECS['fburl'] : undefined;
    case 'schedulingAddresses':
      return OBJECT_SPECS['caladruri'];
    case 'nicknames':
      return OBJECT_SPECS['nickname'];
    case 'pronouns':
      return OBJECT_SPECS['pronouns'];
    case 'personalInfo':
      return obj.kind === 'expertise' || obj.kind === 'hobby' || obj.kind === 'interest' ? OBJECT_SPECS[obj.kind] : undefined;
    case 'titles':
      return obj.kind === 'role' ? OBJECT_SPECS['role'] : obj.kind === undefined || obj.kind === 'title' ? OBJECT_SPECS['title'] : undefined;
    case 'notes':
      return OBJECT_SPECS['note'];
    default:
      return undefined;
  }
}

/** The JSContact map (last element of `at`) every vCard property name converts into. */
export function collectionOf(vcardName: string): string | undefined {
  const spec = OBJECT_SPECS[vcardName];
  if (spec) return spec.at[spec.at.length - 1];
  switch (vcardName) {
    case 'adr':
    case 'geo':
    case 'tz':
      return 'addresses';
    case 'org':
      return 'organizations';
    case 'bday':
    case 'birthplace':
    case 'anniversary':
    case 'deathdate':
    case 'deathplace':
      return 'anniversaries';
    default:
      return undefined;
  }
}
