import { parseVCard, unescapeText, type JCard, type JCardProperty } from '@almanac/codec-vcard';

/**
 * A vCard as a comparable set of properties: "compare as parsed structures, not bytes"
 * (fixtures README), with the equivalences a conversion through JSContact may introduce by
 * design, each one a spelling of the same data:
 *
 * - VERSION, PROP-ID (RFC 9555 §3.1 adds it to every converted property), and FN with
 *   DERIVED=TRUE or an empty FN (RFC 9555 §3.1 derives FN when the card has none) are left out;
 * - ALTID values are renamed by what they link (a lone ALTID links nothing and is dropped);
 * - parameter names and TYPE values are lowercase and sorted, TYPE=pref is PREF=1;
 * - N and ADR: trailing empty components are dropped; a 7-component ADR is compared with the
 *   RFC 9554 components RFC 9555 Table 2 derives from its street and extended address, and an
 *   ADR with those components without its derived street and extended address; values inside
 *   a component compare as a set, and JSCOMPS by the values and separators it names;
 * - VALUE=URL (vCard 3.0) is URI;
 * - N: secondary surnames copied into the family name component and generations into the
 *   honorific suffixes (RFC 9554 §2.2, for older readers) or not;
 * - NICKNAME:a,b is two NICKNAMEs, all CATEGORIES without parameters are one;
 * - X-ADDRESSBOOKSERVER-KIND/-MEMBER are KIND/MEMBER (Apple's 3.0 spelling);
 * - KIND and GRAMGENDER values and ENCODING and LEVEL parameters are case-insensitive tokens;
 *   X-ABLabel values compare unescaped;
 * - 3.0: a tel: URI and the bare number, base64 with or without line-folding spaces.
 */
export function vcardStructure(card: JCard): string[] {
  const props = card[1].filter((p) => p[0] !== 'version');
  const normal = new Map<JCardProperty, unknown[]>();
  for (const p of props) normal.set(p, normalValues(p));
  const altIds = new Map<string, JCardProperty[]>();
  for (const p of props) {
    const a = p[1]['altid'];
    if (typeof a === 'string') altIds.set(p[0] + '\u0000' + a, [...(altIds.get(p[0] + '\u0000' + a) ?? []), p]);
  }
  const out: string[] = [];
  const categories: string[] = [];
  for (const p of props) {
    const [rawName, rawParams, rawType] = p;
    const name = APPLE[rawName] ?? rawName;
    const type = APPLE[rawName] || name === 'kind' || name === 'member' ? '' : rawType;
    const params: Record<string, unknown> = {};
    for (const key of Object.keys(rawParams)) params[key.toLowerCase()] = rawParams[key];
    delete params['prop-id'];
    const vals = normal.get(p)!;
    if (name === 'fn' && ((typeof params['derived'] === 'string' && params['derived'].toLowerCase() === 'true') || vals[0] === '')) continue;
    const altid = params['altid'];
    if (typeof altid === 'string') {
      const linked = altIds.get(name + '\u0000' + altid) ?? [];
      if (linked.length < 2) delete params['altid'];
      else params['altid'] = linked.map((l) => JSON.stringify(normal.get(l))).sort()[0];
    }
    if (params['type'] !== undefined) {
      const list = (Array.isArray(params['type']) ? params['type'] : [params['type']]).map((t) => String(t).toLowerCase());
      if (list.includes('pref') && params['pref'] === undefined) params['pref'] = '1';
      const rest = list.filter((t) => t !== 'pref').sort();
      if (rest.length > 0) params['type'] = rest;
      else delete params['type'];
    }
    for (const token of ['encoding', 'level']) if (typeof params[token] === 'string') params[token] = (params[token] as string).toLowerCase();
    if (typeof params['jscomps'] === 'string' && (name === 'n' || name === 'adr')) params['jscomps'] = resolveJscomps(params['jscomps'], p[3]);
    if (params['encoding'] === 'b' && typeof vals[0] === 'string') vals[0] = vals[0].replace(/\s+/g, '');
    const t = name === 'tel' || name === 'x-ablabel' ? '' : type === 'url' ? 'uri' : type;
    const sortedParams = Object.fromEntries(Object.keys(params).sort().map((k) => [k, params[k]]));
    if (name === 'categories' && Object.keys(params).length === 0) {
      categories.push(...vals.map(String));
      continue;
    }
    if (name === 'nickname' && vals.length > 1) {
      for (const v of vals) out.push(JSON.stringify([name, sortedParams, t, v]));
      continue;
    }
    out.push(JSON.stringify([name, sortedParams, t, ...vals]));
  }
  if (categories.length > 0) out.push(JSON.stringify(['categories', {}, 'text', ...new Set(categories.sort())]));
  return out.sort();
}

