import ICAL from 'ical.js';
import { decodeICalendarBytes } from './charset.js';
import { forEachContentLine } from './content-lines.js';
import { ICALENDAR_DESIGN, RAW_DESIGN, type DesignSet } from './design.js';
import { formatContentLine, splitContentLine } from './line-syntax.js';
import { repairContentLine, VCALENDAR10_DESIGN } from './vcalendar10-lines.js';
import { upgradeVCalendar10 } from './vcalendar10.js';
import { checkValueTypes } from './value-checks.js';
import type { Issue, JCalComponent, JCalProperty, Parsed } from './types.js';

/** Options of {@link parseICalendar}. */
export interface ParseICalendarOptions {
  /** Charset of byte input when known (e.g. from Content-Type); ignored for strings. */
  charset?: string;
  /** Reject the input on the first problem instead of working around it. */
  strict?: boolean;
  /** Convert vCalendar 1.0 objects to RFC 5545 structure (default true). */
  upgradeVCalendar?: boolean;
  /** Longest accepted content line in characters (default 4 MiB). Longer lines are dropped. */
  maxLineLength?: number;
}

const parseProperty = ICAL.parse.property as (line: string, design: DesignSet) => JCalProperty;
/**
 * ical.js' per-line parser (exported on `ICAL.parse`, pinned version 2.2.1):
 * with a reused state it appends the property to the given component without
 * the allocations of `ICAL.parse.property`. Falls back to the public API.
 */
const handleLine = (ICAL.parse as unknown as { _handleContentLine?: (line: string, state: { component: unknown; designSet: DesignSet }) => void })._handleContentLine;
const lineState: { component: JCalComponent | [unknown[], JCalProperty[]]; designSet: DesignSet } = { component: [[], []], designSet: ICALENDAR_DESIGN };
const scratch: [unknown[], JCalProperty[]] = [[], []];

function fastParse(line: string, design: DesignSet): JCalProperty | undefined {
  if (!handleLine) return tryParse(line, design);
  scratch[1].length = 0;
  lineState.component = scratch;
  lineState.designSet = design;
  try {
    handleLine(line, lineState);
  } catch {
    return undefined;
  }
  return scratch[1][0];
}
/** Names already checked to be tokens (property and parameter names repeat a lot). */
const goodNames = new Set<string>();
const TOKEN = /^[a-z0-9-]+$/;
// vCard-style group prefixes (`group1.x-test`) are tolerated, as ical.js does.
const PROPERTY_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
const MAX_DEPTH = 32;
const MAX_PARAMS = 256;

/**
 * Parses iCalendar text (RFC 5545) into jCal components (RFC 7265), one array
 * entry per top-level component (usually one VCALENDAR, several if the text
 * holds several).
 *
 * Lenient by default: a malformed content line is dropped with a warning that
 * names its line; a missing END closes the component where the next sibling
 * or parent ends; values that do not match their type are kept as `unknown`
 * raw text instead of being mangled. vCalendar 1.0 is read too (bare
 * parameters, QUOTED-PRINTABLE, DALARM/AALARM, TZ/DAYLIGHT) and upgraded to
 * RFC 5545 structure. With `strict: true` any such problem makes the result
 * `ok: false`. Byte input is decoded per {@link decodeICalendarBytes}.
 * Never throws.
 *
 * @example
 * const r = parseICalendar('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
 * if (r.ok) r.value[0]; // ['vcalendar', [['version', {}, 'text', '2.0']], []]
 */
export function parseICalendar(input: string | Uint8Array, options: ParseICalendarOptions = {}): Parsed<JCalComponent[]> {
  try {
    return parseUnsafe(input, options);
  } catch (err) {
    // Defensive: every known failure is reported as an issue; this is a bug net.
    return { ok: false, errors: [{ message: `internal parser error: ${(err as Error)?.message ?? String(err)}`, code: 'internal' }] };
  }
}

