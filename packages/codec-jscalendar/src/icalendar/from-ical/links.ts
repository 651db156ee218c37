import type { JCalProperty } from '@almanac/codec-icalendar';
import type { Link, VirtualLocation } from '../../types/jscalendar.js';
import { contentId, freeId, isId } from '../ids.js';
import { describeProperty, leftoverParams, paramValue } from './residual.js';

/** Properties that become Link objects (draft §2.3.3, §2.3.23, §2.3.42, §2.3.55). */
export const LINK_PROPERTIES = new Set(['attach', 'image', 'url', 'structured-data']);

/** The default value type of each link property, to tell when VALUE= must be remembered. */
const DEFAULT_TYPE: Record<string, string> = { attach: 'uri', image: 'uri', url: 'uri', 'structured-data': 'unknown' };
const IANA_TOKEN = /^[A-Za-z0-9-]+$/;

/**
 * ATTACH / IMAGE / URL / STRUCTURED-DATA as a Link: URI values as-is, BINARY
 * as a `data:` URL carrying FMTTYPE. FMTTYPE, SIZE, LINKREL (iana-token form),
 * DISPLAY, LABEL convert; other parameters, the property name (unless
 * ATTACH) and a non-default value type go to `iCalProperty`. Returns
 * undefined for values that cannot be a link (e.g. STRUCTURED-DATA as TEXT).
 */
export function propertyToLink(prop: JCalProperty): { id: string | undefined; link: Link } | undefined {
  const [name, params, type] = prop;
  const value = prop[3];
  if (typeof value !== 'string' || prop.length !== 4) return undefined;
  const consumed = ['jscal-id'];
  const link: Link = { '@type': 'Link', href: value };
  const fmttype = paramValue(prop, 'fmttype');
  if (type === 'binary') {
    if (String(params.encoding ?? '').toUpperCase() !== 'BASE64') return undefined;
    consumed.push('encoding');
    link.href = `data:${fmttype ?? ''};base64,${value}`;
  } else if (type !== 'uri' || (name === 'structured-data' && type !== 'uri')) {
    return undefined;
  }
  if (fmttype !== undefined && typeof params.fmttype === 'string') {
    link.contentType = fmttype;
    consumed.push('fmttype');
  }
  const size = paramValue(prop, 'size');
  if (size !== undefined && /^\d+$/.test(size) && typeof params.size === 'string') {
    link.size = Number(size);
    consumed.push('size');
  }
  const rel = params.linkrel;
  if (typeof rel === 'string' && IANA_TOKEN.test(rel)) {
    link.rel = rel;
    consumed.push('linkrel');
  }
  if (name === 'image') {
    const display = params.display;
    if (typeof display === 'string' && display === display.toUpperCase()) {
      link.display = display.toLowerCase();
      consumed.push('display');
    }
    // draft §2.3.23: an IMAGE with DISPLAY is an icon.
    if (link.display !== undefined && link.rel === undefined) link.rel = 'icon';
  }
  const label = params.label;
  if (typeof label === 'string' && name !== 'attach') {
    link.title = label;
    consumed.push('label');
  }
  const rest = leftoverParams(prop, consumed);
  const valueType = type !== DEFAULT_TYPE[name] && type !== 'binary' ? type : type === 'binary' && name !== 'attach' ? 'binary' : undefined;
  const described = name === 'attach' ? describeProperty(name, rest, valueType) : describeProperty(name, rest, valueType) ?? { '@type': 'ICalProperty' as const, name };
  if (described) link.iCalProperty = described;
  const id = paramValue(prop, 'jscal-id');
  return { id: isId(id) ? id : undefined, link };
}

/** Adds a link under its JSCAL-ID or a content-derived Id. */
export function addLink(links: Record<string, Link>, converted: { id: string | undefined; link: Link }): void {
  const id = converted.id ?? freeId(links, `l${contentId(converted.link.href)}`);
  links[id] = converted.link;
}

/** CONFERENCE (RFC 7986 §5.11) as a VirtualLocation (draft §2.3.11). */
export function propertyToVirtualLocation(prop: JCalProperty): { id: string | undefined; location: VirtualLocation } | undefined {
  const value = prop[3];
  if (typeof value !== 'string' || prop.length !== 4 || prop[2] !== 'uri') return undefined;
  const location: VirtualLocation = { '@type': 'VirtualLocation', uri: value };
  const consumed = ['jscal-id'];
  const label = prop[1].label;
  if (typeof label === 'string') {
    location.name = label;
    consumed.push('label');
  }
  const feature = prop[1].feature;
  if (feature !== undefined) {
    const list = Array.isArray(feature) ? feature : [feature];
    if (list.every((f) => f === f.toUpperCase())) {
      location.features = Object.fromEntries(list.map((f) => [f.toLowerCase(), true as const]));
      consumed.push('feature');
    }
  }
  const rest = leftoverParams(prop, consumed);
  if (rest) location.iCalProperty = describeProperty('conference', rest);
  const id = paramValue(prop, 'jscal-id');
  return { id: isId(id) ? id : undefined, location };
}
