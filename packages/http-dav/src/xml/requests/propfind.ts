import { dav } from '../names.js';
import type { XmlElement } from '../tree.js';
import { expectRoot, readPropSelection, type PropSelection } from './common.js';

/** A PROPFIND request body (RFC 4918 §9.1, §14.20). */
export type PropfindRequest = PropSelection;

/**
 * Reads a PROPFIND body. No body means allprop (RFC 4918 §9.1: "A client may choose not to
 * submit a request body. An empty PROPFIND request body MUST be treated as if it were an
 * 'allprop' request."). Unknown elements are ignored (§17), and a `<propfind/>` holding none of
 * `prop`, `allprop`, `propname` is read as allprop too, like an empty body (liberal in what we
 * accept; the DTD would make it a 400).
 *
 * @param root the parsed body, `undefined` when empty (see `parseDavBody`)
 * @throws XmlError `unexpected-root` when the root is not `DAV:propfind`.
 * @example readPropfind(parseDavBody('<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>'))
 *   // { kind: 'prop', props: [{ ns: 'DAV:', local: 'getetag' }] }
 */
export function readPropfind(root: XmlElement | undefined): PropfindRequest {
  if (root === undefined) return { kind: 'allprop', include: [] };
  return readPropSelection(expectRoot(root, dav('propfind')), { kind: 'allprop', include: [] });
}
