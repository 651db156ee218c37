import type { Authenticator, Credentials } from '@almanac/accounts';
import type { RequestHandler } from 'express';
import { setContext } from './context.js';
import { sendError } from './problem.js';

/**
 * Reads `Authorization` (RFC 7617 Basic, RFC 6750 Bearer) and returns the credentials, undefined
 * when the header is absent, or a string describing why it is malformed.
 */
export function parseAuthorization(header: string | undefined): Credentials | undefined | string {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const value = space < 0 ? '' : header.slice(space + 1).trim();
  if (scheme === 'basic') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return 'malformed Basic credentials';
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return 'malformed Basic credentials';
    return { scheme: 'basic', login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (scheme === 'bearer') return value ? { scheme: 'bearer', token: value } : 'empty Bearer token';
  return `unsupported authorization scheme '${scheme}'`;
}

/**
 * Authenticates every request that reaches it, or answers 401 (with the Basic challenge), 429
 * (with Retry-After) through the error handler. On success the request context is set.
 */
export function authenticate(authenticator: Authenticator): RequestHandler {
  return async (req, res, next) => {
    const credentials = parseAuthorization(req.headers.authorization);
    if (credentials === undefined) return sendError(res, 401, 'authentication required');
    if (typeof credentials === 'string') return sendError(res, 401, credentials);
    const auth = await authenticator.authenticate(credentials, { address: req.ip ?? req.socket.remoteAddress ?? 'unknown' });
    setContext(res, { auth, actor: { userId: auth.user.id, groupIds: auth.groupIds } });
    next();
  };
}
