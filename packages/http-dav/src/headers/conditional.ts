import { headerText, type HeaderValue } from './header-error.js';
import { parseEntityTagList, strongMatch, weakMatch, type EntityTagList } from './etag.js';

/** The conditional request headers a DAV write or read may carry. */
export interface ConditionalHeaders {
  readonly ifMatch?: HeaderValue;
  readonly ifNoneMatch?: HeaderValue;
  /** RFC 6638 §8.3: compared with the resource's Schedule-Tag, not its ETag. */
  readonly ifScheduleTagMatch?: HeaderValue;
}

/** The state of the target resource the conditions are evaluated against. */
export interface ResourceState {
  /** The current ETag (quoted), or `undefined` when the resource does not exist. */
  readonly etag: string | undefined;
  /** The current Schedule-Tag (quoted), for scheduling objects. */
  readonly scheduleTag?: string;
}

/** The outcome: go on, or answer `412 Precondition Failed` / `304 Not Modified`. */
export type ConditionOutcome = { readonly ok: true } | { readonly ok: false; readonly status: 412 | 304 };

function listMatches(list: EntityTagList, etag: string | undefined, compare: (a: string, b: string) => boolean): boolean {
  if (etag === undefined) return false;
  if (list === '*') return true;
  return list.some((tag) => compare(tag.weak ? `W/${tag.tag}` : tag.tag, etag));
}

/**
 * Evaluates `If-Match`, `If-None-Match` and `If-Schedule-Tag-Match` in the order of RFC 9110
 * §13.2.2: If-Match (strong comparison; `*` needs an existing resource; DECISIONS.md: If-Match on
 * a missing resource is 412, never a create), then If-None-Match (weak comparison; failure is 304
 * for GET/HEAD, 412 otherwise; `If-None-Match: *` on an existing resource is 412), then
 * If-Schedule-Tag-Match (RFC 6638 §8.3, strong comparison with the Schedule-Tag). Never throws.
 *
 * @example evaluateConditions('PUT', { ifNoneMatch: '*' }, { etag: '"1:2"' }) // { ok: false, status: 412 }
 */
export function evaluateConditions(method: string, headers: ConditionalHeaders, state: ResourceState): ConditionOutcome {
  const ifMatch = parseEntityTagList(headers.ifMatch);
  if (ifMatch !== undefined && !listMatches(ifMatch, state.etag, strongMatch)) return { ok: false, status: 412 };
  const ifNoneMatch = parseEntityTagList(headers.ifNoneMatch);
  if (ifNoneMatch !== undefined && listMatches(ifNoneMatch, state.etag, weakMatch)) {
    const safe = method.toUpperCase() === 'GET' || method.toUpperCase() === 'HEAD';
    return { ok: false, status: safe ? 304 : 412 };
  }
  if (headerText(headers.ifScheduleTagMatch) !== undefined) {
    const wanted = parseEntityTagList(headers.ifScheduleTagMatch);
    if (state.etag === undefined || state.scheduleTag === undefined || wanted === undefined || wanted === '*'
      || !wanted.some((tag) => strongMatch(tag, state.scheduleTag as string))) {
      return { ok: false, status: 412 };
    }
  }
  return { ok: true };
}
