import type { JCalProperty } from '@almanac/codec-icalendar';
import type { Link, VirtualLocation } from '../../types/jscalendar.js';
import { contentId } from '../ids.js';
import { pointerSegment, recordedParams, unknownMembers } from './params.js';

const LINK_KNOWN = new Set(['@type', 'href', 'contentType', 'size', 'rel', 'display', 'title', 'iCalProperty', 'cid']);
const VLOC_KNOWN = new Set(['@type', 'uri', 'name', 'features', 'iCalProperty']);
const DATA_URL = /^data:([^;,]*)((?:;[^;,=]+=[^;,]*)*);base64,(.*)$/s;

/**
 * Links as ATTACH / IMAGE / URL / STRUCTURED-DATA (draft §3.4): the name in
 * `iCalProperty` wins, else IMAGE for icons and displayed images, else
 * ATTACH. `data:` URLs become BINARY values. Members without a parameter
 * become JSCAL-PROP properties under `pathPrefix`.
 */
export function linksToProperties(links: unknown, pathPrefix: string): JCalProperty[] {
  const out: JCalProperty[] = [];
  if (!links || typeof links !== 'object') return out;
  for (const [id, raw] of Object.entries(links as Record<string, Link>)) {
    if (!raw || typeof raw !== 'object' || typeof raw.href !== 'string') continue;
    const link = raw;
    const recorded = link.iCalProperty;
    let name = typeof recorded?.name === 'string' ? recorded.name.toLowerCase() : undefined;
    if (!name || !['attach', 'image', 'url', 'structured-data'].includes(name)) name = link.display !== undefined || link.rel === 'icon' ? 'image' : 'attach';
    const params: Record<string, string | string[]> = {};
    let type = name === 'structured-data' ? 'uri' : 'uri';
    let value = link.href;
    const data = DATA_URL.exec(link.href);
    if (data && name !== 'url') {
      type = 'binary';
      params.encoding = 'BASE64';
      value = data[3]!;
    }
    if (typeof recorded?.valueType === 'string' && recorded.valueType !== 'binary') type = recorded.valueType;
    if (typeof link.contentType === 'string') params.fmttype = link.contentType;
    else if (data && data[1]) params.fmttype = data[1];
    if (typeof link.size === 'number') params.size = String(link.size);
    if (typeof link.rel === 'string' && !(name === 'image' && link.rel === 'icon')) params.linkrel = link.rel;
    if (name === 'image' && typeof link.display === 'string') params.display = link.display.toUpperCase();
    if (typeof link.title === 'string' && name !== 'attach') params.label = link.title;
    Object.assign(params, recordedParams(recorded));
    if (id !== `l${contentId(link.href)}` && !/^l[0-9a-z]+-\d+$/.test(id)) params['jscal-id'] = id;
    out.push([name, params, type, value]);
    const path = `${pathPrefix}links/${pointerSegment(id)}/`;
    out.push(...unknownMembers(link as Record<string, unknown>, LINK_KNOWN, path));
  }
  return out;
}

/** VirtualLocations as CONFERENCE properties (draft §3.9). */
export function virtualLocationsToProperties(locations: unknown): JCalProperty[] {
  const out: JCalProperty[] = [];
  if (!locations || typeof locations !== 'object') return out;
  for (const [id, loc] of Object.entries(locations as Record<string, VirtualLocation>)) {
    if (!loc || typeof loc !== 'object' || typeof loc.uri !== 'string') continue;
    const params: Record<string, string | string[]> = {};
    if (typeof loc.name === 'string') params.label = loc.name;
    const features = loc.features && typeof loc.features === 'object' ? Object.keys(loc.features).map((f) => f.toUpperCase()) : [];
    if (features.length > 0) params.feature = features.length === 1 ? features[0]! : features;
    Object.assign(params, recordedParams(loc.iCalProperty));
    if (id !== `v${contentId(loc.uri)}`) params['jscal-id'] = id;
    out.push(['conference', params, 'uri', loc.uri]);
    out.push(...unknownMembers(loc as Record<string, unknown>, VLOC_KNOWN, `virtualLocations/${pointerSegment(id)}/`));
  }
  return out;
}
