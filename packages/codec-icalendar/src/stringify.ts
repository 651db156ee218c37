import { ICALENDAR_DESIGN } from './design.js';
import { foldLine } from './fold.js';
import type { Issue, JCalComponent, JCalProperty } from './types.js';

/** Options of {@link stringifyICalendar}. */
export interface StringifyICalendarOptions {
  /** Collects the parts of the input that could not be written (they are skipped). */
  issues?: Issue[];
  /** Fold lines at 75 octets (default true). */
  fold?: boolean;
}

const TOKEN = /^[A-Za-z0-9-]+$/;
const PROPERTY_NAME = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;
const MAX_DEPTH = 32;
const STRING_TYPES = new Set(['text', 'uri', 'cal-address', 'binary', 'duration', 'date', 'date-time', 'utc-offset', 'time']);
const values = ICALENDAR_DESIGN.value;

/**
 * Writes jCal components (RFC 7265) as iCalendar text (RFC 5545): CRLF line
 * ends, lines folded at 75 octets, text escaped per §3.3.11, parameter values
 * quoted when needed and RFC 6868-escaped, `VALUE=` only where the type
 * differs from the property's default. Values typed `unknown` are written
 * verbatim. Malformed entries (wrong shapes, names that are not tokens) are
 * skipped and reported through `options.issues`; never throws.
 *
 * @example stringifyICalendar(['vcalendar', [['version', {}, 'text', '2.0']], []])
 * // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'
 */
export function stringifyICalendar(data: JCalComponent | JCalComponent[], options: StringifyICalendarOptions = {}): string {
  const issues = options.issues ?? [];
  const fold = options.fold !== false;
  const list: unknown[] = Array.isArray(data) && typeof data[0] === 'string' ? [data] : Array.isArray(data) ? data : [];
  let out = '';
  for (let i = 0; i < list.length; i++) out += writeComponent(list[i], `/${i}`, 0, fold, issues);
  return out;
}

/**
 * Writes one jCal property as an unfolded content line (no line break), or
 * undefined when the property is malformed. Exposed for callers that build
 * their own output (e.g. streaming).
 */
export function stringifyProperty(prop: JCalProperty): string | undefined {
  try {
    return writePropertyLine(prop);
  } catch {
    return undefined;
  }
}

function writeComponent(comp: unknown, path: string, depth: number, fold: boolean, issues: Issue[]): string {
  if (!Array.isArray(comp) || typeof comp[0] !== 'string' || !TOKEN.test(comp[0]) || !Array.isArray(comp[1])) {
    issues.push({ message: 'not a jCal component, skipped', path, code: 'jcal/invalid-component' });
    return '';
  }
  if (depth >= MAX_DEPTH) {
    issues.push({ message: `components nested deeper than ${MAX_DEPTH} levels skipped`, path, code: 'jcal/too-deep' });
    return '';
  }
  const name = comp[0].toUpperCase();
  let out = `BEGIN:${name}\r\n`;
  const props = comp[1] as unknown[];
  for (let i = 0; i < props.length; i++) {
    let line: string | undefined;
    try {
      line = writePropertyLine(props[i]);
    } catch {
      line = undefined;
    }
    if (line === undefined) {
      issues.push({ message: 'malformed jCal property skipped', path: `${path}/1/${i}`, code: 'jcal/invalid-property' });
      continue;
    }
    out += (fold ? foldLine(line) : line) + '\r\n';
  }
  const subs = Array.isArray(comp[2]) ? (comp[2] as unknown[]) : [];
  for (let i = 0; i < subs.length; i++) out += writeComponent(subs[i], `${path}/2/${i}`, depth + 1, fold, issues);
  return `${out}END:${name}\r\n`;
}

function writePropertyLine(prop: unknown): string | undefined {
  if (!Array.isArray(prop) || prop.length < 3 || typeof prop[0] !== 'string' || !PROPERTY_NAME.test(prop[0]) || typeof prop[2] !== 'string') return undefined;
  const params = prop[1];
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return undefined;
  const name = prop[0].toLowerCase();
  const type = prop[2].toLowerCase();
  const details = ICALENDAR_DESIGN.property[name];
  let line = name.toUpperCase();
  for (const key in params) {
    if (key === 'value' || key === 'group') continue;
    if (!TOKEN.test(key)) return undefined;
    const v = (params as Record<string, unknown>)[key];
    const quoteAll = ICALENDAR_DESIGN.param[key]?.multiValueSeparateDQuote === true;
    const text = Array.isArray(v) ? v.map((x) => paramValue(String(x), quoteAll)).join(',') : paramValue(String(v), quoteAll);
    line += `;${key.toUpperCase()}=${text}`;
  }
  const defaultType = details?.defaultType ?? 'unknown';
  if (type !== defaultType && type !== 'unknown') {
    if (!TOKEN.test(type)) return undefined;
    line += `;VALUE=${type.toUpperCase()}`;
  }
  line += ':';
  if (prop.length === 3) return line;
  const known = type !== 'unknown' && type in values;
  let value: string;
  if (!known) {
    value = prop.slice(3).map(rawValue).join(',');
  } else if (details?.structuredValue && Array.isArray(prop[3]) && prop.length === 4) {
    // RFC 7265 §3.4.1.2: structured values are arrays of components.
    value = (prop[3] as unknown[]).map((part) => (Array.isArray(part) ? part.map((x) => valueToICal(x, type, ';')).join(',') : valueToICal(part, type, ';'))).join(';');
  } else {
    const sep = details?.multiValue ?? ',';
    let joined = '';
    for (let i = 3; i < prop.length; i++) joined += (i > 3 ? sep : '') + valueToICal(prop[i], type, undefined);
    value = joined;
  }
  line += value;
  // A raw value must not break the line structure.
  if (line.indexOf('\n') !== -1 || line.indexOf('\r') !== -1) line = line.replace(/\r\n|\r|\n/g, '\\n');
  return line;
}

function valueToICal(v: unknown, type: string, structured: string | undefined): string {
  const design = values[type]!;
  if (!design.toICAL) return rawValue(v);
  let input = v;
  if (STRING_TYPES.has(type) && typeof v !== 'string') input = rawValue(v);
  else if (type === 'period' && !(Array.isArray(v) && v.length === 2)) return rawValue(v);
  else if (type === 'recur' && (typeof v !== 'object' || v === null)) return rawValue(v);
  return String(design.toICAL(input, structured));
}

function rawValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  try {
    return JSON.stringify(v);
  } catch {
    return '';
  }
}

/** RFC 5545 §3.2 quoting plus RFC 6868 escapes for `^`, newline and `"`. */
function paramValue(v: string, forceQuote: boolean): string {
  let s = v;
  if (/[\^\n\r"]/.test(s)) s = s.replace(/\^/g, '^^').replace(/\r\n|\r|\n/g, '^n').replace(/"/g, "^'");
  return forceQuote || /[;:,]/.test(s) ? `"${s}"` : s;
}
