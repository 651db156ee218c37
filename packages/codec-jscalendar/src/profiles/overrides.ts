import { escapeSegment, isObject, isUnsafeKey, unescapeSegment, type JsonObject } from '../json-util.js';

/**
 * EGroupware writes a recurrence override as a nested partial object (a
 * recursive diff against the main event: `"alerts": {"id": null}` removes
 * one alert); RFC 8984 as a PatchObject of paths (§1.4.9). Objects present in
 * both the override and the main event are descended into; everything else
 * becomes one path.
 *
 * @example nestedToPatch({ alerts: { a: null } }, { alerts: { a: {…}, b: {…} } }) // { 'alerts/a': null }
 */
export function nestedToPatch(override: JsonObject, main: JsonObject): JsonObject {
  const out: JsonObject = {};
  const walk = (o: JsonObject, m: unknown, prefix: string) => {
    for (const [key, value] of Object.entries(o)) {
      const path = prefix + escapeSegment(key);
      const inMain = isObject(m) ? m[key] : undefined;
      if (isObject(value) && isObject(inMain) && prefix.split('/').length < 8) walk(value, inMain, `${path}/`);
      else out[path] = value;
    }
  };
  walk(override, main, '');
  return out;
}

/** The inverse: a PatchObject as the nested partial object EGroupware writes. */
export function patchToNested(patch: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [path, value] of Object.entries(patch)) {
    const segments = path.replace(/^\//, '').split('/').map(unescapeSegment);
    if (segments.some(isUnsafeKey)) continue;
    let node = out;
    for (let i = 0; i < segments.length - 1; i++) {
      const seg = segments[i]!;
      if (!isObject(node[seg])) node[seg] = {};
      node = node[seg] as JsonObject;
    }
    node[segments[segments.length - 1]!] = value;
  }
  return out;
}
