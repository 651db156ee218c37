import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import type { Location } from '../../types/jscalendar.js';
import { contentId } from '../ids.js';
import { uriToGeo } from '../from-ical/locations.js';
import { linksToProperties } from './links.js';
import { jscalProp, recordedParams, unknownMembers } from './params.js';

const KNOWN_PROPERTY = new Set(['@type', 'name', 'coordinates', 'iCalProperty']);
const KNOWN_VLOCATION = new Set(['@type', 'name', 'description', 'coordinates', 'locationTypes', 'links', 'iCalComponent']);

/** What the locations of an entry become, and the end-zone location if any. */
export interface LocationOutput {
  properties: JCalProperty[];
  components: JCalComponent[];
  /** A Location that stands for DTEND's time zone (draft §2.3.14). */
  end: { id: string; location: Location } | undefined;
}

/**
 * Locations as LOCATION/GEO properties or VLOCATION components (draft §3.5):
 * a remembered VLOCATION stays one; the first location with a name becomes
 * LOCATION (with GEO when its coordinates are plain latitude/longitude); a
 * location with only coordinates becomes GEO; the rest become VLOCATIONs.
 */
export function locationsToICal(locations: unknown, hasDtendLocation: boolean): LocationOutput {
  const out: LocationOutput = { properties: [], components: [], end: undefined };
  if (!locations || typeof locations !== 'object') return out;
  let usedLocation = false;
  let usedGeo = false;
  for (const [id, loc] of Object.entries(locations as Record<string, Location>)) {
    if (!loc || typeof loc !== 'object') continue;
    const recorded = loc.iCalProperty?.name;
    if (hasDtendLocation && loc.relativeTo === 'end' && typeof loc.timeZone === 'string' && !out.end && (recorded === 'dtend' || (loc.name === undefined && loc.coordinates === undefined))) {
      out.end = { id, location: loc };
      continue;
    }
    const isVLocation = loc.iCalComponent?.name === 'vlocation';
    const geo = typeof loc.coordinates === 'string' ? uriToGeo(loc.coordinates) : undefined;
    const onlyPropertyMembers = Object.keys(loc).every((k) => KNOWN_PROPERTY.has(k) || k === 'relativeTo' && loc.relativeTo === undefined);
    const derivedId = id === `o${contentId(`${loc.name ?? ''}\u0000${loc.coordinates ?? ''}`)}`;
    if (!isVLocation && onlyPropertyMembers && typeof loc.name === 'string' && !usedLocation && (loc.coordinates === undefined || (geo && !usedGeo))) {
      usedLocation = true;
      const params = recordedParams(loc.iCalProperty);
      if (!derivedId) params['jscal-id'] = id;
      out.properties.push(['location', params, 'text', loc.name]);
      if (geo) {
        usedGeo = true;
        out.properties.push(['geo', {}, 'float', geo]);
      }
      continue;
    }
    if (!isVLocation && onlyPropertyMembers && loc.name === undefined && geo && !usedGeo) {
      usedGeo = true;
      out.properties.push(['geo', derivedId ? {} : { 'jscal-id': id }, 'float', geo]);
      continue;
    }
    out.components.push(vlocation(id, loc, geo));
    // draft §3.5: coordinates a GEO cannot hold exactly also give a derived GEO.
    const approx = !geo && typeof loc.coordinates === 'string' ? /^geo:([+-]?\d+(?:\.\d+)?),([+-]?\d+(?:\.\d+)?)[,;]/i.exec(loc.coordinates) : null;
    if (approx && !usedGeo) {
      usedGeo = true;
      out.properties.push(['geo', { derived: 'TRUE' }, 'float', [Number(approx[1]), Number(approx[2])]]);
    }
  }
  return out;
}

function vlocation(id: string, loc: Location, geo: [number, number] | undefined): JCalComponent {
  const props: JCalProperty[] = [];
  const ical = loc.iCalComponent && typeof loc.iCalComponent === 'object' ? loc.iCalComponent : undefined;
  if (typeof loc.name === 'string') props.push(['name', {}, 'text', loc.name]);
  if (typeof loc.description === 'string') props.push(['description', {}, 'text', loc.description]);
  if (geo) props.push(['geo', {}, 'float', geo]);
  else if (typeof loc.coordinates === 'string') props.push(jscalProp('coordinates', loc.coordinates)!);
  const types = loc.locationTypes && typeof loc.locationTypes === 'object' ? Object.keys(loc.locationTypes) : [];
  if (types.length > 0) props.push(['location-type', {}, 'text', ...types]);
  props.push(...linksToProperties(loc.links, ''));
  const kept = Array.isArray(ical?.properties) ? (ical!.properties as JCalProperty[]) : [];
  props.push(...kept);
  props.push(...unknownMembers(loc as Record<string, unknown>, KNOWN_VLOCATION, ''));
  const comps = Array.isArray(ical?.components) ? (ical!.components as JCalComponent[]) : [];
  // Mirror the Id the conversion back derives (from the UID, else the content).
  const uid = kept.find((p) => p[0] === 'uid')?.[3];
  const derived = id === `o${contentId(typeof uid === 'string' ? uid : JSON.stringify(['vlocation', props, comps]))}`;
  if (!derived) props.push(['jscal-id', {}, 'text', id]);
  return ['vlocation', props, comps];
}
