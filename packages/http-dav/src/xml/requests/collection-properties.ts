import {
  APPLE_ICAL_NS, caldav, CALDAV_NS, CALENDARSERVER_NS, CARDDAV_NS, clark, DAV_NS, type QName,
} from '../names.js';
import { attr, childrenNamed, nameOf, type XmlElement } from '../tree.js';
import type { PropertyValue } from './proppatch.js';

/**
 * The collection settings Almanac understands, decoded from MKCOL/MKCALENDAR/PROPPATCH values.
 * Everything else is a dead property (stored as sent).
 */
export interface CollectionSettings {
  /** `DAV:resourcetype` (extended MKCOL only; RFC 5689 §3). */
  resourceType?: QName[];
  /** `DAV:displayname`. */
  displayName?: string;
  /** `CALDAV:calendar-description` (RFC 4791 §5.2.1), with its `xml:lang`. */
  calendarDescription?: LocalizedText;
  /** `CARDDAV:addressbook-description` (RFC 6352 §6.2.1). */
  addressbookDescription?: LocalizedText;
  /** `CALDAV:supported-calendar-component-set` (RFC 4791 §5.2.3): component names, upper case. */
  supportedComponents?: string[];
  /** `CALDAV:calendar-timezone` (RFC 4791 §5.2.2): a VCALENDAR text with one VTIMEZONE. */
  calendarTimezone?: string;
  /** `CALDAV:calendar-timezone-id` (RFC 7809 §5.2). */
  calendarTimezoneId?: string;
  /** Apple `calendar-color`, e.g. `#FF2968FF`; `symbolic-color` attribute when sent. */
  calendarColor?: { value: string; symbolic?: string };
  /** Apple `calendar-order`: an integer as text (clients send e.g. `3`). */
  calendarOrder?: string;
  /** `CALDAV:schedule-calendar-transp` (RFC 6638 §9.1): true for transparent. */
  transparent?: boolean;
  /** `CALDAV:default-alarm-vevent-date` / `-datetime` (draft-daboo-valarm-extensions): VALARM text. */
  defaultAlarmVeventDate?: string;
  defaultAlarmVeventDatetime?: string;
}

/** Text with an optional `xml:lang` (RFC 4918 §4.3). */
export interface LocalizedText {
  value: string;
  lang?: string;
}

/** What {@link decodeCollectionProperty} makes of one property value. */
export type DecodedProperty =
  | { readonly known: true; readonly settings: Partial<CollectionSettings> }
  | { readonly known: true; readonly invalid: string }
  | { readonly known: false };

const XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang';

function localized(element: XmlElement): LocalizedText {
  const lang = attr(element, XML_LANG);
  return lang === undefined ? { value: element.text } : { value: element.text, lang };
}

type Decoder = (element: XmlElement) => Partial<CollectionSettings> | string;

const DECODERS: ReadonlyMap<string, Decoder> = new Map<string, Decoder>([
  [`{${DAV_NS}}resourcetype`, (e) => ({ resourceType: e.children.map(nameOf) })],
  [`{${DAV_NS}}displayname`, (e) => ({ displayName: e.text.trim() })],
  [`{${CALDAV_NS}}calendar-description`, (e) => ({ calendarDescription: localized(e) })],
  [`{${CARDDAV_NS}}addressbook-description`, (e) => ({ addressbookDescription: localized(e) })],
  [`{${CALDAV_NS}}supported-calendar-component-set`, (e) => {
    const names = childrenNamed(e, caldav('comp')).map((comp) => attr(comp, 'name')?.trim().toUpperCase() ?? '');
    if (names.length === 0 || names.includes('')) return 'supported-calendar-component-set needs <comp name="…"/> elements';
    return { supportedComponents: [...new Set(names)] };
  }],
  [`{${CALDAV_NS}}calendar-timezone`, (e) => ({ calendarTimezone: e.text })],
  [`{${CALDAV_NS}}calendar-timezone-id`, (e) => ({ calendarTimezoneId: e.text.trim() })],
  [`{${APPLE_ICAL_NS}}calendar-color`, (e) => {
    const symbolic = attr(e, 'symbolic-color');
    return { calendarColor: symbolic === undefined ? { value: e.text.trim() } : { value: e.text.trim(), symbolic } };
  }],
  [`{${APPLE_ICAL_NS}}calendar-order`, (e) => {
    const value = e.text.trim();
    return /^-?\d{1,15}$/.test(value) || value === '' ? { calendarOrder: value } : 'calendar-order must be an integer';
  }],
  [`{${CALDAV_NS}}schedule-calendar-transp`, (e) => {
    const [choice] = e.children;
    if (choice?.ns === CALDAV_NS && (choice.local === 'transparent' || choice.local === 'opaque')) return { transparent: choice.local === 'transparent' };
    return 'schedule-calendar-transp needs <transparent/> or <opaque/>';
  }],
  [`{${CALDAV_NS}}default-alarm-vevent-date`, (e) => ({ defaultAlarmVeventDate: e.text })],
  [`{${CALDAV_NS}}default-alarm-vevent-datetime`, (e) => ({ defaultAlarmVeventDatetime: e.text })],
]);

/** Namespaces whose unknown names are protected, not dead (behaviour §6.8). */
export const PROTECTED_NAMESPACES: ReadonlySet<string> = new Set([DAV_NS, CALDAV_NS, CARDDAV_NS, CALENDARSERVER_NS]);

/**
 * Decodes one property of a MKCOL/MKCALENDAR/PROPPATCH body into {@link CollectionSettings}.
 * `known: false` means "not a setting": a dead property when its namespace is not in
 * {@link PROTECTED_NAMESPACES}, else a protected/unsupported live property (403 with
 * `cannot-modify-protected-property`). `invalid` is a setting with an unusable value (409 in
 * PROPPATCH, 403/400 in MKCOL). Never throws.
 *
 * @example decodeCollectionProperty({ name, element }) // { known: true, settings: { displayName: 'Work' } }
 */
export function decodeCollectionProperty(property: PropertyValue): DecodedProperty {
  const decoder = DECODERS.get(clark(property.name));
  if (decoder === undefined) return { known: false };
  const result = decoder(property.element);
  return typeof result === 'string' ? { known: true, invalid: result } : { known: true, settings: result };
}

/**
 * All settings of a property list merged (later ones win), with the rest split into dead
 * properties (foreign namespaces), protected ones and invalid values.
 */
export function collectionSettingsOf(props: readonly PropertyValue[]): {
  settings: CollectionSettings;
  dead: PropertyValue[];
  protectedProps: PropertyValue[];
  invalid: { property: PropertyValue; message: string }[];
} {
  const settings: CollectionSettings = {};
  const dead: PropertyValue[] = [];
  const protectedProps: PropertyValue[] = [];
  const invalid: { property: PropertyValue; message: string }[] = [];
  for (const property of props) {
    const decoded = decodeCollectionProperty(property);
    if (!decoded.known) (PROTECTED_NAMESPACES.has(property.name.ns) ? protectedProps : dead).push(property);
    else if ('invalid' in decoded) invalid.push({ property, message: decoded.invalid });
    else Object.assign(settings, decoded.settings);
  }
  return { settings, dead, protectedProps, invalid };
}
