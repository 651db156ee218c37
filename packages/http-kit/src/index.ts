export { getContext, setContext, type RequestContext } from './context.js';
export { jsonLogger, MemoryLogger, silentLogger, type Logger } from './logger.js';
export { webdavStatusHeader } from './webdav-status.js';
export { jsonErrorHandler, sendError, HttpError, STATUS_OF_KIND, BASIC_CHALLENGE, type ErrorBody } from './problem.js';
export { authenticate, parseAuthorization } from './authenticate.js';
export { requestLog } from './request-log.js';
export { bodyLimit, parseByteSize } from './body-limit.js';
export { scopeAllows, assertScope } from './scope.js';
export { findPrincipal, visibleCollections, grantsFromOwner, type TreeDeps } from './tree.js';
export { sendJson, wantsPretty } from './send-json.js';
export {
  resolvePath, DEFAULT_COLLECTION, ACCOUNT_DIRECTORY, isAccountDirectory, type CollectionView, type PathTarget, type ResolveDeps,
} from './views.js';
export { formatTokenValue, parseToken, type SyncPosition } from './sync-token.js';
export { publicOrigin, withBasePath, absoluteUrlOf } from './public-url.js';