function parseUnsafe(input: string | Uint8Array, options: ParseICalendarOptions): Parsed<JCalComponent[]> {
  const issues: Issue[] = [];
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeICalendarBytes(input, options.charset);
    text = decoded.text;
    issues.push(...decoded.warnings);
  }
  const maxLine = options.maxLineLength ?? 4 * 1024 * 1024;
  const roots: JCalComponent[] = [];
  const stack: Array<{ comp: JCalComponent; line: number }> = [];
  const vcal10Roots = new Set<JCalComponent>();
  let skipped = 0; // depth of components ignored because they nest too deep
  let vcal10 = false;

  forEachContentLine(text, (line, lineNo) => {
    if (line.length > maxLine) {
      issues.push({ message: `content line longer than ${maxLine} characters dropped`, line: lineNo, code: 'line/too-long' });
      return;
    }
    const first = line.charCodeAt(0) | 0x20;
    if (first === 0x62 /* b */ && line.length > 6 && line.slice(0, 6).toUpperCase() === 'BEGIN:') {
      const name = line.slice(6).trim().toLowerCase();
      if (!TOKEN.test(name)) {
        issues.push({ message: `invalid component name in "${clip(line)}"`, line: lineNo, code: 'component/invalid-name' });
        return;
      }
      if (skipped > 0 || stack.length >= MAX_DEPTH) {
        if (skipped === 0) issues.push({ message: `components nested deeper than ${MAX_DEPTH} levels dropped`, line: lineNo, code: 'component/too-deep' });
        skipped++;
        return;
      }
      const comp: JCalComponent = [name, [], []];
      if (stack.length === 0) {
        roots.push(comp);
        vcal10 = false;
      } else {
        stack[stack.length - 1]!.comp[2].push(comp);
      }
      stack.push({ comp, line: lineNo });
      return;
    }
    if (first === 0x65 /* e */ && line.length > 4 && line.slice(0, 4).toUpperCase() === 'END:') {
      const name = line.slice(4).trim().toLowerCase();
      if (skipped > 0) {
        skipped--;
        return;
      }
      let at = stack.length - 1;
      while (at >= 0 && stack[at]!.comp[0] !== name) at--;
      if (at < 0) {
        issues.push({ message: `END:${name.toUpperCase()} without matching BEGIN ignored`, line: lineNo, code: 'component/unmatched-end' });
        return;
      }
      for (let k = stack.length - 1; k > at; k--) {
        const open = stack[k]!;
        issues.push({ message: `${open.comp[0].toUpperCase()} not closed before END:${name.toUpperCase()}`, line: open.line, code: 'component/unclosed' });
      }
      stack.length = at;
      return;
    }
    if (stack.length === 0) {
      issues.push({ message: `content outside of any component ignored: "${clip(line)}"`, line: lineNo, code: 'line/outside-component' });
      return;
    }
    if (skipped > 0) return;
    const target = stack[stack.length - 1]!.comp;
    const prop = parseContentLine(line, lineNo, vcal10, issues);
    if (!prop) return;
    if (stack.length === 1 && prop[0] === 'version' && prop[3] === '1.0' && target[0] === 'vcalendar') {
      vcal10 = true;
      vcal10Roots.add(target);
    }
    target[1].push(prop);
  });

  for (let k = stack.length - 1; k >= 0; k--) {
    const open = stack[k]!;
    issues.push({ message: `${open.comp[0].toUpperCase()} not closed at end of input`, line: open.line, code: 'component/unclosed' });
  }
  if (options.upgradeVCalendar !== false) {
    for (let i = 0; i < roots.length; i++) {
      if (vcal10Roots.has(roots[i]!)) roots[i] = upgradeVCalendar10(roots[i]!, issues);
    }
  }
  if (roots.length === 0) {
    return { ok: false, errors: [...issues, { message: 'no iCalendar component found', code: 'input/empty' }] };
  }
  if (options.strict && issues.length > 0) return { ok: false, errors: issues };
  return { ok: true, value: roots, warnings: issues };
}

