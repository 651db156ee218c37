import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { setKey } from '../../json-util.js';
import type { Issue } from '../../issues.js';
import type { Link, Location } from '../../types/jscalendar.js';
import { contentId, freeId, isId } from '../ids.js';
import { applyJscalProps } from './jscal-prop.js';
import { addLink, LINK_PROPERTIES, propertyToLink } from './links.js';
import { describeProperty, hasNoParams, leftoverParams, paramValue, Residual } from './residual.js';

/** GEO (RFC 5545 §3.8.1.6) as a `geo:` URI (RFC 5870), signs kept, `+` dropped (draft §2.3.22). */
export function geoToUri(prop: JCalProperty): string | undefined {
  const v = prop[3];
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number' || prop.length !== 4) return undefined;
  return `geo:${v[0]},${v[1]}`;
}

/** The latitude and longitude of a `geo:` URI without further parts; undefined otherwise. */
export function uriToGeo(uri: string): [number, number] | undefined {
  const m = /^geo:([+-]?\d+(?:\.\d+)?),([+-]?\d+(?:\.\d+)?)$/i.exec(uri);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * LOCATION and GEO of a VEVENT/VTODO become one Location (draft §2.3.22,
 * §2.3.25); LOCATION;DERIVED=TRUE and GEO;DERIVED=TRUE are left as they are
 * (their information lives in a VLOCATION).
 */
export function convertLocationProperties(location: JCalProperty | undefined, geo: JCalProperty | undefined, locations: Record<string, Location>): { usedLocation: boolean; usedGeo: boolean } {
  const loc: Location = { '@type': 'Location' };
  let usedLocation = false;
  let usedGeo = false;
  let explicitId: string | undefined;
  if (location && typeof location[3] === 'string' && location.length === 4 && location[1].derived === undefined) {
    loc.name = location[3];
    const rest = leftoverParams(location, ['jscal-id']);
    if (rest) loc.iCalProperty = describeProperty('location', rest);
    explicitId = paramValue(location, 'jscal-id');
    usedLocation = true;
  }
  const geoParams = geo ? leftoverParams(geo, ['jscal-id']) : undefined;
  const coordinates = geo && !geoParams ? geoToUri(geo) : undefined;
  if (coordinates) {
    loc.coordinates = coordinates;
    usedGeo = true;
    if (!usedLocation) explicitId = paramValue(geo!, 'jscal-id');
  }
  if (usedLocation || usedGeo) {
    const id = explicitId && isId(explicitId) ? explicitId : freeId(locations, `o${contentId(`${loc.name ?? ''}\u0000${loc.coordinates ?? ''}`)}`);
    locations[id] = loc;
  }
  return { usedLocation, usedGeo };
}

/** A VLOCATION (RFC 9073 §7.2) as a Location (draft §2.2.4). */
export function convertVLocation(comp: JCalComponent, locations: Record<string, Location>, issues: Issue[]): void {
  const loc: Location = { '@type': 'Location' };
  const residual = new Residual('vlocation');
  residual.always = true;
  const links: Record<string, Link> = {};
  const jscal: JCalProperty[] = [];
  let explicitId: string | undefined;
  let uid: string | undefined;
  for (const prop of comp[1]) {
    const [name] = prop;
    const v = prop[3];
    const plain = hasNoParams(prop) && prop.length === 4;
    if (name === 'name' && typeof v === 'string' && plain && loc.name === undefined) loc.name = v;
    else if (name === 'description' && typeof v === 'string' && plain && loc.description === undefined) loc.description = v;
    else if (name === 'geo' && plain && loc.coordinates === undefined && geoToUri(prop)) loc.coordinates = geoToUri(prop);
    else if (name === 'location-type' && hasNoParams(prop) && prop.slice(3).every((t) => typeof t === 'string')) {
      for (const t of prop.slice(3) as string[]) setKey((loc.locationTypes ??= {}), t, true);
    } else if (name === 'jscal-id' && typeof v === 'string' && isId(v)) explicitId = v;
    else if (name === 'jscal-prop') jscal.push(prop);
    else if (LINK_PROPERTIES.has(name) && propertyToLink(prop)) addLink(links, propertyToLink(prop)!);
    else {
      if (name === 'uid' && typeof v === 'string') uid = v;
      residual.keep(prop);
    }
  }
  for (const sub of comp[2]) residual.keepComponent(sub);
  if (Object.keys(links).length > 0) loc.links = links;
  loc.iCalComponent = residual.build()!;
  if (jscal.length > 0) applyJscalProps(loc as Record<string, unknown>, jscal, issues);
  const id = explicitId ?? freeId(locations, `o${contentId(uid ?? JSON.stringify(comp))}`);
  locations[id] = loc;
}
