import { normalizeHref } from '../../headers/href.js';
import { dav, DAV_NS, type QName } from '../names.js';
import { el, isElement, RawXml, type XmlContent, type XmlElement } from '../tree.js';
import { escapeAttr, escapeText } from './escape.js';
import { NamespaceScope, WELL_KNOWN_PREFIXES } from './namespace-scope.js';
import { renderContent, renderElement } from './render.js';
import { statusLine } from './status.js';

/**
 * One property inside a propstat: a name with an optional value (text, elements, arrays of them;
 * no value writes an empty element, as for propname answers and 404s), or a complete property
 * element (a dead property as stored, parsed back or as {@link RawXml}).
 */
export type PropEntry = { readonly name: QName; readonly value?: XmlContent } | XmlElement | RawXml;

/** A `DAV:propstat` (RFC 4918 §14.22): properties sharing one status. */
export interface Propstat {
  readonly status: number;
  readonly props: readonly PropEntry[];
  /** Content of a `DAV:error` for this propstat (precondition elements). */
  readonly error?: XmlContent;
  readonly description?: string;
}

interface ResponseCommon {
  /** Content of the response's `DAV:error` (RFC 4918 §14.24), e.g. a precondition element. */
  readonly error?: XmlContent;
  /** `DAV:responsedescription`. */
  readonly description?: string;
  /** `DAV:location` (RFC 4918 §14.9), an href. */
  readonly location?: string;
}

/** A response with properties: PROPFIND, PROPPATCH, REPORT results. */
export interface PropstatResponse extends ResponseCommon {
  /** The resource's href, percent-encoded (see `hrefFromSegments`); stray characters are encoded. */
  readonly href: string;
  readonly propstats: readonly Propstat[];
}

/**
 * A response with a bare status: a member removed since the sync token (404, RFC 6578 §3.5), a
 * multiget href that doesn't exist (404), a resource that could not be read (500), a truncation
 * marker (507). Several hrefs may share one status (RFC 4918 §14.24).
 */
export interface StatusResponse extends ResponseCommon {
  readonly href: string | readonly string[];
  readonly status: number;
}

/** One `DAV:response` of a multistatus. */
export type DavResponse = PropstatResponse | StatusResponse;

/** Options of {@link MultistatusSerializer}, {@link MultistatusWriter} and {@link renderMultistatus}. */
export interface MultistatusOptions {
  /**
   * `Prefer: return=minimal` / `Brief: t` (RFC 8144 §2.1, behaviour §3.10): leave out propstats
   * with status 404. Bare 404 responses (sync deletions, missing multiget hrefs) are kept.
   */
  readonly minimal?: boolean;
  /**
   * Namespaces declared once on the root with their fixed prefixes. Default: all of
   * {@link WELL_KNOWN_PREFIXES}. Others are declared where used.
   */
  readonly namespaces?: readonly string[];
}

/** What ends a multistatus (RFC 4918 §14.16, RFC 6578 §6.2: `response*, responsedescription?, sync-token?`). */
export interface MultistatusEnd {
  readonly description?: string;
  /** RFC 6578: the new sync token, written as the last child. */
  readonly syncToken?: string;
}

