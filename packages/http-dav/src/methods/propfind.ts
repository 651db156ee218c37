import { childrenOf } from '../dav/children.js';
import type { DavCall } from '../dav/context.js';
import { DavPreconditionError } from '../dav/errors.js';
import type { DavNode } from '../dav/nodes.js';
import { parseDepth } from '../headers/depth.js';
import { headerText } from '../headers/header-error.js';
import { nodeResponse } from '../properties/propstats.js';
import { readPropfind } from '../xml/requests/propfind.js';
import { preconditions } from '../xml/write/preconditions.js';
import { xmlBody } from './body.js';
import { preferencesOf, startMultistatus } from './multistatus.js';

/**
 * PROPFIND (RFC 4918 §9.1) on any node, `Depth` 0 or 1. An explicit `Depth: infinity` is refused
 * with 403 `DAV:propfind-finite-depth`; a request without the header is answered as `Depth: 1`,
 * the deepest level served (as SabreDAV does), rather than refused. `Prefer: depth-noroot` leaves
 * out the target's own response. Members are streamed page by page.
 */
export async function propfind(call: DavCall, node: DavNode): Promise<void> {
  const selection = readPropfind(xmlBody(call));
  const depthHeader = call.req.headers.depth;
  const depth = headerText(depthHeader) === undefined ? '1' : parseDepth(depthHeader, '1');
  if (depth === 'infinity') {
    throw new DavPreconditionError(403, preconditions.propfindFiniteDepth(), 'Depth: infinity is not supported here; use Depth: 0 or 1');
  }
  const prefs = preferencesOf(call);
  const writer = startMultistatus(call, prefs);
  if (!(prefs.depthNoroot && depth === '1')) await writer.write(await nodeResponse(call, node, selection));
  if (depth === '1') {
    for await (const child of childrenOf(call, node)) {
      if (writer.closed) break;
      await writer.write(await nodeResponse(call, child, selection));
    }
  }
  await writer.end();
}
