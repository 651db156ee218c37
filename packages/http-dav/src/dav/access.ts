import { ForbiddenError, NotFoundError } from '@almanac/domain-kernel';
import { assertScope } from '@almanac/http-kit';
import type { DavCall } from './context.js';
import { mayOnCollection, mayOnResource } from './locate.js';
import type { DavNode } from './nodes.js';

/**
 * Checks that the caller may see a node at all. A collection the caller has no right on is 403
 * (a user's collections are no secret, their contents are; as REST does); a resource it may not
 * read answers exactly as a missing one, 404 (DECISIONS.md "URLs and routing"). App tokens must
 * cover the collection's app.
 * @throws ForbiddenError, NotFoundError, TokenScopeError
 */
export function assertVisible(call: DavCall, node: DavNode): void {
  if (node.type === 'collection') {
    assertScope(call.auth, node.view.app);
    const { view } = node;
    if (!view.union && view.target && !mayOnCollection(call, view.target, 'read-free-busy', view.grants)) {
      throw new ForbiddenError(`you may not read ${view.href}`, 'access/no-read');
    }
  } else if (node.type === 'resource') {
    assertScope(call.auth, node.view.app);
    if (!mayOnResource(call, node.view, node.app, node.resource, 'read')) throw new NotFoundError(`'${node.path}'`);
  }
}
