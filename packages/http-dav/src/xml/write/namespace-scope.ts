import {
  APPLE_ICAL_NS, CALDAV_NS, CALENDARSERVER_NS, CARDDAV_NS, DAV_NS, XML_NS,
} from '../names.js';

/**
 * Fixed prefixes of the well-known namespaces in everything this package writes. CardDAV gets
 * `CR` (not `A`/`card`): short, and unlike `A` never confused with the `A:` Apple clients use
 * for DAV: in their requests. Clients must not depend on prefixes, but fixed ones make
 * responses readable and diffable.
 */
export const WELL_KNOWN_PREFIXES: ReadonlyMap<string, string> = new Map([
  [DAV_NS, 'D'],
  [CALDAV_NS, 'C'],
  [CARDDAV_NS, 'CR'],
  [CALENDARSERVER_NS, 'CS'],
  [APPLE_ICAL_NS, 'ICAL'],
]);

const RESERVED_PREFIX = /^xml/i; // XML Namespaces §3: prefixes starting with "xml" are reserved
const NCNAME = /^[A-Za-z_][\w.-]*$/;

/**
 * The namespace bindings in force while writing, as a stack of undoable declarations (one map
 * each way instead of a map per element: a 10 000-response multistatus creates no garbage here).
 * Only unbound prefixes are ever declared, so a prefix never shadows another binding; the
 * default namespace is the one exception (it is how `xmlns=""` and parsed default namespaces
 * are written back).
 */
export class NamespaceScope {
  readonly #nsOf = new Map<string, string>([['xml', XML_NS], ['', '']]);
  readonly #prefixOf = new Map<string, string>([[XML_NS, 'xml']]);

  /** Binds `prefix` (`''` = default namespace) and returns what undoes it. */
  declare(prefix: string, ns: string): () => void {
    const previousNs = this.#nsOf.get(prefix);
    const previousPrefix = this.#prefixOf.get(ns);
    this.#nsOf.set(prefix, ns);
    if (prefix !== '') this.#prefixOf.set(ns, prefix);
    return () => {
      if (previousNs === undefined) this.#nsOf.delete(prefix);
      else this.#nsOf.set(prefix, previousNs);
      if (prefix !== '') {
        if (previousPrefix === undefined) this.#prefixOf.delete(ns);
        else this.#prefixOf.set(ns, previousPrefix);
      }
    };
  }

  /** The non-empty prefix currently bound to `ns`, if any. */
  prefixOf(ns: string): string | undefined {
    const prefix = this.#prefixOf.get(ns);
    return prefix !== undefined && this.#nsOf.get(prefix) === ns ? prefix : undefined;
  }

  get defaultNamespace(): string {
    return this.#nsOf.get('') ?? '';
  }

  isBound(prefix: string): boolean {
    return this.#nsOf.has(prefix);
  }

  /**
   * A prefix to declare for `ns`: the author's hint, else the well-known one, else the lowest free
   * `nsN`. Always the lowest, so that writing a parsed serialisation again gives the same text.
   */
  freshPrefix(ns: string, hint?: string): string {
    if (hint && NCNAME.test(hint) && !RESERVED_PREFIX.test(hint) && !this.isBound(hint)) return hint;
    const known = WELL_KNOWN_PREFIXES.get(ns);
    if (known !== undefined && !this.isBound(known)) return known;
    for (let i = 0; ; i++) if (!this.isBound(`ns${i}`)) return `ns${i}`;
  }
}
