/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 6901 escaping of one JSON pointer segment. */
export const pointerSegment = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The keys of a JSCalendar set (`{"a": true}`) that are set. */
export const setMembers = (v: unknown): string[] => (isObject(v) ? Object.keys(v).filter((k) => v[k] === true) : []);

/** RFC 8984 §1.4.1 Id. */
export const isJSCalendarId = (s: string): boolean => /^[A-Za-z0-9_-]{1,255}$/.test(s);
