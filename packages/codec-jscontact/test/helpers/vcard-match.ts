/**
 * The vCard matchers of jmapio/jscontact-tests, implemented from the fixtures README §2 (the
 * upstream Python runner is not copied): a produced vCard must consist of exactly the properties
 * the matchers allow, using every mandatory matcher once.
 */

export type ValueMatcher =
  | string
  | { any: true }
  | { noCase: string }
  | { oneOf: ValueMatcher[] }
  | { maybeQuoted: string }
  | { maybeEscaped: string }
  | { components: Array<string | { set: string[] }> }
  | { textJson: unknown }
  | { timestamp: string };

export interface ParamMatcher {
  name: string;
  value: ValueMatcher;
  mandatory: boolean;
}

export interface PropMatcher {
  name: string;
  value: ValueMatcher;
  params: ParamMatcher[];
  mandatory: boolean;
  altId: { id: string; mandatory: boolean } | null;
  group: string | { groupId: string } | null;
}

/** A content line as written: group, name, raw parameter values (quotes kept), raw value. */
export interface RawProperty {
  group: string | undefined;
  name: string;
  params: Array<[string, string]>;
  value: string;
}

/** Unfolds vCard text and splits each line without decoding anything. */
export function rawProperties(text: string): RawProperty[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter((l) => l !== '');
  const out: RawProperty[] = [];
  for (const line of lines) {
    let i = 0;
    let inQuote = false;
    const parts: string[] = [];
    let start = 0;
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === '"') inQuote = !inQuote;
      else if (!inQuote && (c === ';' || c === ':')) {
        parts.push(line.slice(start, i));
        start = i + 1;
        if (c === ':') break;
      }
    }
    const value = line.slice(i + 1);
    const [fullName, ...params] = parts;
    const dot = fullName!.indexOf('.');
    const name = (dot >= 0 ? fullName!.slice(dot + 1) : fullName!).toUpperCase();
    if (name === 'BEGIN' || name === 'END') continue;
    out.push({
      group: dot >= 0 ? fullName!.slice(0, dot) : undefined,
      name,
      params: params.map((p) => {
        const eq = p.indexOf('=');
        return [p.slice(0, eq).toUpperCase(), p.slice(eq + 1)] as [string, string];
      }),
      value,
    });
  }
  return out;
}

function splitUnescaped(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function instant(text: string): number | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return undefined;
  const zone = m[7] === undefined || m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
}

/** Whether a raw value matches a value matcher. */
export function matchValue(m: ValueMatcher, value: string): boolean {
  if (typeof m === 'string') return value === m;
  if ('any' in m) return true;
  if ('noCase' in m) return value.toLowerCase() === m.noCase.toLowerCase();
  if ('oneOf' in m) return m.oneOf.some((x) => matchValue(x, value));
  if ('maybeQuoted' in m) return value === m.maybeQuoted || value === `"${m.maybeQuoted}"`;
  if ('maybeEscaped' in m) return value === m.maybeEscaped || value.replace(/\\,/g, ',') === m.maybeEscaped;
  if ('components' in m) {
    const comps = splitUnescaped(value, ';');
    if (comps.length !== m.components.length) return false;
    return m.components.every((c, i) => {
      if (typeof c === 'string') return comps[i] === c;
      const got = splitUnescaped(comps[i]!, ',').filter((v) => v !== '').sort();
      return JSON.stringify(got) === JSON.stringify([...c.set].sort());
    });
  }
  if ('textJson' in m) {
    try {
      // The matcher holds the JSON text; the value is that JSON as vCard TEXT (\, and \\ escaped).
      const want = typeof m.textJson === 'string' ? (JSON.parse(m.textJson) as unknown) : m.textJson;
      return JSON.stringify(canonical(JSON.parse(value.replace(/\\([,\\])/g, '$1')))) === JSON.stringify(canonical(want));
    } catch {
      return false;
    }
  }
  const a = instant(value);
  return a !== undefined && a === instant(m.timestamp);
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
}

function matchProperty(m: PropMatcher, p: RawProperty): boolean {
  if (m.name.toUpperCase() !== p.name) return false;
  if (!matchValue(m.value, p.value)) return false;
  if (typeof m.group === 'string' && p.group?.toLowerCase() !== m.group.toLowerCase()) return false;
  if (m.group !== null && typeof m.group === 'object' && p.group === undefined) return false;
  const used = new Set<ParamMatcher>();
  for (const [name, value] of p.params) {
    if (name === 'ALTID') continue;
    const pm = m.params.find((x) => x.name.toUpperCase() === name && !used.has(x) && matchValue(x.value, value));
    if (!pm) return false;
    used.add(pm);
  }
  if (m.params.some((x) => x.mandatory && !used.has(x))) return false;
  const altid = p.params.find(([n]) => n === 'ALTID');
  if (m.altId?.mandatory && !altid) return false;
  return true;
}

/**
 * Assigns every produced property a distinct matcher it satisfies, using every mandatory
 * matcher; then checks the ALTID and group constraints across the assignment. Returns `undefined`
 * when the vCard matches, else a description of the first problem.
 */
export function matchVCard(props: RawProperty[], matchers: PropMatcher[]): string | undefined {
  const assignment: Array<PropMatcher | undefined> = new Array(props.length);
  const taken = new Set<PropMatcher>();
  const mandatory = matchers.filter((m) => m.mandatory);
  const search = (i: number): boolean => {
    if (i === props.length) return mandatory.every((m) => taken.has(m)) && constraintsHold(props, assignment);
    for (const m of matchers) {
      if (taken.has(m) || !matchProperty(m, props[i]!)) continue;
      taken.add(m);
      assignment[i] = m;
      if (search(i + 1)) return true;
      taken.delete(m);
    }
    assignment[i] = undefined;
    return false;
  };
  if (search(0)) return undefined;
  const unmatched = props.filter((p) => !matchers.some((m) => matchProperty(m, p)));
  if (unmatched.length > 0) return `no matcher for ${unmatched.map((p) => `${p.name};${p.params.map((x) => x.join('=')).join(';')}:${p.value}`).join(' | ')}`;
  return `mandatory matchers not all used or ALTID/group constraints violated: ${mandatory.map((m) => m.name).join(',')}`;
}

function constraintsHold(props: RawProperty[], assignment: Array<PropMatcher | undefined>): boolean {
  const altByMatcherId = new Map<string, Set<string>>();
  const groupById = new Map<string, Set<string | undefined>>();
  props.forEach((p, i) => {
    const m = assignment[i]!;
    if (m.altId) {
      const alt = p.params.find(([n]) => n === 'ALTID')?.[1];
      if (alt !== undefined) {
        const set = altByMatcherId.get(m.altId.id) ?? new Set();
        set.add(alt);
        altByMatcherId.set(m.altId.id, set);
      }
    }
    if (m.group !== null && typeof m.group === 'object') {
      const set = groupById.get(m.group.groupId) ?? new Set();
      set.add(p.group?.toLowerCase());
      groupById.set(m.group.groupId, set);
    }
  });
  for (const set of altByMatcherId.values()) if (set.size > 1) return false;
  const allAlt = [...altByMatcherId.values()].map((s) => [...s][0]);
  if (new Set(allAlt).size !== allAlt.length) return false;
  for (const set of groupById.values()) if (set.size > 1) return false;
  return true;
}
