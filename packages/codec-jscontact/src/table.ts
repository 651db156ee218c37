/**
 * A lookup table without prototype: keys come from the input (property names, TYPE values, JSON
 * members), and "constructor" or "__proto__" must not find Object.prototype's members.
 */
export function table<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** `entries[key]` when it is the table's own entry (not one of Object.prototype's members). */
export function own<T>(entries: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return entries !== undefined && Object.hasOwn(entries, key) ? entries[key] : undefined;
}
