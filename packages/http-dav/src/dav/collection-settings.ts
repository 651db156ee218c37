import type { Collection, CollectionPatch, DeadProperty } from '@almanac/domain-kernel';
import { appleIcal, caldav, carddav, clark, dav, type QName } from '../xml/names.js';
import {
  type CollectionSettings, decodeCollectionProperty, PROTECTED_NAMESPACES,
} from '../xml/requests/collection-properties.js';
import type { PropertyValue } from '../xml/requests/proppatch.js';
import { serializeElement } from '../xml/serialize.js';
import type { XmlElement } from '../xml/tree.js';
import { preconditions } from '../xml/write/preconditions.js';

const COLOR = /^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/;

/** One property that cannot be set, with the status RFC 4918 §9.2.1 gives it. */
export interface PropertyFailure {
  readonly name: QName;
  readonly status: 403 | 409;
  readonly error?: XmlElement;
  readonly message: string;
}

/**
 * What a PROPPATCH, MKCOL or MKCALENDAR body does to a collection: the modelled settings (a
 * CollectionPatch), the stored dead properties to set and remove, and the properties refused.
 * Instructions apply in document order (RFC 4918 §9.2), so a later one on the same name wins.
 */
export class SettingsPlan {
  readonly patch: { -readonly [K in keyof CollectionPatch]: CollectionPatch[K] } = {};
  readonly #dead = new Map<string, { set?: DeadProperty; remove?: { ns: string; name: string } }>();
  readonly failures: PropertyFailure[] = [];
  /** Every property named, in order, once. */
  readonly names: QName[] = [];
  /** Settings only creation honours (resource type, component set), for MKCOL / MKCALENDAR. */
  readonly creation: Pick<CollectionSettings, 'resourceType' | 'supportedComponents'> = {};

  constructor(readonly mode: 'update' | 'create') {}

  get deadSet(): DeadProperty[] {
    return [...this.#dead.values()].flatMap((d) => (d.set ? [d.set] : []));
  }

  get deadRemove(): { ns: string; name: string }[] {
    return [...this.#dead.values()].flatMap((d) => (d.remove ? [d.remove] : []));
  }

  #named(name: QName): void {
    if (!this.names.some((n) => n.ns === name.ns && n.local === name.local)) this.names.push(name);
  }

  #keepDead(element: XmlElement): void {
    this.#dead.set(clark(element), { set: { ns: element.ns, name: element.local, xml: serializeElement(element) } });
  }

  #protected(name: QName): void {
    this.failures.push({ name, status: 403, error: preconditions.cannotModifyProtectedProperty(), message: `${clark(name)} is protected` });
  }

  /** A `set` (or a property of a MKCOL/MKCALENDAR body). */
  set(property: PropertyValue): void {
    const { name, element } = property;
    this.#named(name);
    const decoded = decodeCollectionProperty(property);
    if (!decoded.known) {
      // Behaviour §6.8: any property in a foreign namespace is stored; unknown ones in ours are protected.
      if (PROTECTED_NAMESPACES.has(name.ns)) this.#protected(name);
      else this.#keepDead(element);
      return;
    }
    if ('invalid' in decoded) {
      this.failures.push({ name, status: 409, message: decoded.invalid });
      return;
    }
    const s = decoded.settings;
    if (s.displayName !== undefined) this.patch.displayName = s.displayName;
    else if (s.calendarDescription) this.patch.description = s.calendarDescription.value;
    else if (s.addressbookDescription) this.patch.description = s.addressbookDescription.value;
    else if (s.calendarColor) {
      if (COLOR.test(s.calendarColor.value)) this.patch.color = s.calendarColor.value;
      else this.failures.push({ name, status: 409, message: 'calendar-color must be #RRGGBB or #RRGGBBAA' });
    } else if (s.resourceType || s.supportedComponents) {
      // RFC 4791 §5.2.3, RFC 5689 §3: fixed once the collection exists.
      if (this.mode === 'update') this.#protected(name);
      else Object.assign(this.creation, s);
    } else this.#keepDead(element); // calendar-order, time zone, transparency, default alarms: kept as sent
  }

  /** A `remove`: modelled settings go back to their defaults, stored properties are dropped. */
  remove(name: QName, collection: Pick<Collection, 'name'>): void {
    this.#named(name);
    const is = (other: QName) => name.ns === other.ns && name.local === other.local;
    if (is(dav('displayname'))) this.patch.displayName = collection.name;
    else if (is(caldav('calendar-description')) || is(carddav('addressbook-description'))) this.patch.description = '';
    else if (is(appleIcal('calendar-color'))) this.patch.color = null;
    else if (is(dav('resourcetype')) || is(caldav('supported-calendar-component-set'))) this.#protected(name);
    else if (PROTECTED_NAMESPACES.has(name.ns) && decodeCollectionProperty({ name, element: { ...name, attrs: {}, content: [], children: [], text: '' } }).known === false) {
      this.#protected(name);
    } else this.#dead.set(clark(name), { remove: { ns: name.ns, name: name.local } });
  }

  /** The status of each named property: its failure, 424 beside a failure (§9.2: all or nothing), else 200. */
  statuses(): { name: QName; status: number; error?: XmlElement; message?: string }[] {
    const failed = new Map(this.failures.map((f) => [clark(f.name), f]));
    return this.names.map((name) => {
      const failure = failed.get(clark(name));
      if (failure) return { name, status: failure.status, ...(failure.error && { error: failure.error }), message: failure.message };
      return { name, status: this.failures.length > 0 ? 424 : 200 };
    });
  }
}
