import { headerText, type HeaderValue } from './header-error.js';

/** An entity tag (RFC 9110 §8.8.3). `tag` is the quoted opaque value, e.g. `"abc:3"`. */
export interface EntityTag {
  readonly weak: boolean;
  readonly tag: string;
}

/** An `If-Match`/`If-None-Match` value: `*` or a list of entity tags. */
export type EntityTagList = '*' | readonly EntityTag[];

/**
 * Parses an entity tag such as `"abc"` or `W/"abc"`. Lenient: an unquoted token (`abc`, sent by
 * some clients) is taken as `"abc"`. `undefined` for an empty value.
 * @example parseEntityTag('W/"x"') // { weak: true, tag: '"x"' }
 */
export function parseEntityTag(text: string): EntityTag | undefined {
  let value = text.trim();
  let weak = false;
  if (value.startsWith('W/') || value.startsWith('w/')) {
    weak = true;
    value = value.slice(2).trim();
  }
  if (value === '') return undefined;
  if (!value.startsWith('"')) value = `"${value.replace(/"/g, '')}"`;
  else if (!value.endsWith('"') || value.length < 2) value = `${value}"`;
  return { weak, tag: value };
}

/**
 * Parses an `If-Match`/`If-None-Match` header: `*`, or comma-separated entity tags (commas
 * inside quotes belong to the tag, RFC 9110 §8.8.3 allows them). `undefined` when absent.
 * Never throws; garbage yields tags that match nothing.
 * @example parseEntityTagList('"a", W/"b"') // [{ weak: false, tag: '"a"' }, { weak: true, tag: '"b"' }]
 */
export function parseEntityTagList(value: HeaderValue): EntityTagList | undefined {
  const text = headerText(value);
  if (text === undefined) return undefined;
  if (text === '*') return '*';
  const tags: EntityTag[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if ((c === ',' && !quoted) || i === text.length) {
      const tag = parseEntityTag(text.slice(start, i));
      if (tag) tags.push(tag);
      start = i + 1;
    }
  }
  return tags;
}

/** Writes an entity tag back (`W/"x"` or `"x"`). */
export function formatEntityTag(tag: EntityTag): string {
  return tag.weak ? `W/${tag.tag}` : tag.tag;
}

const asTag = (etag: string | EntityTag): EntityTag | undefined => (typeof etag === 'string' ? parseEntityTag(etag) : etag);

/** RFC 9110 §8.8.3.2 strong comparison: both strong and identical. */
export function strongMatch(a: string | EntityTag, b: string | EntityTag): boolean {
  const x = asTag(a);
  const y = asTag(b);
  return x !== undefined && y !== undefined && !x.weak && !y.weak && x.tag === y.tag;
}

/** RFC 9110 §8.8.3.2 weak comparison: identical opaque tags, weakness ignored. */
export function weakMatch(a: string | EntityTag, b: string | EntityTag): boolean {
  const x = asTag(a);
  const y = asTag(b);
  return x !== undefined && y !== undefined && x.tag === y.tag;
}
