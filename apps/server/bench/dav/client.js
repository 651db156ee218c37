// The CalDAV requests the benchmark times, as a client sends them. Each call resolves to the time
// from sending the request to receiving the last byte of the answer (`ms`) and what the answer says
// (parsed after the clock stopped).
import { Agent, request as httpRequest } from 'node:http';
import { caldavUtc } from './calendar.js';
import { parseMultistatus } from './multistatus.js';

const XML = { 'Content-Type': 'application/xml; charset=utf-8' };
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const now = () => process.hrtime.bigint();
const since = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
// node:http rather than fetch: no header or body timeouts (a peer's first listing of 10,000 items
// takes minutes), explicit Content-Length (Python's wsgiref servers can't read chunked bodies).
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/** A CalDAV client of one server's calendar collection (`collection`: an absolute path with `/`). */
export class DavClient {
  constructor(origin, collection, { user = 'bench', password = 'bench-password' } = {}) {
    this.origin = origin;
    this.collection = collection;
    this.auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }

  /** One request; rejects on a transport error only. Resolves `{ status, headers, text, ms }`. */
  request(method, path, { headers = {}, body } = {}) {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(body);
      const t0 = now();
      const req = httpRequest(`${this.origin}${path}`, {
        method, agent,
        headers: { Authorization: this.auth, ...headers, ...(payload ? { 'Content-Length': payload.length } : {}) },
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: since(t0) }));
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  async #multistatus(method, path, depth, body, what) {
    const r = await this.request(method, path, { headers: { ...XML, Depth: depth }, body });
    if (r.status !== 207) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    return { ms: r.ms, bytes: Buffer.byteLength(r.text), ...parseMultistatus(r.text) };
  }

  href(name) {
    return `${this.collection}${encodeURIComponent(name)}`;
  }

  /** PROPFIND Depth 1 of `getetag`: the listing every client does first. */
  async propfindEtags() {
    const body = '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>';
    const r = await this.#multistatus('PROPFIND', this.collection, '1', body, 'PROPFIND');
    return { ...r, members: r.responses.filter((x) => x.name !== '' && x.status === 200) };
  }

  /**
   * sync-collection (RFC 6578) of `getetag` from `token` ('' = initial). A server that cuts the
   * answer (507 on the collection, §3.6) is asked again with the token it gave until it is done;
   * `ms` is the sum and `rounds` the number of requests.
   */
  async syncCollection(token) {
    let ms = 0;
    let rounds = 0;
    let bytes = 0;
    const changed = new Map();
    const deleted = new Set();
    for (;;) {
      const body = `<?xml version="1.0" encoding="utf-8"?><D:sync-collection xmlns:D="DAV:"><D:sync-token>${escapeXml(token)}</D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>`;
      const r = await this.#multistatus('REPORT', this.collection, '0', body, 'sync-collection');
      ms += r.ms;
      bytes += r.bytes;
      rounds++;
      let truncated = false;
      for (const x of r.responses) {
        if (x.name === '') { if (x.status === 507) truncated = true; continue; }
        if (x.status === 404) { deleted.add(x.name); changed.delete(x.name); } else { changed.set(x.name, x.etag); deleted.delete(x.name); }
      }
      token = r.syncToken;
      if (!truncated || rounds > 1000) return { ms, rounds, bytes, changed, deleted, token };
    }
  }

  /** calendar-query of VEVENTs overlapping [start, end) (RFC 4791 §7.8, §9.9), `getetag` only. */
  async calendarQuery({ start, end }) {
    const body = '<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
      + '<D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">'
      + `<C:time-range start="${caldavUtc(start)}" end="${caldavUtc(end)}"/></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>`;
    const r = await this.#multistatus('REPORT', this.collection, '1', body, 'calendar-query');
    return { ...r, matches: r.responses.filter((x) => x.name !== '' && x.status === 200).map((x) => x.name) };
  }

  /** calendar-multiget (RFC 4791 §7.9) of `getetag` and `calendar-data` for these names. */
  async multiget(names) {
    const hrefs = names.map((n) => `<D:href>${escapeXml(this.href(n))}</D:href>`).join('');
    const body = '<?xml version="1.0" encoding="utf-8"?><C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
      + `<D:prop><D:getetag/><C:calendar-data/></D:prop>${hrefs}</C:calendar-multiget>`;
    const r = await this.#multistatus('REPORT', this.collection, '1', body, 'calendar-multiget');
    return { ...r, found: r.responses.filter((x) => x.status === 200 && x.data?.includes('BEGIN:VEVENT')).length };
  }

  /** GET of one resource; resolves `{ ms, status, text, etag }`. */
  async get(name) {
    const r = await this.request('GET', this.href(name), { headers: { Accept: 'text/calendar' } });
    return { ms: r.ms, status: r.status, text: r.text, etag: r.headers.etag };
  }

  /** PUT of an iCalendar object; `create` adds `If-None-Match: *` as clients do for new items. */
  async put(name, text, { create = false } = {}) {
    const headers = { 'Content-Type': 'text/calendar; charset=utf-8', ...(create ? { 'If-None-Match': '*' } : {}) };
    const r = await this.request('PUT', this.href(name), { headers, body: text });
    if (r.status !== 201 && r.status !== 204 && r.status !== 200) throw new Error(`PUT ${name}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    return { ms: r.ms, status: r.status, etag: r.headers.etag };
  }
}

/**
 * PUTs `items` with `clients` concurrent connections, stopping early once `seconds` have passed.
 * @returns {Promise<{ done: number, seconds: number, rate: number }>} the PUTs per second reached
 */
export async function putConcurrently(client, items, { clients = 8, seconds = Infinity } = {}) {
  let next = 0;
  const t0 = now();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < items.length && Date.now() < deadline) {
      const item = items[next++];
      await client.put(item.name, item.text, { create: true });
    }
  }));
  const elapsed = since(t0) / 1000;
  return { done: next, seconds: elapsed, rate: next / elapsed };
}
