import type { JCalComponent } from '@almanac/codec-icalendar';
import { ianaOffsetAt, isIanaZone, sparseOffset } from './iana.js';
import { primaryIanaZones, windowsToIana } from './windows.js';
import { ianaZone, UTC_ZONE, vtimezoneZone, type Zone } from './zone.js';

/** How a TZID parameter value reads in JSCalendar. */
export interface ResolvedZone {
  /** The JSCalendar time zone id: an IANA name, or `/` + TZID for a custom zone. */
  id: string;
  /** Offsets of the zone; undefined for a custom zone without a usable VTIMEZONE. */
  zone: Zone | undefined;
  /** True when `id` is an IANA name other than the TZID itself (Windows names, Outlook zones). */
  mapped: boolean;
}

const resolved = new Map<string, ResolvedZone>();

/**
 * Resolves a TZID (draft-ietf-calext-jscalendar-icalendar §2.1.4): an IANA
 * name stays as it is; a Windows zone id maps by the CLDR table; ids ending
 * in an IANA name (`/mozilla.org/20050126_1/Europe/Berlin`) map to it;
 * Outlook/Exchange zones ("(UTC+01:00) Amsterdam, Berlin, …", "Customized
 * Time Zone") map to the IANA zone whose offsets over a year equal those of
 * their VTIMEZONE, preferring a zone whose city the name mentions. Anything
 * else is a custom zone `/TZID` defined by its VTIMEZONE.
 */
export function resolveTzid(tzid: string, vtimezone: JCalComponent | undefined): ResolvedZone {
  const key = vtimezone ? `${tzid}\u0000${JSON.stringify(vtimezone)}` : tzid;
  let r = resolved.get(key);
  if (!r) {
    r = resolveUncached(tzid, vtimezone);
    if (resolved.size > 2000) resolved.clear();
    resolved.set(key, r);
  }
  return r;
}

function resolveUncached(tzid: string, vtimezone: JCalComponent | undefined): ResolvedZone {
  if (tzid === 'UTC' || tzid === 'Etc/UTC' || tzid === 'GMT' || tzid === 'Z') return { id: tzid === 'Etc/UTC' ? tzid : 'Etc/UTC', zone: UTC_ZONE, mapped: tzid !== 'Etc/UTC' };
  if (isIanaZone(tzid)) return { id: tzid, zone: ianaZone(tzid), mapped: false };
  const windows = windowsToIana(tzid) ?? windowsToIana(tzid.replace(/^tzone:\/\/Microsoft\//i, ''));
  if (windows && isIanaZone(windows)) return { id: windows, zone: ianaZone(windows), mapped: true };
  const suffix = ianaSuffix(tzid);
  if (suffix) return { id: suffix, zone: ianaZone(suffix), mapped: true };
  const custom = vtimezone ? vtimezoneZone(vtimezone) : undefined;
  const display = fromDisplayName(tzid);
  if (display) return { id: display, zone: ianaZone(display), mapped: true };
  if (looksLikeOutlook(tzid)) {
    const byRules = matchByRules(tzid, custom);
    if (byRules) return { id: byRules, zone: ianaZone(byRules), mapped: true };
  }
  return { id: `/${tzid}`, zone: custom, mapped: false };
}

/**
 * Outlook display names: "(UTC-05:00) Eastern Time (US & Canada)" names the
 * Windows zone "Eastern Standard Time"; accepted when the offset agrees.
 */
function fromDisplayName(tzid: string): string | undefined {
  const m = /^\((?:UTC|GMT)\s*([+-]\d{1,2})[:.]?(\d{2})?\)\s*([A-Za-z .]+?)\s+Time\b/i.exec(tzid);
  if (!m) return undefined;
  const iana = windowsToIana(`${m[3]} Standard Time`);
  if (!iana || !isIanaZone(iana)) return undefined;
  const offset = (Math.abs(+m[1]!) * 60 + +(m[2] ?? 0)) * 60 * (m[1]!.startsWith('-') ? -1 : 1);
  const year = new Date().getUTCFullYear();
  const std = Math.min(ianaOffsetAt(iana, Date.UTC(year, 0, 15)), ianaOffsetAt(iana, Date.UTC(year, 6, 15)));
  return std === offset ? iana : undefined;
}

/** `/mozilla.org/20050126_1/America/New_York` → `America/New_York`. */
function ianaSuffix(tzid: string): string | undefined {
  const parts = tzid.split('/').filter(Boolean);
  for (let k = 1; k < parts.length; k++) {
    const candidate = parts.slice(k).join('/');
    if (candidate.includes('/') && isIanaZone(candidate)) return candidate;
  }
  return undefined;
}

function looksLikeOutlook(tzid: string): boolean {
  return /standard time|time zone|daylight time|^\(?(utc|gmt)\s*[+-]|^\((utc|gmt)\)|microsoft|customized/i.test(tzid);
}

let allZones: string[] | undefined;

function candidates(): string[] {
  if (!allZones) {
    const primary = primaryIanaZones();
    let all: string[] = [];
    try {
      all = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
    } catch {
      all = [];
    }
    allZones = [...new Set([...primary, ...all])].filter(isIanaZone);
  }
  return allZones;
}

/** Sample instants over a year: every 5 days, enough to see DST rules differ. */
function samples(): number[] {
  const year = new Date().getUTCFullYear();
  const out: number[] = [];
  for (let d = 0; d < 366; d += 5) out.push(Date.UTC(year, 0, 1) + d * 86_400_000 + 12 * 3_600_000);
  return out;
}

/** The standard offset written in an Outlook display name: "(UTC+05:30) …", "(GMT-08.00) …". */
function offsetInName(tzid: string): number | undefined {
  const m = /(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?/i.exec(tzid);
  if (!m) return /^\(?(utc|gmt)\)/i.test(tzid) ? 0 : undefined;
  const s = (+m[2]! * 60 + +(m[3] ?? 0)) * 60;
  return m[1] === '-' ? -s : s;
}

function matchByRules(tzid: string, zone: Zone | undefined): string | undefined {
  const points = samples();
  const lower = tzid.toLowerCase();
  const mentioned = (iana: string) => {
    const city = iana.slice(iana.lastIndexOf('/') + 1).replace(/_/g, ' ').toLowerCase();
    return city.length > 2 && lower.includes(city);
  };
  const ordered = [...candidates()].sort((a, b) => Number(mentioned(b)) - Number(mentioned(a)));
  if (zone) {
    const expected = points.map((t) => zone.offsetAt(t));
    return ordered.find((c) => points.every((t, i) => sparseOffset(c, t) === expected[i]));
  }
  // No definition: trust a city named in the text when its standard offset agrees.
  const offset = offsetInName(tzid);
  if (offset === undefined) return undefined;
  return ordered.find((c) => mentioned(c) && Math.min(...points.map((t) => sparseOffset(c, t))) === offset);
}
