import type { DeadProperty } from '@almanac/domain-kernel';
import { type DavCall, hrefOf } from '../dav/context.js';
import type { DavNode } from '../dav/nodes.js';
import type { PropSelection } from '../xml/requests/common.js';
import { clark, type QName } from '../xml/names.js';
import { rawXml } from '../xml/tree.js';
import type { DavResponse, PropEntry, Propstat } from '../xml/write/multistatus.js';
import { livePropertiesOf } from './index.js';
import type { LiveProperties } from './live.js';
import type { DataRequest } from './resource.js';

/** The stored collection whose dead properties a node shows (single collections only). */
export const deadPropertyOwner = (node: DavNode) =>
  node.type === 'collection' && !node.view.union ? node.view.target : undefined;

/** The dead properties of a node, by Clark name. */
async function deadOf(call: DavCall, node: DavNode): Promise<Map<string, DeadProperty>> {
  const collection = deadPropertyOwner(node);
  if (!collection) return new Map();
  const list = await call.deps.deadProperties.list(collection.id);
  return new Map(list.map((p) => [clark({ ns: p.ns, local: p.name }), p]));
}

/**
 * Computes the propstats of one node for a selection (RFC 4918 §9.1): found properties with 200,
 * unknown or undefined ones with 404. Live properties come first, dead ones (stored elements,
 * returned as they were set) after them.
 */
export async function propstatsFor(call: DavCall, node: DavNode, selection: PropSelection, live: LiveProperties): Promise<Propstat[]> {
  let dead: Map<string, DeadProperty> | undefined;
  const deadMap = async () => (dead ??= await deadOf(call, node));
  const found: PropEntry[] = [];
  const missing: PropEntry[] = [];
  const one = async (name: QName, includeDead: boolean) => {
    const property = live.get(name);
    if (property) {
      const value = await property.get();
      if (value === undefined) missing.push({ name });
      else found.push({ name, value });
      return;
    }
    const stored = includeDead ? (await deadMap()).get(clark(name)) : undefined;
    if (stored) found.push(rawXml(stored.xml));
    else missing.push({ name });
  };

  switch (selection.kind) {
    case 'prop':
      for (const name of selection.props) await one(name, true);
      break;
    case 'allprop': {
      for (const property of live.all()) {
        if (!property.allprop) continue;
        const value = await property.get();
        if (value !== undefined) found.push({ name: property.name, value });
      }
      for (const p of (await deadMap()).values()) found.push(rawXml(p.xml));
      // RFC 4918 §9.1: `include` adds properties allprop leaves out; dead ones are there already.
      for (const name of selection.include) if (live.get(name) && !live.get(name)!.allprop) await one(name, false);
      break;
    }
    case 'propname':
      for (const property of live.all()) found.push({ name: property.name });
      for (const p of (await deadMap()).values()) found.push({ name: { ns: p.ns, local: p.name } });
      break;
  }
  const propstats: Propstat[] = [];
  if (found.length > 0 || missing.length === 0) propstats.push({ status: 200, props: found });
  if (missing.length > 0) propstats.push({ status: 404, props: missing });
  return propstats;
}

/**
 * The `DAV:response` of one node. A node that cannot be rendered (an app that throws on a
 * malformed resource) gets a 500 response of its own, so one bad resource never breaks a listing
 * or a REPORT (DECISIONS.md "Errors").
 */
export async function nodeResponse(call: DavCall, node: DavNode, selection: PropSelection, data?: DataRequest): Promise<DavResponse> {
  const href = hrefOf(call, node.path);
  try {
    return { href, propstats: await propstatsFor(call, node, selection, livePropertiesOf(call, node, data)) };
  } catch (err) {
    call.deps.logger?.warn('a DAV resource could not be rendered', { href, err });
    return { href, status: 500, description: 'this resource could not be read' };
  }
}
