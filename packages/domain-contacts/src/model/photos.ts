import type { Card } from '@almanac/codec-jscontact';
import type { ValidationIssue } from '@almanac/domain-kernel';

// RFC 2397: data:[<mediatype>][;base64],<data>
const DATA_URI = /^data:([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)?((?:;[a-z0-9!#$&^_.+-]+=[^;,]*)*)(;base64)?,(.*)$/is;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Photos are writable in Almanac (the reference ignores them on input, behaviour §7): a media
 * entry (the `egroupware` profile's `photos`) holds either a link (`https:` or any other URI,
 * stored as given) or the image itself as an RFC 2397 `data:` URI, which must be well formed
 * base64 of an `image/*` type. A missing `mediaType` is taken from the data URI.
 * Returns the card with media types filled in, or the problems with their JSON pointers.
 */
export function checkPhotos(card: Card): { card: Card; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  if (!card.media) return { card, issues };
  const media: Record<string, unknown> = {};
  for (const [id, m] of Object.entries(card.media)) {
    media[id] = m;
    if (typeof m !== 'object' || m === null || m.kind !== 'photo' || typeof m.uri !== 'string') continue;
    const path = `/media/${id.replace(/~/g, '~0').replace(/\//g, '~1')}/uri`;
    const match = DATA_URI.exec(m.uri);
    if (!m.uri.toLowerCase().startsWith('data:')) continue;
    if (!match) {
      issues.push({ path, message: 'not a valid data: URI (RFC 2397)' });
      continue;
    }
    const [, type = '', , base64, payload = ''] = match;
    if (!type.toLowerCase().startsWith('image/')) issues.push({ path, message: 'a photo must be an image/* data: URI' });
    else if (!base64 || !BASE64.test(payload.replace(/\s+/g, '')) || payload.replace(/\s+/g, '').length % 4 !== 0 || payload.length === 0) {
      issues.push({ path, message: 'a photo data: URI must carry base64 data' });
    } else if (m.mediaType === undefined) media[id] = { ...m, mediaType: type.toLowerCase() };
  }
  return { card: { ...card, media: media as Card['media'] }, issues };
}
