/**
 * One problem found while reading or writing iCalendar data.
 *
 * `line` is the 1-based physical line where the offending content line starts
 * (text input only); `path` is a JSON pointer into the jCal structure when the
 * problem concerns structured input.
 */
export interface Issue {
  message: string;
  path?: string;
  line?: number;
  code?: string;
}

/**
 * The result of a codec call that never throws on bad input: either a value
 * (with the problems that were worked around) or the errors that prevented one.
 */
export type Parsed<T> =
  | { ok: true; value: T; warnings: Issue[] }
  | { ok: false; errors: Issue[] };

/** Parameters of a jCal property (RFC 7265 §3.5): lowercase names, string or multi values. */
export type JCalParameters = Record<string, string | string[]>;

/** A jCal property (RFC 7265 §3.4): `[name, parameters, valueType, ...values]`. */
export type JCalProperty = [name: string, parameters: JCalParameters, valueType: string, ...values: unknown[]];

/** A jCal component (RFC 7265 §3.3): `[name, properties, subcomponents]`. */
export type JCalComponent = [name: string, properties: JCalProperty[], components: JCalComponent[]];