/** Apple's vCard 3.0 spellings of KIND and MEMBER (codec-vcard writes them for 3.0). */
const APPLE: Readonly<Record<string, string>> = { 'x-addressbookserver-kind': 'kind', 'x-addressbookserver-member': 'member' };

function normalValues(p: JCardProperty): unknown[] {
  const [rawName, , type, ...values] = p;
  const name = APPLE[rawName] ?? rawName;
  if (name === 'n' || name === 'adr') return [structured(name, values[0])];
  if ((name === 'kind' || name === 'gramgender') && typeof values[0] === 'string') return [values[0].toLowerCase()];
  if (name === 'x-ablabel' && type === 'unknown' && typeof values[0] === 'string') return [unescapeText(values[0])];
  if (name === 'tel' && typeof values[0] === 'string' && /^tel:/i.test(values[0])) return [values[0].slice(4)];
  return [...values];
}

/** JSCOMPS (RFC 9555 §3.3.1) as the sequence of values and separators it stands for. */
function resolveJscomps(text: string, value: unknown): string {
  const comps = (Array.isArray(value) ? value : [value]).map((c) => (Array.isArray(c) ? c.map(String) : [String(c ?? '')]));
  return text
    .split(/(?<!\\);/)
    .map((entry, i) => {
      if (i === 0 || entry.startsWith('s,')) return entry;
      const [c, v] = entry.split(',').map(Number);
      // A missing or empty value is no value (an invalid JSCOMPS, kept as it was).
      return 'v:' + (comps[c!]?.[v ?? 0] || '?');
    })
    .join(';');
}

function structured(name: string, value: unknown): unknown {
  const comps = (Array.isArray(value) ? value : [value]).map((c) => (Array.isArray(c) ? c.map(String) : c === undefined ? [] : [String(c)]).filter((v) => v !== ''));
  if (name === 'adr') {
    while (comps.length < 18) comps.push([]);
    if (comps.slice(7).every((c) => c.length === 0)) {
      // RFC 9555 Table 2: a 7-component ADR's extended address is an apartment, its street a name.
      comps[8] = comps[1]!.slice();
      comps[11] = comps[2]!.slice();
    }
    // RFC 9555 Table 2: with the RFC 9554 components, street and extended address are derived.
    comps[1] = [];
    comps[2] = [];
  }
  if (name === 'n' && comps[5] !== undefined) {
    // RFC 9554 §2.2: the family name component also holds the secondary surnames (for older
    // readers); with or without those copies it is the same name.
    const surname2 = new Set(comps[5]);
    comps[0] = comps[0]!.filter((v) => !surname2.has(v));
  }
  if (name === 'n' && comps[6] !== undefined && comps[4] !== undefined) {
    const generation = new Set(comps[6]);
    comps[4] = comps[4].filter((v) => !generation.has(v));
  }
  while (comps.length > 0 && comps[comps.length - 1]!.length === 0) comps.pop();
  // The order of the values inside one component carries nothing (JSCOMPS is resolved to values).
  return comps.map((c) => c.slice().sort());
}

/** Parses vCard text that must hold exactly one valid card. */
export function parseOne(text: string): JCard {
  const r = parseVCard(text);
  if (!r.ok) throw new Error('not a vCard: ' + JSON.stringify(r.errors));
  return r.value;
}
