import type { DavMediaType } from './dav-app.js';

/** Legacy media types some clients send or ask for (behaviour §6.7), by the type they stand for. */
const ALIASES: Readonly<Record<string, string>> = {
  'text/x-vcard': 'text/vcard', 'text/directory': 'text/vcard', 'text/x-vcalendar': 'text/calendar',
};

/** A media type without parameters, lower-cased; undefined for a missing or blank header. */
export function bareMediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === '' ? undefined : type;
}

/**
 * The app media type that `type` (parameters stripped, legacy aliases mapped) and `version` name,
 * or undefined when the app takes no such type. Without a version any version of the type fits
 * (the first one listed is returned).
 *
 * @example findMediaType([{ contentType: 'text/vcard', version: '3.0' }], 'text/x-vcard') // { contentType: 'text/vcard', version: '3.0' }
 */
export function findMediaType(types: readonly DavMediaType[], type: string, version?: string): DavMediaType | undefined {
  const bare = bareMediaType(type);
  if (bare === undefined) return undefined;
  const wanted = ALIASES[bare] ?? bare;
  return types.find((m) => m.contentType === wanted && (version === undefined || m.version === version));
}

interface AcceptEntry {
  readonly type: string;
  readonly version?: string;
  readonly q: number;
  readonly order: number;
}

/** RFC 9110 §12.5.1: `type/subtype;param=value;q=0.5, …`; malformed entries are skipped. */
function parseAccept(accept: string): AcceptEntry[] {
  const entries: AcceptEntry[] = [];
  accept.split(',').forEach((part, order) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    if (!type || !type.includes('/')) return;
    let q = 1;
    let version: string | undefined;
    for (const param of params) {
      const eq = param.indexOf('=');
      if (eq < 0) continue;
      const name = param.slice(0, eq).trim().toLowerCase();
      const value = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
      if (name === 'q') q = Number.isFinite(Number(value)) ? Number(value) : 0;
      else if (name === 'version') version = value;
    }
    entries.push({ type: type.toLowerCase(), ...(version !== undefined && { version }), q, order });
  });
  return entries.sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * The version an `Accept` header asks for among an app's media types (RFC 6352 §5.1.1 content
 * negotiation: `Accept: text/vcard; version=4.0`), or undefined when it names none in particular
 * (no header, `*\/*`, a type without `version`, or nothing the app serves): then the resource is
 * served as stored. Entries with `q=0` are refused ones and never chosen. Never throws.
 *
 * @example preferredVersion('text/vcard;version=4.0, text/vcard;q=0.5', vcardTypes) // '4.0'
 */
export function preferredVersion(accept: string | undefined, types: readonly DavMediaType[]): string | undefined {
  if (!accept) return undefined;
  for (const entry of parseAccept(accept)) {
    if (entry.q <= 0) continue;
    if (entry.version === undefined) {
      if (entry.type === '*/*' || findMediaType(types, entry.type)) return undefined;
      continue;
    }
    const found = findMediaType(types, entry.type, entry.version);
    if (found) return found.version;
  }
  return undefined;
}