/**
 * Parses one unfolded content line through ical.js, repairing vCalendar 1.0
 * syntax and retyping values that do not match their type. Returns undefined
 * (with an issue) for a line that cannot be read at all.
 */
function parseContentLine(line: string, lineNo: number, vcal10: boolean, issues: Issue[]): JCalProperty | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) {
    issues.push({ message: `malformed content line (no ":"): "${clip(line)}"`, line: lineNo, code: 'line/malformed' });
    return undefined;
  }
  const design = vcal10 ? VCALENDAR10_DESIGN : ICALENDAR_DESIGN;
  let src = line;
  let repaired = false;
  const semi = line.indexOf(';');
  if (vcal10 || (semi !== -1 && semi < colon && mentionsQuotedPrintable(line, semi))) {
    src = repairContentLine(line, issues, lineNo);
    repaired = true;
  }
  let prop = fastParse(src, design);
  if (prop === undefined || !hasValidNames(prop)) {
    if (!repaired) {
      src = repairContentLine(line, issues, lineNo);
      repaired = true;
      prop = tryParse(src, design);
    }
    if (prop === undefined || !hasValidNames(prop)) {
      const raw = tryParse(src, RAW_DESIGN);
      if (raw === undefined || !hasValidNames(raw)) {
        issues.push({ message: `malformed content line dropped: "${clip(line)}"`, line: lineNo, code: 'line/malformed' });
        return undefined;
      }
      raw[2] = 'unknown';
      issues.push({ message: `value of ${raw[0].toUpperCase()} could not be parsed, kept as text`, line: lineNo, code: 'value/invalid' });
      return raw;
    }
  }
  if (!checkValueTypes(prop)) {
    // A junk VALUE= parameter: read the value with the property's default type.
    const plain = /;value=/i.test(src) ? tryParse(withoutValueParam(src), design) : undefined;
    if (plain !== undefined && hasValidNames(plain) && checkValueTypes(plain)) {
      issues.push({ message: `invalid VALUE type of ${plain[0].toUpperCase()} ignored`, line: lineNo, code: 'value/invalid-type' });
      return plain;
    }
    const raw = tryParse(src, RAW_DESIGN);
    if (raw !== undefined) {
      issues.push({ message: `value of ${prop[0].toUpperCase()} is not a valid ${prop[2].toUpperCase()}, kept as text`, line: lineNo, code: 'value/invalid' });
      raw[2] = 'unknown';
      return raw;
    }
  }
  return prop;
}

function withoutValueParam(line: string): string {
  const raw = splitContentLine(line);
  return raw ? formatContentLine({ ...raw, params: raw.params.filter((p) => p.name.toUpperCase() !== 'VALUE') }) : line;
}

function tryParse(line: string, design: DesignSet): JCalProperty | undefined {
  try {
    return parseProperty(line, design);
  } catch {
    return undefined;
  }
}

function mentionsQuotedPrintable(line: string, from: number): boolean {
  const colon = line.indexOf(':', from);
  const i = line.lastIndexOf('RINTABLE', colon);
  const j = i === -1 ? line.lastIndexOf('rintable', colon) : i;
  return j > from && j < colon;
}

/** Property and parameter names must be tokens (RFC 5545 §3.1); junk means a repair is needed. */
function hasValidNames(prop: JCalProperty): boolean {
  const name = prop[0];
  if (!goodNames.has(name)) {
    if (!PROPERTY_NAME.test(name)) return false;
    if (goodNames.size < 10_000) goodNames.add(name);
  }
  let n = 0;
  for (const key in prop[1]) {
    if (++n > MAX_PARAMS) return false;
    if (goodNames.has(key)) continue;
    if (!TOKEN.test(key)) return false;
    if (goodNames.size < 10_000) goodNames.add(key);
  }
  return true;
}

function clip(line: string): string {
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
