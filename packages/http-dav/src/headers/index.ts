export { HeaderError, headerText, type HeaderValue } from './header-error.js';
export { parseDepth, depthFor, DEFAULT_DEPTH, type Depth } from './depth.js';
export { parsePrefer, preferenceApplied, type DavPreferences } from './prefer.js';
export {
  parseEntityTag, parseEntityTagList, formatEntityTag, strongMatch, weakMatch, type EntityTag, type EntityTagList,
} from './etag.js';
export { evaluateConditions, type ConditionalHeaders, type ResourceState, type ConditionOutcome } from './conditional.js';
export { parseOverwrite } from './overwrite.js';
export { parseDestination, type Destination } from './destination.js';
export {
  encodePathSegment, encodeHref, hrefFromSegments, normalizeHref, resolveHref, decodeSegments, type ResolvedHref,
} from './href.js';
