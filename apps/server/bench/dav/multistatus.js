// A small reader of multistatus bodies (RFC 4918 §13) for the benchmark: enough to count and
// compare what each server answered, whatever namespace prefixes it uses. Not a general XML parser:
// the three servers' bodies are well-formed and regular, and the timed part never includes parsing.

const tag = (local) => `<(?:[A-Za-z_][\\w.-]*:)?${local}\\b[^>]*>`;
const close = (local) => `</(?:[A-Za-z_][\\w.-]*:)?${local}\\s*>`;
const RESPONSE = new RegExp(`${tag('response')}([\\s\\S]*?)${close('response')}`, 'g');
const HREF = new RegExp(`${tag('href')}([\\s\\S]*?)${close('href')}`);
const STATUS = new RegExp(`${tag('status')}\\s*HTTP/\\d(?:\\.\\d)?\\s+(\\d{3})`, 'g');
const PROPSTAT = new RegExp(`${tag('propstat')}([\\s\\S]*?)${close('propstat')}`, 'g');
const ETAG = new RegExp(`${tag('getetag')}([^<]*)${close('getetag')}`);
const DATA = new RegExp(`${tag('calendar-data')}([\\s\\S]*?)${close('calendar-data')}`);
const SYNC_TOKEN = new RegExp(`${tag('sync-token')}([^<]*)${close('sync-token')}`, 'g');

const unescapeXml = (s) => s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name, dec, hex) =>
  dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name]);

/** The last path segment of an href, decoded: the resource's name (`''` for the collection). */
export function nameOfHref(href) {
  const path = href.replace(/^[a-z]+:\/\/[^/]+/i, '');
  if (path.endsWith('/')) return '';
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * The responses of a multistatus body: `{ href, name, status, etag?, data? }` per response, where
 * `status` is the response's own status or that of the propstat holding the first property
 * (200 when any propstat is 200), and the document's `syncToken`.
 */
export function parseMultistatus(text) {
  const responses = [];
  for (const [, body] of text.matchAll(RESPONSE)) {
    const href = unescapeXml(HREF.exec(body)?.[1]?.trim() ?? '');
    let status;
    let etag;
    let data;
    const propstats = [...body.matchAll(PROPSTAT)];
    if (propstats.length === 0) status = Number([...body.matchAll(STATUS)][0]?.[1] ?? 0);
    for (const [, ps] of propstats) {
      const code = Number([...ps.matchAll(STATUS)][0]?.[1] ?? 0);
      if (code !== 200) { status ??= code; continue; }
      status = 200;
      etag ??= ETAG.exec(ps)?.[1];
      const d = DATA.exec(ps)?.[1];
      if (d !== undefined) data = unescapeXml(d.replace(/^<!\[CDATA\[|\]\]>$/g, ''));
    }
    responses.push({ href, name: nameOfHref(href), status, etag: etag && unescapeXml(etag), data });
  }
  // The document's token follows the responses (RFC 6578 §6.4); a response never holds one.
  const tokens = [...text.replace(RESPONSE, '').matchAll(SYNC_TOKEN)];
  return { responses, syncToken: tokens.length ? unescapeXml(tokens[tokens.length - 1][1].trim()) : undefined };
}
