import type { StoredResource } from '@almanac/domain-kernel';
import type { RestApp, RestRenderContext } from './rest-app.js';

/**
 * `props[]` values name DAV properties, optionally as `ns:name`; output keys are bare names
 * (behaviour §3.1). Returns the bare names in request order, without duplicates.
 */
export function requestedProps(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === 'string' ? [v] : []));
  const names = list.map((p) => p.slice(p.lastIndexOf(':') + 1).trim()).filter(Boolean);
  return [...new Set(names)];
}

/**
 * The value of one property of a resource, or undefined when the resource has no such property.
 * `rendered` gives the JSON body lazily, since only data properties need it.
 */
export async function propValue(name: string, r: StoredResource, app: RestApp, rendered: () => Promise<unknown>, ctx?: RestRenderContext): Promise<unknown> {
  switch (name) {
    case 'getetag':
      return `"${app.etag(r)}"`;
    case 'displayname':
      return app.displayName(r, ctx);
    case 'getlastmodified':
      return Math.floor(r.updatedAt.getTime() / 1000);
    case 'getcontenttype':
      return app.contentType(r);
    case 'getcontentlength':
      return Buffer.byteLength(JSON.stringify(await rendered()));
    case 'schedule-tag':
      return app.scheduleTag ? `"${app.scheduleTag(r)}"` : undefined;
    default:
      if (name === app.dataProperty) return rendered();
      return ctx && app.property ? app.property(name, r, ctx) : undefined;
  }
}

/** One listing value: the bare value for one present property, else an object (behaviour §3.1). */
export async function propsEntry(
  names: readonly string[], r: StoredResource, app: RestApp, rendered: () => Promise<unknown>, ctx?: RestRenderContext,
): Promise<unknown> {
  const present: [string, unknown][] = [];
  for (const name of names) {
    const value = await propValue(name, r, app, rendered, ctx);
    if (value !== undefined) present.push([name, value]);
  }
  return present.length === 1 ? present[0]![1] : Object.fromEntries(present);
}
