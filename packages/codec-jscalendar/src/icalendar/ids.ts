/** RFC 8984 §1.4.1 */
export const ID = /^[A-Za-z0-9_-]{1,255}$/;

/** True for a valid RFC 8984 Id. */
export function isId(s: unknown): s is string {
  // Names of Object.prototype members are valid Ids but unsafe as object keys here.
  return typeof s === 'string' && ID.test(s) && s !== '__proto__' && s !== 'constructor' && s !== 'prototype';
}

/**
 * A short Id derived from content (FNV-1a, base 36), so the same iCalendar
 * element gets the same Id whatever order it is processed in
 * (draft-ietf-calext-jscalendar-icalendar §2.1.3) — also in the main event
 * and its overrides, which keeps recurrence override patches minimal.
 */
export function contentId(content: string): string {
  let id = memo.get(content);
  if (id === undefined) {
    id = fnv(content);
    if (memo.size > 20_000) memo.clear();
    memo.set(content, id);
  }
  return id;
}

// Calendar addresses, hrefs and alarm keys repeat across a calendar's events.
const memo = new Map<string, string>();

function fnv(content: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    h ^= content.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** `id`, or `id-2`, `id-3`… if taken in `map`. */
export function freeId(map: Record<string, unknown>, id: string): string {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(map, k);
  if (!has(id)) return id;
  for (let n = 2; ; n++) if (!has(`${id}-${n}`)) return `${id}-${n}`;
}
