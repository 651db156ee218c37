import { PreconditionFailedError } from '@almanac/domain-kernel';
import type { Request } from 'express';

/** The entity tags of an If-Match / If-None-Match header; `*` as the string '*'. */
export function entityTags(header: string | undefined): '*' | string[] | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  // Quotes are optional, as in the reference (behaviour §3.9); weak tags never match strongly.
  return header.split(',').map((t) => t.trim()).filter((t) => t && !t.startsWith('W/')).map((t) => t.replace(/^"(.*)"$/, '$1'));
}

const matches = (tags: '*' | string[], etag: string | undefined) => etag !== undefined && (tags === '*' || tags.includes(etag));

/**
 * RFC 9110 §13.1.1–13.1.2 for writes: If-Match on a missing resource fails (never creates,
 * DECISIONS.md), If-None-Match `*` or a matching tag on an existing one fails.
 * @throws PreconditionFailedError
 */
export function checkWritePreconditions(req: Request, etag: string | undefined): void {
  const ifMatch = entityTags(req.headers['if-match']);
  if (ifMatch && !matches(ifMatch, etag)) {
    throw new PreconditionFailedError(etag === undefined ? 'If-Match on a resource that does not exist' : 'the resource has changed (If-Match)', 'resource/if-match');
  }
  const ifNoneMatch = entityTags(req.headers['if-none-match']);
  if (ifNoneMatch && matches(ifNoneMatch, etag)) {
    throw new PreconditionFailedError('the resource exists (If-None-Match)', 'resource/if-none-match');
  }
}

/** For GET/HEAD: whether If-None-Match makes the answer `304 Not Modified`. */
export function notModified(req: Request, etag: string): boolean {
  const tags = entityTags(req.headers['if-none-match']);
  return tags !== undefined && matches(tags, etag);
}
