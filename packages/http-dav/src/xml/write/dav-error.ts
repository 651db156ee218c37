import { DAV_NS } from '../names.js';
import type { XmlContent } from '../tree.js';
import { escapeAttr } from './escape.js';
import { NamespaceScope, WELL_KNOWN_PREFIXES } from './namespace-scope.js';
import { renderContent } from './render.js';

/**
 * The body of an error response with precondition/postcondition codes (RFC 4918 §16, §14.5):
 * `<D:error>` holding the condition elements (see `preconditions`), with the well-known
 * namespaces declared on the root. Send it with {@link DAV_ERROR_CONTENT_TYPE}.
 *
 * @example
 * res.status(403).type(DAV_ERROR_CONTENT_TYPE).send(renderDavError(preconditions.validSyncToken()))
 * // <?xml version="1.0" encoding="utf-8"?>
 * // <D:error xmlns:D="DAV:" …><D:valid-sync-token/></D:error>
 */
export function renderDavError(conditions: XmlContent): string {
  const scope = new NamespaceScope();
  let declarations = '';
  for (const [ns, prefix] of WELL_KNOWN_PREFIXES) {
    scope.declare(prefix, ns);
    declarations += ` xmlns:${prefix}="${escapeAttr(ns)}"`;
  }
  const tag = `${scope.prefixOf(DAV_NS) as string}:error`;
  const out = [`<?xml version="1.0" encoding="utf-8"?>\n<${tag}${declarations}>`];
  renderContent(out, conditions, scope);
  out.push(`</${tag}>\n`);
  return out.join('');
}
