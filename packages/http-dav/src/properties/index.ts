import type { DavCall } from '../dav/context.js';
import type { DavNode } from '../dav/nodes.js';
import { collectionProperties } from './collection.js';
import type { LiveProperties } from './live.js';
import { principalProperties } from './principal.js';
import { type DataRequest, resourceProperties } from './resource.js';
import { homeProperties, principalCollectionProperties, rootProperties } from './tree.js';

/** The live properties of any node; `data` is a REPORT's calendar-data / address-data request. */
export function livePropertiesOf(call: DavCall, node: DavNode, data?: DataRequest): LiveProperties {
  switch (node.type) {
    case 'root':
      return rootProperties(call);
    case 'principals':
    case 'principal-list':
      return principalCollectionProperties(call, node);
    case 'principal':
      return principalProperties(call, node.principal);
    case 'home':
      return homeProperties(call, node.owner);
    case 'collection':
      return collectionProperties(call, node);
    case 'resource':
      return resourceProperties(call, node, data);
  }
}
