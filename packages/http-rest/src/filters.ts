import { CUSTOM_FIELDS_MEMBER, type ResourceQuery, ValidationError } from '@almanac/domain-kernel';
import type { RestApp } from './rest-app.js';

const FILTER = /^filters\[([^\]]*)\](?:\[([^\]]*)\])?$/;

/** Reads iCalendar basic (`20300101T000000Z`) or ISO date-times for `filters[start|end]`. */
export function readFilterInstant(value: string, name: string): Date {
  const basic = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value.trim());
  const text = basic ? `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4] ?? '00'}:${basic[5] ?? '00'}:${basic[6] ?? '00'}Z` : value.trim();
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) {
    throw new ValidationError(`filters[${name}]: not a date-time: '${value}'`, [{ path: `/filters/${name}`, message: 'not a date-time' }], 'filter/invalid');
  }
  return new Date(ms);
}

/**
 * Turns `filters[…]` query parameters into a ResourceQuery (behaviour §3.2): `search`, custom
 * fields `search][#cf` or `#cf`, `start`/`end`, and the app's explicit allow-list of reference
 * column names. Integer keys are discarded; anything else is a 422, never a raw column.
 * @throws ValidationError
 */
export function readFilters(params: URLSearchParams, app: RestApp): ResourceQuery {
  const equals: { path: string[]; value: string }[] = [];
  let text: string | undefined;
  let start: Date | undefined;
  let end: Date | undefined;
  for (const [key, value] of params) {
    const m = FILTER.exec(key);
    if (!m) continue;
    const [, name = '', sub] = m;
    if (/^\d+$/.test(name)) continue;
    const cf = (n: string) => equals.push({ path: [CUSTOM_FIELDS_MEMBER, n.replace(/^#/, '')], value });
    if (name === 'search' && sub === undefined) text = value;
    else if (name === 'search' && sub?.startsWith('#')) cf(sub);
    else if (name.startsWith('#') && sub === undefined) cf(name);
    else if (name === 'start' && sub === undefined) start = readFilterInstant(value, 'start');
    else if (name === 'end' && sub === undefined) end = readFilterInstant(value, 'end');
    else if (sub === undefined && Object.hasOwn(app.filterColumns, name)) {
      const column = app.filterColumns[name]!;
      const wanted = typeof column === 'function' ? column(value) : { path: column, value };
      equals.push({ path: [...wanted.path], value: wanted.value });
    }
    else {
      throw new ValidationError(`unknown filter '${key}' (known: search, start, end, #<custom field>${Object.keys(app.filterColumns).map((c) => `, ${c}`).join('')})`,
        [{ path: `/filters/${name}`, message: 'unknown filter' }], 'filter/unknown');
    }
  }
  return {
    ...(text !== undefined && text !== '' && { text }),
    ...(equals.length && { equals }),
    ...((start || end) && { timeRange: { ...(start && { start }), ...(end && { end }) } }),
  };
}
