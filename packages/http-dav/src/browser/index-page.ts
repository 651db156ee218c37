import { childrenOf } from '../dav/children.js';
import { DAV_COMPLIANCE } from '../dav/compliance.js';
import { type DavCall, hrefOf } from '../dav/context.js';
import type { DavNode } from '../dav/nodes.js';
import { livePropertiesOf } from '../properties/index.js';
import { propstatsFor } from '../properties/propstats.js';
import { SERVER_NAME } from '../properties/tree.js';
import { dav, DAV_NS, type QName } from '../xml/names.js';
import { serializeContent } from '../xml/serialize.js';
import { isElement, RawXml, type XmlContent } from '../xml/tree.js';
import type { PropEntry } from '../xml/write/multistatus.js';

/** Children per page (behaviour §1.5: capped at 500, `?start=N` pages). */
const PAGE = 500;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.4rem;font-weight:600}h1 a{color:inherit;text-decoration:none}h1 a:hover{text-decoration:underline}
h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #d8dee4;vertical-align:top}
th{background:#f6f8fa;font-weight:600}td.n{color:#656d76;text-align:right}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap;word-break:break-all}
.muted{color:#656d76}nav{margin:.8rem 0}nav a{margin-right:1rem}`;

/** The text of a property value: plain text as it is, hrefs as links, other markup as code. */
function valueHtml(call: DavCall, value: XmlContent): string {
  if (value === undefined || value === null || value === false) return '';
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value));
  const items = (Array.isArray(value) ? value.flat(4) : [value]) as XmlContent[];
  if (items.length > 0 && items.every((v) => isElement(v) && v.ns === DAV_NS && v.local === 'href')) {
    return items.map((h) => {
      const text = (h as { text: string }).text;
      return text.startsWith('/') ? `<a href="${escapeHtml(text)}">${escapeHtml(text)}</a>` : escapeHtml(text);
    }).join('<br>');
  }
  return `<code>${escapeHtml(serializeContent(value))}</code>`;
}

function entryName(entry: PropEntry): QName | undefined {
  if (entry instanceof RawXml) return undefined;
  return isElement(entry) ? { ns: entry.ns, local: entry.local } : entry.name;
}

/** The flavour of the heading (behaviour §1.5). */
function flavour(node: DavNode): string {
  const kind = node.type === 'collection' ? node.view.collections[0]?.kind : node.type === 'resource' ? node.collection.kind : undefined;
  if (kind === 'addressbook') return 'CardDAV';
  if (kind === 'calendar' || kind === 'tasks' || kind === 'inbox' || kind === 'outbox') return 'CalDAV';
  return 'GroupDAV';
}

function breadcrumb(call: DavCall, path: string): string {
  const parts = path.split('/').filter(Boolean);
  let acc = '/';
  const links = [`<a href="${escapeHtml(hrefOf(call, '/'))}">${escapeHtml(hrefOf(call, '/'))}</a>`];
  for (const part of parts) {
    acc += `${part}/`;
    links.push(`<a href="${escapeHtml(hrefOf(call, acc))}">${escapeHtml(decodeURIComponentSafe(part))}/</a>`);
  }
  return links.join('');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function childRow(call: DavCall, child: DavNode, index: number): Promise<string> {
  const href = hrefOf(call, child.path);
  const name = decodeURIComponentSafe(child.path.split('/').filter(Boolean).at(-1) ?? '/') + (child.path.endsWith('/') ? '/' : '');
  const cells = [`<td class="n">${index}</td>`, `<td><a href="${escapeHtml(href)}">${escapeHtml(name)}</a></td>`];
  try {
    const live = livePropertiesOf(call, child);
    for (const prop of [dav('displayname'), dav('getlastmodified'), dav('getetag'), dav('getcontenttype')]) {
      cells.push(`<td>${valueHtml(call, (await live.get(prop)?.get()) as XmlContent)}</td>`);
    }
    const types = (await live.get(dav('resourcetype'))?.get()) as XmlContent;
    const typeNames = (Array.isArray(types) ? types.flat(4) : [types]).filter(isElement).map((t) => t.local);
    cells.push(`<td>${escapeHtml(typeNames.join(', '))}</td>`);
  } catch {
    cells.push('<td colspan="5" class="muted">this resource could not be read</td>');
  }
  return `<tr>${cells.join('')}</tr>`;
}

/**
 * `GET` of a collection, home, principal or the root from a browser (behaviour §1.5): a readable
 * HTML page with the path as links, the members (500 a page, `?start=N`), the node's own
 * properties and the DAV compliance classes. Every value is HTML-escaped.
 */
export async function indexPage(call: DavCall, node: DavNode): Promise<void> {
  const start = Math.max(0, Number.parseInt(String(call.req.query.start ?? '0'), 10) || 0);
  const rows: string[] = [];
  let index = 0;
  let more = false;
  for await (const child of childrenOf(call, node)) {
    if (index >= start + PAGE) {
      more = true;
      break;
    }
    if (index >= start) rows.push(await childRow(call, child, index + 1));
    index++;
  }
  const own = await propstatsFor(call, node, { kind: 'allprop', include: [] }, livePropertiesOf(call, node));
  const propRows = (own.find((p) => p.status === 200)?.props ?? []).map((entry) => {
    const name = entryName(entry);
    const value = entry instanceof RawXml ? `<code>${escapeHtml(entry.xml)}</code>`
      : isElement(entry) ? `<code>${escapeHtml(serializeContent(entry))}</code>` : valueHtml(call, (entry as { value?: XmlContent }).value);
    return `<tr><td class="muted">${escapeHtml(name?.ns ?? '')}</td><td>${escapeHtml(name?.local ?? '(stored)')}</td><td>${value}</td></tr>`;
  });
  const self = hrefOf(call, node.path);
  const nav = [
    start > 0 ? `<a href="${escapeHtml(`${self}?start=${Math.max(0, start - PAGE)}`)}">← previous ${PAGE}</a>` : '',
    more ? `<a href="${escapeHtml(`${self}?start=${start + PAGE}`)}">next ${PAGE} →</a>` : '',
  ].join('');
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(`${flavour(node)} ${self}`)}</title><style>${STYLE}</style></head>
<body>
<h1>${flavour(node)} ${breadcrumb(call, node.path)}</h1>
<p class="muted">${escapeHtml(SERVER_NAME)}</p>
<h2>Members</h2>
${rows.length ? `<table><thead><tr><th>#</th><th>Name</th><th>Display name</th><th>Last modified</th><th>ETag</th><th>Content type</th><th>Resource type</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>` : '<p class="muted">No members.</p>'}
${nav ? `<nav>${nav}</nav>` : ''}
<h2>Properties</h2>
<table><thead><tr><th>Namespace</th><th>Name</th><th>Value</th></tr></thead><tbody>${propRows.join('\n')}</tbody></table>
<h2>DAV compliance</h2>
<p><code>${escapeHtml(DAV_COMPLIANCE)}</code></p>
</body></html>
`;
  call.res.status(200).type('text/html; charset=utf-8').send(html);
}