/** A bare-status response (as opposed to one with propstats). */
export function isStatusResponse(response: DavResponse): response is StatusResponse {
  return typeof (response as StatusResponse).status === 'number';
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
const EMPTY_OK_PROPSTAT: Propstat = { status: 200, props: [] };

/**
 * Turns multistatus parts into text, one piece at a time; no I/O. {@link MultistatusWriter}
 * streams its output and {@link renderMultistatus} joins it.
 */
export class MultistatusSerializer {
  readonly #scope = new NamespaceScope();
  readonly #minimal: boolean;
  readonly #rootDeclarations: string;

  constructor(options: MultistatusOptions = {}) {
    this.#minimal = options.minimal ?? false;
    const namespaces = new Set([DAV_NS, ...(options.namespaces ?? WELL_KNOWN_PREFIXES.keys())]);
    let declarations = '';
    for (const ns of namespaces) {
      const prefix = this.#scope.freshPrefix(ns);
      this.#scope.declare(prefix, ns);
      declarations += ` xmlns:${prefix}="${escapeAttr(ns)}"`;
    }
    this.#rootDeclarations = declarations;
  }

  #tag(name: string): string {
    return `${this.#scope.prefixOf(DAV_NS) as string}:${name}`;
  }

  /** The XML declaration and the root start tag. */
  open(): string {
    return `${XML_DECLARATION}<${this.#tag('multistatus')}${this.#rootDeclarations}>\n`;
  }

  /**
   * One `DAV:response`. Should rendering fail (a value with an invalid element name: a bug in the
   * caller), the resource gets a `500` response of its own instead of breaking the document
   * (DECISIONS.md "Errors").
   */
  response(response: DavResponse): string {
    try {
      return this.#response(response);
    } catch {
      const hrefs = typeof response.href === 'string' ? response.href : response.href.slice(0, 1);
      return this.#response({ href: hrefs, status: 500, description: 'this resource could not be rendered' });
    }
  }

  #response(response: DavResponse): string {
    const out: string[] = [`<${this.#tag('response')}>`];
    const hrefs = typeof response.href === 'string' ? [response.href] : response.href;
    const bare = isStatusResponse(response);
    // RFC 4918 §14.24: one href with propstats, or hrefs sharing a status.
    for (const href of bare ? hrefs : hrefs.slice(0, 1)) this.#simple(out, 'href', normalizeHref(href));
    if (bare) {
      this.#simple(out, 'status', statusLine(response.status));
    } else {
      let propstats = this.#minimal ? response.propstats.filter((p) => p.status !== 404) : response.propstats;
      // The DTD wants at least one propstat: minimal mode may have removed them all.
      if (propstats.length === 0) propstats = [EMPTY_OK_PROPSTAT];
      for (const propstat of propstats) this.#propstat(out, propstat);
    }
    this.#error(out, response.error);
    if (response.description !== undefined) this.#simple(out, 'responsedescription', response.description);
    if (response.location !== undefined) {
      out.push(`<${this.#tag('location')}>`);
      this.#simple(out, 'href', normalizeHref(response.location));
      out.push(`</${this.#tag('location')}>`);
    }
    out.push(`</${this.#tag('response')}>\n`);
    return out.join('');
  }

  /**
   * The response RFC 6578 §3.6 adds when a sync-collection result was cut at `DAV:limit`: the
   * collection's href, `507 Insufficient Storage` and `DAV:number-of-matches-within-limits`.
   */
  truncated(collectionHref: string): string {
    return this.response({ href: collectionHref, status: 507, error: el(dav('number-of-matches-within-limits')) });
  }

  /** The closing part: optional description and sync token, then the root end tag. */
  close(end: MultistatusEnd = {}): string {
    const out: string[] = [];
    if (end.description !== undefined) this.#simple(out, 'responsedescription', end.description);
    if (end.syncToken !== undefined) this.#simple(out, 'sync-token', normalizeHref(end.syncToken));
    out.push(`</${this.#tag('multistatus')}>\n`);
    return out.join('');
  }

  #simple(out: string[], name: string, text: string): void {
    const tag = this.#tag(name);
    out.push(`<${tag}>${escapeText(text)}</${tag}>`);
  }

  #error(out: string[], error: XmlContent): void {
    if (error === undefined || error === null || error === false) return;
    out.push(`<${this.#tag('error')}>`);
    renderContent(out, error, this.#scope);
    out.push(`</${this.#tag('error')}>`);
  }

  #propstat(out: string[], propstat: Propstat): void {
    out.push(`<${this.#tag('propstat')}>`);
    if (propstat.props.length === 0) out.push(`<${this.#tag('prop')}/>`);
    else {
      out.push(`<${this.#tag('prop')}>`);
      for (const entry of propstat.props) {
        if (entry instanceof RawXml) out.push(entry.xml);
        else if (isElement(entry)) renderElement(out, entry, this.#scope);
        else renderElement(out, el(entry.name, entry.value), this.#scope);
      }
      out.push(`</${this.#tag('prop')}>`);
    }
    this.#simple(out, 'status', statusLine(propstat.status));
    this.#error(out, propstat.error);
    if (propstat.description !== undefined) this.#simple(out, 'responsedescription', propstat.description);
    out.push(`</${this.#tag('propstat')}>`);
  }
}

/**
 * Builds a whole multistatus document as a string (tests, small answers).
 * @example
 * renderMultistatus([{ href: '/alice/calendar/', propstats: [{ status: 200, props: [{ name: dav('displayname'), value: 'Work' }] }] }])
 */
export function renderMultistatus(responses: Iterable<DavResponse>, options: MultistatusOptions & MultistatusEnd & { truncatedHref?: string } = {}): string {
  const serializer = new MultistatusSerializer(options);
  const parts = [serializer.open()];
  for (const response of responses) parts.push(serializer.response(response));
  if (options.truncatedHref !== undefined) parts.push(serializer.truncated(options.truncatedHref));
  parts.push(serializer.close(options));
  return parts.join('');
}
