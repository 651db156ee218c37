import type { RequestHandler } from 'express';
import type { Logger } from './logger.js';

/**
 * Logs one structured line per finished request: method, path (without the query, which may
 * carry tokens), status, duration, bytes, user and client address. Never the Authorization header.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const ctx = res.locals.almanac as { auth?: { user?: { login?: string } } } | undefined;
      logger.info('request', {
        method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Math.round(ms * 10) / 10,
        bytes: Number(res.getHeader('content-length') ?? 0) || undefined, user: ctx?.auth?.user?.login, ip: req.ip,
        agent: req.headers['user-agent'],
      });
    });
    next();
  };
}
