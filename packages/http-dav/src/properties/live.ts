import { clark, type QName } from '../xml/names.js';
import type { XmlContent } from '../xml/tree.js';

/** A property value, computed on demand; `undefined` means the property is not defined here (404). */
export type PropValue = XmlContent | Promise<XmlContent>;

/** One live (server-computed) property of a node. */
export interface LiveProperty {
  readonly name: QName;
  /** Whether `DAV:allprop` returns it (RFC 4918 §9.1: expensive and RFC-excluded ones are left out). */
  readonly allprop: boolean;
  readonly get: () => PropValue;
}

/** The live properties of one node, by Clark name, in the order they were added. */
export class LiveProperties {
  readonly #byName = new Map<string, LiveProperty>();

  /** Adds (or replaces) a property. */
  add(name: QName, get: () => PropValue, options: { allprop?: boolean } = {}): this {
    this.#byName.set(clark(name), { name, get, allprop: options.allprop ?? true });
    return this;
  }

  get(name: QName): LiveProperty | undefined {
    return this.#byName.get(clark(name));
  }

  all(): IterableIterator<LiveProperty> {
    return this.#byName.values();
  }
}

/** Memoizes an async computation (a resource's text is needed by several properties). */
export function once<T>(compute: () => T | Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= Promise.resolve().then(compute));
}
