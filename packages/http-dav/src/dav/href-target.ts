import { resolveHref } from '../headers/href.js';
import type { DavCall } from './context.js';
import type { DavNode } from './nodes.js';
import { resolveTarget } from './resolve.js';

/**
 * The path segments of an href a client sent (absolute URL or path) below the base path: `raw`
 * still percent-encoded (for `resolveTarget`), `segments` decoded. Undefined when it is malformed,
 * on another origin, or outside the base.
 */
export function segmentsBelowBase(call: DavCall, href: string): { segments: string[]; raw: string[] } | undefined {
  const resolved = resolveHref(href, { origin: new URL(call.origin).origin });
  if (!resolved.ok) return undefined;
  const base = call.deps.basePath === '/' ? [] : call.deps.basePath.split('/').slice(1);
  const raw = resolved.path.split('/').slice(1);
  if (resolved.collection) raw.pop();
  for (let i = 0; i < base.length; i++) if (raw[i] !== base[i]) return undefined;
  return { segments: resolved.segments.slice(base.length), raw: raw.slice(base.length) };
}

/** The node an href names, if any (no access check). */
export async function nodeAtHref(call: DavCall, href: string): Promise<DavNode | undefined> {
  const below = segmentsBelowBase(call, href);
  if (!below) return undefined;
  try {
    const target = await resolveTarget(call, below.raw);
    return target.kind === 'node' ? target.node : undefined;
  } catch {
    return undefined;
  }
}
