/**
 * A problem found in the input. `line` is the 1-based line of the vCard text where the problem
 * starts (the first physical line of a folded content line); `path` is a JSON pointer into the
 * jCard when the problem is about a parsed value; `code` is stable (see the README).
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

/** The vCard versions this codec reads (2.1 leniently) and writes (3.0, 4.0). */
export type VCardVersion = '2.1' | '3.0' | '4.0';

/**
 * Parameters of a jCard property (RFC 7095 §3.4): lowercase names; a value list (`TYPE=a,b`, or a
 * parameter repeated) is an array. The property group (`item1.EMAIL`) is the `group` parameter
 * (RFC 7095 §3.3.1.2); the `VALUE` parameter is never here, it is the property's type.
 */
export type JCardParams = { [name: string]: string | string[] };

/**
 * One value of a jCard property: a string (or number/boolean for typed values), or for a
 * structured property (N, ADR, ORG, GENDER, …) an array of components, each a string or an
 * array of strings (RFC 7095 §3.3.1.3). A structured value with a single component may be a
 * plain string, as ical.js produces it.
 */
export type JCardValue = string | number | boolean | Array<string | number | string[]>;

/**
 * A jCard property (RFC 7095 §3.3): `[name, params, type, ...values]`, name lowercase, type a
 * lowercase value type name (`text`, `uri`, `date-and-or-time`, … or `unknown` for a property
 * whose type is not known: its value is then the raw text after the colon, escapes included).
 * Multi-valued properties (NICKNAME, CATEGORIES) carry one entry per value.
 */
export type JCardProperty = [name: string, params: JCardParams, type: string, ...values: JCardValue[]];

/** A jCard (RFC 7095 §3.2): `['vcard', properties, []]`. */
export type JCard = ['vcard', JCardProperty[], unknown[]];
